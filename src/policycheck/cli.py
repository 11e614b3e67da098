"""The command line: parse options, call the library, map errors to exit codes.

Exit codes: each command's --help lists its own (`exit_codes`); all share 2 bad input or usage,
3 internal error, 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any, Callable

import click
from click.shell_completion import CompletionItem

from policycheck import __version__, api
from policycheck.audit.progress import Progress
from policycheck.audit.run import AuditRequest, merge_audits, run_audit
from policycheck.audit.shard import Shard
from policycheck.catalog import oscal_catalog
from policycheck.errors import InputError, UsageError
from policycheck.explain import explain_rule, rules_table
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.models.common import LANGUAGES, Severity
from policycheck.output import write_atomic
from policycheck.packdiff import diff_packs, render_diff
from policycheck.plan_schema import plan_schema_name, plan_schema_text, plan_schema_url, write_plan_schemas
from policycheck.policytest import run_pack_tests
from policycheck.reference import write_docs
from policycheck.reports.base import Reporter
from policycheck.reports.registry import AUDIT_REPORTERS, REPORTERS, reporter
from policycheck.runtime import settle_process
from policycheck.scaffold import scaffold_plan
from policycheck.schemas import write_schemas

EXIT_OK, EXIT_GAPS, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130



def exit_codes(*own: str) -> str:
    """A command's epilog: its own exit codes, then those every command shares."""
    lines = ["\b", "Exit codes:", *own, "  2  bad input or usage (the message names file:line:column)",
             "  3  internal error (a bug: please report it)", "  130 interrupted (no partial output is left)"]
    return "\n".join(lines)


def complete_pack(context: click.Context, parameter: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """`--policy <TAB>`: the bundled packs' names, and files and folders (pack folders, override files)."""
    names = [CompletionItem(name, help="bundled pack") for name in bundled_pack_names() if name.startswith(incomplete)]
    return names + [CompletionItem(incomplete, type="file")]


CHECK_EXIT_CODES = exit_codes("  0  no gap at or above --fail-on", "  1  gaps at or above --fail-on")
POLICY_OPTION = click.option("--policy", "-p", required=True, metavar="PACK", shell_complete=complete_pack,
                             help="A bundled pack's name (tromso, vest), a pack folder, or an override file extending one.")
LANG_OPTION = click.option("--lang", "language", type=click.Choice(LANGUAGES),
                           help="Report language (default: the pack's).")
OUTPUT_OPTION = click.option("--output", "-o", type=click.Path(path_type=Path),
                             help="Write the report here (whole or not at all).")
OUTPUT_DIR_OPTION = click.option("--output-dir", type=click.Path(path_type=Path, file_okay=False),
                                 help="Write each format to DIR/report.<ext>.")
FAIL_ON_OPTION = click.option("--fail-on", type=click.Choice([s.value for s in Severity] + ["never"]), default="required",
                              show_default=True, help="Lowest severity of a gap that makes the exit code 1.")
AS_OF_OPTION = click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]),
                            help="Judge dates as of this day (default: today, or 31 July ending the plan's school year if that is earlier).")
WAIVERS_OPTION = click.option("--waivers", type=click.Path(path_type=Path),
                              help="Waivers file (YAML) turning approved gaps into waived.")


def _format_option(choices: dict) -> Callable:
    return click.option("--format", "formats", type=click.Choice(sorted(choices)), multiple=True, default=["table"],
                        show_default=True, help="Output format; repeat for several (with --output-dir).")


@click.group(epilog="Each command lists its exit codes in its --help.")
@click.version_option(__version__, prog_name="policycheck")
def cli() -> None:
    """Check a school's school-home cooperation against municipal policy packs."""


@cli.command(epilog=CHECK_EXIT_CODES)
@POLICY_OPTION
@click.option("--plan", required=True, type=click.Path(path_type=Path), help="The school's local plan (YAML).")
@_format_option(REPORTERS)
@OUTPUT_OPTION
@OUTPUT_DIR_OPTION
@WAIVERS_OPTION
@click.option("--baseline", type=click.Path(path_type=Path),
              help="A previous JSON report: only gaps it did not have make the exit code 1.")
@FAIL_ON_OPTION
@AS_OF_OPTION
@LANG_OPTION
@click.option("--log", "logs", multiple=True, type=click.Path(path_type=Path),
              help="Activity log (CSV or JSON Lines); repeat for several files.")
