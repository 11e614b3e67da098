"""Applying waivers to a finished report (a step after the checks, not inside them).

A valid waiver (the report's as-of date on or before `expires`) turns a gap into `waived`
and notes who approved it and until when; an expired one leaves the gap and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policycheck.errors import InputError, Problem, did_you_mean
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.models.report import AppliedWaiver, Finding, Report
from policycheck.models.waiver import Waiver, WaiversFile


@dataclass(frozen=True)
class LoadedWaivers:
    """The waivers and the document they came from (to locate errors)."""

    document: YamlDocument
    waivers: list[Waiver]


def load_waivers(path: Path) -> LoadedWaivers:
    document = load_yaml(path)
    if document.data is None:
        document.data = []  # an empty file holds no waivers
    return LoadedWaivers(document, validate_document(document, WaiversFile, "waivers").root)


def apply_waivers(report: Report, loaded: LoadedWaivers) -> Report:
    check_rule_ids(loaded, [finding.rule_id for finding in report.findings])
    school, school_id = report.inputs.school, report.inputs.school_id
    findings = [_apply(finding, [w for w in loaded.waivers if w.rule == finding.rule_id and w.covers(school, school_id)],
                       report) for finding in report.findings]
    return report.model_copy(update={"findings": findings})


def check_rule_ids(loaded: LoadedWaivers, known: list[str]) -> None:
    """A waiver naming a rule the pack does not have is an input error (a typo, or a retired rule)."""
    problems = []
    for index, waiver in enumerate(loaded.waivers):
        if waiver.rule not in known:
            line, column = loaded.document.locate((index, "rule"))
            message = f"waiver for unknown rule '{waiver.rule}'{did_you_mean(waiver.rule, known)}"
            problems.append(Problem(loaded.document.file, message, line, column))
    if problems:
        raise InputError(problems)


def _apply(finding: Finding, waivers: list[Waiver], report: Report) -> Finding:
    if not finding.status.is_gap or not waivers:
        return finding
    valid = [waiver for waiver in waivers if waiver.expires >= report.as_of]
    if valid:
        waiver = max(valid, key=lambda w: w.expires)
        note = text("waiver.applied", report.language, expires=waiver.expires.isoformat(),
                    approved_by=waiver.approved_by, reason=waiver.reason)
        applied = AppliedWaiver(approved_by=waiver.approved_by, reason=waiver.reason, expires=waiver.expires)
        return finding.model_copy(update={"status": Status.waived, "notes": finding.notes + [note], "waiver": applied})
    waiver = max(waivers, key=lambda w: w.expires)
    note = text("waiver.expired", report.language, expires=waiver.expires.isoformat(), approved_by=waiver.approved_by)
    return finding.model_copy(update={"notes": finding.notes + [note]})
