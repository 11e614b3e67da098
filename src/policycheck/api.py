"""The library API the CLI is a thin shell over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from policycheck import logrun
from policycheck.baseline import apply_baseline, load_baseline, with_identities
from policycheck.checks.base import PlanView
from policycheck.engine import evaluate, school_year_start
from policycheck.errors import InputError, UsageError, did_you_mean
from policycheck.loading.packs import PACK_FILE, bundled_pack_names, duty_lint, load_pack
from policycheck.loading.plans import LevelledProblem, PlanReading, load_plan, read_plan
from policycheck.loading.roster import load_roster
from policycheck.loading.validate import check_schema, validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.calendar import CalendarFile
from policycheck.models.mapping import ColumnMapping
from policycheck.models.pack import PolicyPack, Rule, RulesFile
from policycheck.models.plan import LocalPlan
from policycheck.models.report import Report
from policycheck.models.roster import Roster
from policycheck.privacy import redact_report, roster_identifiers
from policycheck.schemas import schema_validator
from policycheck.waivers import apply_waivers, load_waivers


@dataclass(frozen=True)
class CheckRequest:
    policy: str
    plan: Path
    as_of: dt.date | None = None
    language: str | None = None
    waivers: Path | None = None
    baseline: Path | None = None
    log: logrun.LogOptions = logrun.LogOptions()
    redact: bool = False
    on_answer_problems: Callable[[list[LevelledProblem]], None] | None = None
    """Told, before evaluating, of the plan's answers that could not be read (`check` prints them as warnings)."""


def run_check(request: CheckRequest) -> Report:
    """Load the pack, the plan and the log's companions; evaluate every rule in one pass over the log;
    then apply waivers and the baseline."""
    return check_with_pack(load_pack(request.policy), request)


def check_with_pack(pack: PolicyPack, request: CheckRequest) -> Report:
    """`run_check` with the pack already loaded (an audit loads it once per worker).

    A pack with several versions or dated parameters is loaded again as it stood on the first day
    of the plan's school year (1 August), unless that is the version already loaded.
    """
    pack, reading, as_of = read_plan_in_force(pack, request.policy, request)
    if request.on_answer_problems is not None and reading.answer_problems:
        request.on_answer_problems(reading.located(request.language or pack.meta.language))
    plan, view = reading.plan, reading.view
    report = evaluate_with_log(pack, plan, view, as_of, request.language, request.log)
    report = postprocess(with_identities(report, view), request.waivers, request.baseline)
    if request.redact:  # the roster is read again only here: it names every pseudonym to replace
        roster = load_roster(request.log.roster) if request.log.roster else None
        report = redact_report(report, roster_identifiers(roster))
    return report


def read_plan_in_force(pack: PolicyPack, reference: str,
                       request: CheckRequest) -> tuple[PolicyPack, PlanReading, dt.date]:
    """The pack as in force on the plan's school year (a dated pack is loaded again for its 1 August),
    the plan read by that version's questions, and the as-of day."""
    reading = read_plan(request.plan, pack)
    as_of = request.as_of or default_as_of(reading.plan, dt.date.today())
    if pack.dated:
        loaded, pack = pack, pack_in_force(reference, school_year_start(reading.plan) or as_of)
        if pack.folder != loaded.folder:
            reading = read_plan(request.plan, pack)  # the plan's answers are read by that version's questions
    return pack, reading, as_of


@lru_cache(maxsize=8)
def pack_in_force(reference: str, day: dt.date) -> PolicyPack:
    """The pack as in force on a day (cached: the schools of an audit mostly share a school year)."""
    return load_pack(reference, on=day)


def evaluate_with_log(pack: PolicyPack, plan: LocalPlan, view: PlanView, as_of: dt.date,
                      language: str | None, options: logrun.LogOptions) -> Report:
    """Evaluate a loaded plan with the log, roster and calendar `options` name: the one path
    `check` and the packs' own log test cases share."""
    prepared = logrun.prepare(options, pack.meta.jurisdiction.country, plan.school_year, as_of)
    report = evaluate(pack, plan, view, as_of=as_of, language=language,
                      events=prepared.events, log=prepared.inputs)
    section = logrun.finish(prepared, options)
    return report.model_copy(update={"log": section}) if section else report