@click.option("--roster", type=click.Path(path_type=Path), help="Classes and pupils (YAML), for per-pupil/class rules.")
@click.option("--calendar", type=click.Path(path_type=Path), help="The school's calendar (YAML): year and holidays.")
@click.option("--mapping", type=click.Path(path_type=Path), help="Column mapping (YAML) for a system's export.")
@click.option("--school-year", metavar="YYYY-YYYY", help="School year to check, e.g. 2025-2026 (default: the plan's).")
@click.option("--skip-bad-rows", is_flag=True, help="Count rejected log rows in the report instead of failing (exit 2).")
@click.option("--redact", is_flag=True, help="Replace pupil, guardian and teacher pseudonyms and event ids with stable "
                                             "hashes (keyed by POLICYCHECK_REDACT_KEY when set; docs/privacy.md).")
def check(policy: str, plan: Path, formats: tuple[str, ...], output: Path | None, output_dir: Path | None,
          waivers: Path | None, baseline: Path | None, fail_on: str, as_of: dt.datetime | None,
          language: str | None, logs: tuple[Path, ...], roster: Path | None, calendar: Path | None,
          mapping: Path | None, school_year: str | None, skip_bad_rows: bool, redact: bool) -> None:
    """Check a local plan (and its activity log) against a policy pack and print a gap report."""
    day = as_of.date() if as_of else None
    log = api.logrun.LogOptions(logs=logs, roster=roster, calendar=calendar, mapping=mapping,
                                school_year=school_year, skip_bad_rows=skip_bad_rows)
    request = api.CheckRequest(policy=policy, plan=plan, as_of=day, language=language, waivers=waivers,
                               baseline=baseline, log=log, redact=redact, on_answer_problems=_warn_answer_problems)
    report = api.run_check(request)
    _emit_formats([reporter(name) for name in formats], lambda r: r.render(report), output, output_dir)
    sys.exit(report.exit_code(_threshold(fail_on)))


@cli.command(epilog=exit_codes("  0  no school has a gap at or above --fail-on", "  1  a school has gaps at or above --fail-on",
                              "  2  a school's inputs are broken (the other schools are still checked)"))
@click.argument("schools_dir", type=click.Path(path_type=Path, file_okay=False))
@POLICY_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Schools checked in parallel (default: CPU count).")
@_format_option(AUDIT_REPORTERS)
@OUTPUT_OPTION
@OUTPUT_DIR_OPTION
@click.option("--compare", type=click.Path(path_type=Path), help="A previous audit JSON: show the change since.")
@click.option("--min-group", type=click.IntRange(min=1), default=5, show_default=True,
              help="Fewest applicable schools for a per-rule share to be shown.")
@click.option("--shard", metavar="I/N", help="Check only shard I of N (stable by folder name); merge with 'merge'.")
@click.option("--what-if", "what_if", metavar="PARAMETER=VALUE", multiple=True,
              help="Also judge every school with this parameter value, and report the verdicts it changes (repeatable).")
@click.option("--what-if-file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also judge every school with this candidate override file, and report the verdicts it changes.")
@WAIVERS_OPTION
@FAIL_ON_OPTION
@AS_OF_OPTION
@LANG_OPTION
def audit(schools_dir: Path, policy: str, jobs: int | None, formats: tuple[str, ...], output: Path | None,
          output_dir: Path | None, compare: Path | None, min_group: int, shard: str | None, what_if: tuple[str, ...],
          what_if_file: Path | None, waivers: Path | None, fail_on: str, as_of: dt.datetime | None,
          language: str | None) -> None:
    """Check every school folder in SCHOOLS_DIR (each holding plan.yaml) and aggregate (see docs/audit.md)."""
    request = AuditRequest(policy=policy, schools_dir=schools_dir, as_of=as_of.date() if as_of else None,
                           language=language, jobs=jobs, waivers=waivers, shard=Shard.parse(shard) if shard else None,
                           compare=compare, min_group=min_group, what_if=what_if, what_if_file=what_if_file)
    result = run_audit(request, Progress())
    _emit_formats([reporter(name, AUDIT_REPORTERS) for name in formats], lambda r: r.render_audit(result),
                  output, output_dir)
    sys.exit(result.exit_code(_threshold(fail_on)))


@cli.command(epilog=exit_codes("  0  no school has a gap at or above --fail-on", "  1  a school has gaps at or above --fail-on",
                              "  2  a shard holds a school whose inputs are broken"))
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@_format_option(AUDIT_REPORTERS)
@OUTPUT_OPTION
@OUTPUT_DIR_OPTION
@click.option("--compare", type=click.Path(path_type=Path), help="A previous audit JSON: show the change since.")
@FAIL_ON_OPTION
def merge(shards: tuple[Path, ...], formats: tuple[str, ...], output: Path | None, output_dir: Path | None,
          compare: Path | None, fail_on: str) -> None:
    """Combine shard audits (audit --shard i/n --format json) into the audit of all schools."""
    result = merge_audits(list(shards), compare)
    _emit_formats([reporter(name, AUDIT_REPORTERS) for name in formats], lambda r: r.render_audit(result),
                  output, output_dir)
    sys.exit(result.exit_code(_threshold(fail_on)))


