"""The library API the CLI is a thin shell over."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jsonschema

from policycheck import logrun
from policycheck.engine import evaluate
from policycheck.errors import InputError, UsageError, did_you_mean
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.loading.plans import load_plan
from policycheck.loading.validate import check_schema, validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.calendar import CalendarFile
from policycheck.models.mapping import ColumnMapping
from policycheck.models.pack import PolicyPack, Rule, RulesFile
from policycheck.models.report import Report
from policycheck.models.roster import Roster
from policycheck.schemas import schema_text


@dataclass(frozen=True)
class CheckRequest:
    policy: str
    plan: Path
    as_of: dt.date
    language: str | None = None
    log: logrun.LogOptions = logrun.LogOptions()


def run_check(request: CheckRequest) -> Report:
    """Load the pack, the plan and the log's companions; evaluate every rule in one pass over the log."""
    pack = load_pack(request.policy)
    plan, view = load_plan(request.plan, pack)
    prepared = logrun.prepare(request.log, pack.meta.jurisdiction.country, plan.school_year, request.as_of)
    report = evaluate(pack, plan, view, as_of=request.as_of, language=request.language,
                      events=prepared.events, log=prepared.inputs)
    section = logrun.finish(prepared, request.log)
    return report.model_copy(update={"log": section}) if section else report


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


def _validate_rules(path: Path, document: YamlDocument) -> None:
    validate_document(document, RulesFile, "rules file")


def _validate_plan(path: Path, document: YamlDocument) -> None:
    load_plan(path)


def _validate_report(path: Path, document: YamlDocument) -> None:
    schema = json.loads(schema_text("report"))
    check_schema(document, jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()), "report")


def _validate_model(model: type, what: str) -> Callable[[Path, YamlDocument], None]:
    def validate(path: Path, document: YamlDocument) -> None:
        validate_document(document, model, what)
    return validate


VALIDATORS: dict[str, Callable[[Path, YamlDocument], None]] = {
    "pack": _validate_pack,
    "rules": _validate_rules,
    "plan": _validate_plan,
    "report": _validate_report,
    "roster": _validate_model(Roster, "roster"),
    "calendar": _validate_model(CalendarFile, "calendar"),
    "mapping": _validate_model(ColumnMapping, "column mapping"),
}
KIND_MARKERS = {"policy-pack": "pack", "skole-hjem-plan": "plan", "roster": "roster",
                "school-calendar": "calendar", "column-mapping": "mapping"}


def infer_kind(document: YamlDocument) -> str:
    """Which kind of file this is, from its content."""
    data = document.data if isinstance(document.data, dict) else {}
    if data.get("kind") in KIND_MARKERS:
        return KIND_MARKERS[data["kind"]]
    if "school" in data:
        return "plan"
    if "rules" in data:
        return "rules"
    if "findings" in data:
        return "report"
    raise InputError.at(document.file, f"cannot tell what kind of file this is; give --as ({', '.join(VALIDATORS)})", 1, 1)


def validate_file(path: Path, kind: str | None = None) -> str:
    """Validate one file as `kind` (or the kind its content shows); return the kind."""
    document = load_yaml(path)
    kind = kind or infer_kind(document)
    VALIDATORS[kind](path, document)
    return kind
