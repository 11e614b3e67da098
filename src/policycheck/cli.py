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
from policycheck.loading.packs import load_pack
from policycheck.models.common import LANGUAGES, Severity, localize
from policycheck.output import write_atomic
from policycheck.reports.registry import REPORTERS, reporter
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
                             help="A bundled pack's name (tromso, vest) or a pack folder.")
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
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Judge dates as of this day (default: today).")
@LANG_OPTION
@click.option("--log", "logs", multiple=True, type=click.Path(path_type=Path),
              help="Activity log (CSV or JSON Lines); repeat for several files.")
@click.option("--roster", type=click.Path(path_type=Path), help="Classes and pupils (YAML), for per-pupil/class rules.")
@click.option("--calendar", type=click.Path(path_type=Path), help="The school's calendar (YAML): year and holidays.")
@click.option("--mapping", type=click.Path(path_type=Path), help="Column mapping (YAML) for a system's export.")
@click.option("--school-year", metavar="YYYY-YYYY", help="School year to check, e.g. 2025-2026 (default: the plan's).")
@click.option("--skip-bad-rows", is_flag=True, help="Count rejected log rows in the report instead of failing (exit 2).")
def check(policy: str, plan: Path, format_name: str, output: Path | None, fail_on: str,
          as_of: dt.datetime | None, language: str | None, logs: tuple[Path, ...], roster: Path | None,
          calendar: Path | None, mapping: Path | None, school_year: str | None, skip_bad_rows: bool) -> None:
    """Check a local plan (and its activity log) against a policy pack and print a gap report."""
    day = as_of.date() if as_of else dt.date.today()
    log = api.logrun.LogOptions(logs=logs, roster=roster, calendar=calendar, mapping=mapping,
                                school_year=school_year, skip_bad_rows=skip_bad_rows)
    report = api.run_check(api.CheckRequest(policy=policy, plan=plan, as_of=day, language=language, log=log))
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


def main() -> None:
    """Entry point: the one boundary where errors become messages and exit codes."""
    try:
        cli.main(standalone_mode=False)
    except (InputError, UsageError) as error:
        click.echo(f"error: {error}" if isinstance(error, UsageError) else str(error), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - the last boundary: no traceback for users
        if os.environ.get("POLICYCHECK_DEBUG"):
            raise
        click.echo(f"internal error: {type(error).__name__}: {error} (set POLICYCHECK_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_INTERNAL)