def _warn_answer_problems(problems: list) -> None:
    """`check`: answers the pack cannot read are judged as written; say so before the report
    (a TODO or an unanswered question is a gap the report itself shows)."""
    for problem in (problem for problem in problems if not problem.unfinished):
        click.echo(f"{problem.problem.where}: warning: {problem.problem.message}", err=True)


def _threshold(fail_on: str) -> Severity | None:
    return None if fail_on == "never" else Severity(fail_on)


@cli.command(epilog=exit_codes("  0  every file is valid (warnings, e.g. a TODO left, are printed)",
                               "  1  with --strict: valid, but with warnings",
                               "  2  a file is not valid (each problem at file:line:column), or (with --policy) a\n"
                               "     plan's answer cannot be read: a value outside its vocabulary, a wrong type"))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as", "kind", type=click.Choice(sorted(api.VALIDATORS)), help="Kind of file (default: inferred).")
@click.option("--policy", "-p", metavar="PACK", shell_complete=complete_pack,
              help="Also read each plan's answers as this pack's questions: vocabulary, type and TODOs.")
@click.option("--strict", is_flag=True, help="Warnings (a TODO left, an unanswered question, a school's own choice) make the exit code 1.")
@LANG_OPTION
def validate(files: tuple[Path, ...], kind: str | None, policy: str | None, strict: bool, language: str | None) -> None:
    """Validate packs, override files, rules files, plans, rosters, waivers or reports (the kind is
    inferred); with --policy, read a plan's answers as that pack's questions."""
    pack = load_pack(policy) if policy else None
    errors = warnings = False
    for path in files:
        try:
            found = api.validate_file(path, kind)
            problems = api.plan_answer_problems(path, pack, language) if pack is not None and found == "plan" else []
        except InputError as error:
            click.echo(str(error), err=True)
            errors = True
            continue
        for problem in problems:
            click.echo(str(problem), err=True)
        errors |= any(problem.level == "error" for problem in problems)
        warnings |= bool(problems)
        if not any(problem.level == "error" for problem in problems):
            click.echo(f"{path}: ok ({found}{', ' + pack.meta.id if pack is not None and found == 'plan' else ''})")
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_GAPS if strict and warnings else EXIT_OK)


@cli.command(epilog=exit_codes("  0  the rules were listed"))
@POLICY_OPTION
@LANG_OPTION
def rules(policy: str, language: str | None) -> None:
    """List the rules of a pack."""
    pack = load_pack(policy)
    click.echo(rules_table(pack, language or pack.meta.language))


@cli.command(epilog=exit_codes("  0  the rule was shown", "  2  no pack has that rule"))
@click.argument("rule_id")
@click.option("--policy", "-p", metavar="PACK", shell_complete=complete_pack,
              help="Look only in this pack (default: every bundled pack).")
@LANG_OPTION
def explain(rule_id: str, policy: str | None, language: str | None) -> None:
    """Show a rule: its source quote, legal basis, what satisfies it and an example."""
    pack, rule = api.find_rule(rule_id, policy)
    click.echo(explain_rule(pack, rule, language or pack.meta.language))


@cli.command(epilog=exit_codes("  0  the plan skeleton was written", "  2  the file exists (give --force)"))
@POLICY_OPTION
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the plan here (default: print it).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(policy: str, output: Path | None, force: bool) -> None:
    """Write a local plan to fill in for a pack: its questions in the document's order, each with its
    type, choices and source quote; with --output, the pack's plan schema is written beside it."""
    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} exists; give --force to overwrite it")
    pack = load_pack(policy)
    if output is None:
        _emit(scaffold_plan(pack, plan_schema_url(pack)), None)
        return
    schema = output.parent / plan_schema_name(pack)
    write_atomic(schema, plan_schema_text(pack))
    write_atomic(output, scaffold_plan(pack, schema.name))
    click.echo(f"wrote {output} and its schema {schema} (keep them together); fill in the TODOs, then run: "
               f"policycheck validate --policy {policy} {output}", err=True)


@cli.command(epilog=exit_codes("  0  the server was stopped (Ctrl-C)", "  2  an unknown pack, or a plan that cannot be read"))
@click.option("--policy", "-p", metavar="PACK", shell_complete=complete_pack,
              help="Pack to fill in (default: the plan's 'policy').")