def default_as_of(plan: LocalPlan, today: dt.date) -> dt.date:
    """Today, or the last day (31 July) of the plan's school year once that year is over.

    A plan is written for one school year and is judged within it: a plan for 2025-2026
    read in November 2026 is judged as it stood when its year ended.
    """
    if plan.school_year is None:
        return today
    return min(today, dt.date(int(plan.school_year[-4:]), 7, 31))


def postprocess(report: Report, waivers: Path | None, baseline: Path | None) -> Report:
    """Steps over a finished report, outside the checks: waivers first, then the baseline."""
    if waivers is not None:
        report = apply_waivers(report, load_waivers(waivers))
    if baseline is not None:
        report = apply_baseline(report, load_baseline(baseline))
    return report


def find_rule(rule_id: str, policy: str | None = None) -> tuple[PolicyPack, Rule]:
    """A rule by id, from the given pack or from any bundled pack."""
    packs = [load_pack(policy)] if policy else [load_pack(name) for name in bundled_pack_names()]
    for pack in packs:
        rule = pack.rule(rule_id)
        if rule is not None:
            return pack, rule
    known = [rule.id for pack in packs for rule in pack.rules]
    raise UsageError(f"unknown rule '{rule_id}'{did_you_mean(rule_id, known)}")


def _validate_pack(path: Path, document: YamlDocument) -> None:
    load_pack(str(path))


def _validate_plan(path: Path, document: YamlDocument) -> None:
    load_plan(path)


def _validate_report(path: Path, document: YamlDocument) -> None:
    check_schema(document, schema_validator("report"), "report")


def _validate_waivers(path: Path, document: YamlDocument) -> None:
    load_waivers(path)


def _validate_audit(path: Path, document: YamlDocument) -> None:
    check_schema(document, schema_validator("audit"), "audit")


def _validate_rules(path: Path, document: YamlDocument) -> None:
    """A rules file on its own: its schema, then the pack lint (severity against modal and bearer)."""
    problems = duty_lint(validate_document(document, RulesFile, "rules file"), document)
    if problems:
        raise InputError(problems)


def _validate_model(model: type, what: str) -> Callable[[Path, YamlDocument], None]:
    def validate(path: Path, document: YamlDocument) -> None:
        validate_document(document, model, what)
    return validate


VALIDATORS: dict[str, Callable[[Path, YamlDocument], None]] = {
    "pack": _validate_pack,
    "override": _validate_pack,  # an override file loads as the pack it extends, with its changes checked
    "rules": _validate_rules,
    "plan": _validate_plan,
    "report": _validate_report,
    "waivers": _validate_waivers,
    "audit": _validate_audit,
    "roster": _validate_model(Roster, "roster"),
    "calendar": _validate_model(CalendarFile, "calendar"),
    "mapping": _validate_model(ColumnMapping, "column mapping"),
}
KIND_MARKERS = {"policy-pack": "pack", "policy-override": "override", "skole-hjem-plan": "plan", "roster": "roster",
                "school-calendar": "calendar", "column-mapping": "mapping"}


def infer_kind(document: YamlDocument) -> str:
    """Which kind of file this is, from its content."""
    data = document.data if isinstance(document.data, dict) else {}
    if data.get("kind") in KIND_MARKERS:
        return KIND_MARKERS[data["kind"]]
    if "school" in data:
        return "plan"
    if "extends" in data:
        return "override"
    if "rule_results" in data:
        return "audit"
    if "rules" in data:
        return "rules"
    if "findings" in data:
        return "report"
    if isinstance(document.data, list) and all(isinstance(item, dict) and "approved_by" in item for item in document.data):
        return "waivers"
    raise InputError.at(document.file, f"cannot tell what kind of file this is; give --as ({', '.join(VALIDATORS)})", 1, 1)


def plan_answer_problems(path: Path, pack: PolicyPack, language: str | None = None) -> list[LevelledProblem]:
    """`validate --policy`: the plan's answers the pack's questions cannot read (errors) or that are
    not finished (warnings: a TODO, no answer, an open vocabulary's unknown word), each at file:line:column.

    Raises InputError for a plan that is not even well-formed (its schema, its keys)."""
    return read_plan(path, pack).located(language or pack.meta.language)


def validate_file(path: Path, kind: str | None = None) -> str:
    """Validate one file as `kind` (or the kind its content shows), or a pack folder; return the kind."""
    if path.is_dir() and (path / PACK_FILE).is_file() and kind in (None, "pack"):
        load_pack(str(path))
        return "pack"
    document = load_yaml(path)
    kind = kind or infer_kind(document)
    VALIDATORS[kind](path, document)
    return kind
