"""The `policycheck-check` pre-commit hook: `check` every staged plan, exit with the worst code.

pre-commit appends file names after the hook's `args`, and `check` takes one `--plan`, so this
runs `check` once per file. Give options as single tokens (`--policy=tromso`): every argument
starting with `-` is an option, every other one a plan.
"""

from __future__ import annotations

import sys

from policycheck import cli
from policycheck.runtime import settle_process


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    options = [a for a in arguments if a.startswith("-")]
    worst = 0
    for plan in (a for a in arguments if not a.startswith("-")):
        worst = max(worst, _check(options + ["--plan", plan]))
    return worst


def _check(arguments: list[str]) -> int:
    return cli.run(["check", *arguments])


if __name__ == "__main__":
    settle_process()
    sys.exit(main())