@click.option("--plan", type=click.Path(path_type=Path, dir_okay=False), default=Path("plan.yaml"), show_default=True,
              help="The plan the form reads and saves (made on the first save); its folder is the school's folder.")
@click.option("--log", "logs", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Activity log export (CSV); repeatable. The log page can upload one instead.")
@click.option("--roster", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Classes and pupils (YAML).")
@click.option("--mapping", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="Column mapping (YAML) for the export.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open a browser.")
def serve(policy: str | None, plan: Path, logs: tuple[Path, ...], roster: Path | None, mapping: Path | None,
          port: int, no_browser: bool) -> None:
    """Fill in the plan as a form in the browser, with the rules' verdicts beside each answer (a local
    web app on 127.0.0.1, opened with the access token in the address it prints)."""
    from policycheck.logrun import LogOptions
    from policycheck.web.app import WebConfig, plan_policy, serve as serve_app  # Flask loads only for this command

    config = WebConfig(policy or plan_policy(plan), plan, LogOptions(logs=logs, roster=roster, mapping=mapping))
    serve_app(config, port, open_browser=not no_browser,
              announce=lambda url: click.echo(f"policycheck serve: open {url} (Ctrl-C stops)", err=True))


@cli.command(epilog=exit_codes("  0  the diff was written (with or without differences)",
                               "  2  a pack or version that cannot be found or loaded"))
@click.argument("before", metavar="PACK@A")
@click.argument("after", metavar="PACK@B")
@click.option("--format", "format_name", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the diff here (whole or not at all).")
@LANG_OPTION
def diff(before: str, after: str, format_name: str, output: Path | None, language: str | None) -> None:
    """List the rules added, removed and changed (quote, severity, check, legal basis) and the
    parameters changed between two packs: two versions of one (`diff PACK@1.0.0 PACK`) or two pack folders."""
    old, new = load_pack(before), load_pack(after)
    _emit(render_diff(diff_packs(old, new, language or new.meta.language), format_name), output)


@cli.command(epilog=exit_codes("  0  the catalog was written"))
@POLICY_OPTION
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the catalog here (whole or not at all).")
def catalog(policy: str, output: Path | None) -> None:
    """Write a pack as an OSCAL 1.0.6 catalog (JSON): sections as groups, rules as controls with
    their verbatim quote as the statement, parameters with their origin; the catalog that
    `check --format oscal` results refer to by rule id."""
    _emit(oscal_catalog(load_pack(policy)), output)


@cli.command("test", epilog=exit_codes("  0  every case of every pack gave the expected statuses",
                                       "  1  a case gave another status, or a rule has no case"))
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


@cli.command(epilog=exit_codes("  0  the reference was written"))
@click.argument("packs", nargs=-1, metavar="[PACK...]")
@click.option("--output-dir", type=click.Path(path_type=Path), default=Path("docs"), show_default=True,
              help="Write docs/rules/<pack>.md and coverage.md under this folder.")
def docs(packs: tuple[str, ...], output_dir: Path) -> None:
    """Generate the rule reference (docs/rules/<pack>.md), the plan questions (docs/questions/<pack>.md) and the coverage table."""
    for path in write_docs([load_pack(p) for p in packs or bundled_pack_names()], output_dir):
        click.echo(f"wrote {path}")


@cli.command(hidden=True, epilog=exit_codes("  0  the schemas were written"))
@click.option("--output-dir", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True,
              help="Write the JSON Schemas (<kind>.schema.json) into this folder.")
def schemas(output_dir: Path) -> None:
    """Regenerate the JSON Schemas from the models, and each bundled pack's plan schema."""
    packs = [load_pack(name) for name in bundled_pack_names()]
    for path in write_schemas(output_dir) + write_plan_schemas(packs, output_dir):
        click.echo(f"wrote {path}")


def _emit_formats(reporters: list[Reporter], render: Callable[[Any], str], output: Path | None, output_dir: Path | None) -> None:
    """One format to stdout or --output; with --output-dir, each format to DIR/report.<ext>."""
    if output is not None and output_dir is not None:
        raise UsageError("give either --output or --output-dir, not both")
    if output_dir is None:
        if len(reporters) > 1:
            raise UsageError("several formats need --output-dir DIR (each is written to DIR/report.<ext>)")
        _emit(render(reporters[0]), output)
        return
    rendered = {item.extension: render(item) for item in dict.fromkeys(reporters)}  # all, before writing any
    for extension, content in rendered.items():
        write_atomic(output_dir / f"report.{extension}", content)


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
    settle_process()
    sys.exit(run())
