"""The `policycheck-check` pre-commit hook: `check` every staged plan, exit with the worst code.

pre-commit runs `entry args files`: the hook's options (`args:` in the user's config) and then
the staged file names. `check` takes one `--plan`, so this runs `check` once per file. An
argument is an option when it is one of `check`'s options (with its value, `--policy=tromso` or
`--policy tromso`); everything after `--`, and every other argument, is a plan, so a staged file
whose path starts with `-` (`-dash/plan.yaml`) is checked, not taken for an option.
"""

from __future__ import annotations

import sys

import click

from policycheck import cli
from policycheck.runtime import settle_process


def split_arguments(arguments: list[str]) -> tuple[list[str], list[str]]:
    """(options for `check`, plan files)."""
    takes_value = _check_options()
    options: list[str] = []
    plans: list[str] = []
    pending = iter(arguments)
    for argument in pending:
        if argument == "--":
            plans += list(pending)
            break
        name = argument.split("=", 1)[0]
        if name not in takes_value:
            plans.append(argument)
            continue
        options.append(argument)
        if takes_value[name] and "=" not in argument:
            options.append(next(pending, ""))
    return options, plans


def _check_options() -> dict[str, bool]:
    """check's option names -> whether the option takes a value."""
    return {name: not option.is_flag for option in cli.check.params if isinstance(option, click.Option)
            for name in option.opts + option.secondary_opts}


def main(argv: list[str] | None = None) -> int:
    options, plans = split_arguments(sys.argv[1:] if argv is None else argv)
    worst = 0
    for plan in plans:
        worst = max(worst, cli.run(["check", *options, f"--plan={plan}"]))
    return worst


if __name__ == "__main__":
    settle_process()
    sys.exit(main())
