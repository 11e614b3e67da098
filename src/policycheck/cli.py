"""The command line: parse options, call the library, map errors to exit codes.

Exit codes: 0 no gap at or above --fail-on; 1 gaps found; 2 bad input or usage;
3 internal error; 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click
from tabulate import tabulate

from policycheck import __version__, api
from policycheck.errors import InputError, UsageError
from policycheck.explain import explain_rule
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.models.common import LANGUAGES, Severity, localize
from policycheck.output import write_atomic
from policycheck.policytest import run_pack_tests
from policycheck.reference import write_docs
from policycheck.reports.registry import REPORTERS, reporter
from policycheck.scaffold import scaffold_plan
from policycheck.schemas import write_schemas

EXIT_OK, EXIT_GAPS, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES_HELP = """\b
Exit codes:
  0  no gap at or above --fail-on
  1  gaps found
  2  bad input or usage (the message names file:line:column)
  3  internal error (a bug: please report it)
  130 interrupted (no partial output is left)"""

POLICY_OPTION = click.option("--policy", "-p", required=True, metavar="PACK",
                             help="A bundled pack's name (tromso, vest), a pack folder, or an override file extending one.")
LANG_OPTION = click.option("--lang", "language", type=click.Choice(LANGUAGES),
                           help="Report language (default: the pack's).")


@click.group(epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="policycheck")
def cli() -> None:
    """Check a school's school-home cooperation against municipal policy packs."""


@cli.command(epilog=EXIT_CODES_HELP)
@POLICY_OPTION
@click.option("--plan", required=True, type=click.Path(path_type=Path), help="The school's local plan (YAML).")
@click.option("--format", "format_name", type=click.Choice(sorted(REPORTERS)), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the report here (whole or not at all).")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity] + ["never"]), default="required",
              show_default=True, help="Lowest severity of a gap that makes the exit code 1.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
              help="Judge dates as of this day (default: today, or 31 July ending the plan's school year if that is earlier).")
@LANG_OPTION
def check(policy: str, plan: Path, format_name: str, output: Path | None, fail_on: str,
          as_of: dt.datetime | None, language: str | None) -> None:
    """Check a local plan against a policy pack and print a gap report."""
    day = as_of.date() if as_of else None
    report = api.run_check(api.CheckRequest(policy=policy, plan=plan, as_of=day, language=language))
    _emit(reporter(format_name).render(report), output)
    sys.exit(report.exit_code(None if fail_on == "never" else Severity(fail_on)))


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as", "kind", type=click.Choice(sorted(api.VALIDATORS)), help="Kind of file (default: inferred).")
def validate(files: tuple[Path, ...], kind: str | None) -> None:
    """Validate packs, rules files, plans or reports against their schemas."""
    failed = False
    for path in files:
        try:
            found = api.validate_file(path, kind)
            click.echo(f"{path}: ok ({found})")
        except InputError as error:
            click.echo(str(error), err=True)
            failed = True
    sys.exit(EXIT_BAD_INPUT if failed else EXIT_OK)


@cli.command()
@POLICY_OPTION
@LANG_OPTION
def rules(policy: str, language: str | None) -> None:
    """List the rules of a pack."""
    pack = load_pack(policy)
    language = language or pack.meta.language
    rows = [[r.id, r.severity.value, r.source.section, r.check.kind, localize(r.title, language)] for r in pack.rules]
    click.echo(tabulate(rows, headers=["Rule", "Severity", "§", "Check", "Title"], tablefmt="simple"))


@cli.command()
@click.argument("rule_id")
@click.option("--policy", "-p", metavar="PACK", help="Look only in this pack (default: every bundled pack).")
@LANG_OPTION
def explain(rule_id: str, policy: str | None, language: str | None) -> None:
    """Show a rule: its source quote, legal basis, what satisfies it and an example."""
    pack, rule = api.find_rule(rule_id, policy)
    click.echo(explain_rule(pack, rule, language or pack.meta.language))


@cli.command()
@POLICY_OPTION
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the plan here (default: print it).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(policy: str, output: Path | None, force: bool) -> None:
    """Write a local plan skeleton for a pack, with TODOs and the source clauses."""
    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} exists; give --force to overwrite it")
    _emit(scaffold_plan(load_pack(policy), output), output)
    if output is not None:
        click.echo(f"wrote {output}; fill in the TODOs, then run: policycheck check --policy {policy} --plan {output}", err=True)


@cli.command("test")
@click.argument("packs", nargs=-1, metavar="[PACK...]")
def test_packs(packs: tuple[str, ...]) -> None:
    """Run packs' own test cases (default: every bundled pack)."""
    failed = False
    for reference in packs or bundled_pack_names():
        result = run_pack_tests(reference)
        for mismatch in result.mismatches:
            click.echo(f"FAIL {mismatch.where}: {result.pack} case '{mismatch.case}': {mismatch.rule_id} "
                       f"expected {mismatch.expected.value}, got {mismatch.actual.value} ({mismatch.message})")
        for missing in result.uncovered:
            click.echo(f"FAIL {result.pack}: {missing}")
        failed |= not result.ok
        click.echo(f"{result.pack}: {result.assertions - len(result.mismatches)} passed, "
                   f"{len(result.mismatches) + len(result.uncovered)} failed")
    sys.exit(EXIT_GAPS if failed else EXIT_OK)


@cli.command()
@click.argument("packs", nargs=-1, metavar="[PACK...]")
@click.option("--output-dir", type=click.Path(path_type=Path), default=Path("docs"), show_default=True)
def docs(packs: tuple[str, ...], output_dir: Path) -> None:
    """Generate the rule reference (docs/rules/<pack>.md) and the coverage table."""
    for path in write_docs([load_pack(p) for p in packs or bundled_pack_names()], output_dir):
        click.echo(f"wrote {path}")


@cli.command(hidden=True)
@click.option("--output-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schemas(output_dir: Path) -> None:
    """Regenerate the JSON Schemas from the models."""
    for path in write_schemas(output_dir):
        click.echo(f"wrote {path}")


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        click.echo(content, nl=False)
    else:
        write_atomic(output, content)


def run(args: list[str] | None = None) -> int:
    """Run the CLI and return its exit code: the one boundary where errors become messages."""
    try:
        return cli.main(args=args, prog_name="policycheck", standalone_mode=False) or EXIT_OK
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_INTERNAL
    except (InputError, UsageError) as error:
        click.echo(f"error: {error}" if isinstance(error, UsageError) else str(error), err=True)
        return EXIT_BAD_INPUT
    except click.ClickException as error:
        error.show()
        return EXIT_BAD_INPUT
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last boundary: no traceback for users
        if os.environ.get("POLICYCHECK_DEBUG"):
            raise
        click.echo(f"internal error: {type(error).__name__}: {error} (set POLICYCHECK_DEBUG=1 for details)", err=True)
        return EXIT_INTERNAL


def main() -> None:
    sys.exit(run())
