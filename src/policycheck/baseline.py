"""Comparing a report with a baseline (a previous JSON report): which gaps are new.

Only new gaps make the exit code 1 (`Finding.blocking`), so a team can adopt the tool on
an imperfect plan and still stop regressions.

A gap is known only when the baseline had the same gap: the same school, rule and school year,
and the same evidence. Each gap carries the identity of its evidence (`Finding.identity`): for a
plan path, the path and a digest of the plan's value there; for a log group (a pupil, a class, a
thread), a digest of the group. So the same rule failing in another class is a new gap, and a
known gap becomes new again when the plan section it rested on is edited (someone must look at
it again). Digests keep pseudonyms out of the identity, which a redacted report may not show.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from policycheck.checks.base import MISSING, PlanView
from policycheck.loading.validate import check_schema
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.common import Status
from policycheck.models.report import BaselineState, Evidence, Finding, Report
from policycheck.schemas import schema_validator

# (school, rule id, school year) -> the evidence identities of that gap; None: a report from before
# identities were recorded, whose gaps are matched by rule alone.
KnownGaps = dict[tuple[str, str, str], frozenset[str] | None]


def with_identities(report: Report, view: PlanView) -> Report:
    """Each gap with the identity of its evidence, for later runs to compare with."""
    findings = [finding.model_copy(update={"identity": _identity(finding, view)}) if finding.status.is_gap
                else finding for finding in report.findings]
    return report.model_copy(update={"findings": findings})


def _identity(finding: Finding, view: PlanView) -> list[str]:
    return sorted({_evidence_identity(evidence, view) for evidence in finding.evidence} or {"rule"})


def _evidence_identity(evidence: Evidence, view: PlanView) -> str:
    if evidence.group:
        return f"log:{_digest(evidence.group)}"
    if evidence.path:
        return f"plan:{evidence.path}={_digest(_plan_value(view, evidence.path))}"
    return f"note:{_digest(evidence.note or '')}"


def _plan_value(view: PlanView, path: str) -> Any:
    parts = path.split(".")
    while parts and view.get(".".join(parts)) is MISSING:
        parts.pop()  # a missing field rests on its nearest present parent
    value = view.get(".".join(parts)) if parts else None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_baseline(path: Path) -> KnownGaps:
    """The gaps of the baseline report, keyed by school, rule and school year."""
    document = load_yaml(path)  # JSON is YAML, and this way errors name file:line:column
    check_schema(document, schema_validator("report"), "baseline report")
    school = _school_key(document.data.get("inputs", {}))
    year = document.data.get("inputs", {}).get("school_year") or ""
    return {(school, finding["rule_id"], year): frozenset(finding["identity"]) if "identity" in finding else None
            for finding in document.data["findings"] if Status(finding["status"]).is_gap}


def _school_key(inputs: dict) -> str:
    return inputs.get("school_id") or inputs.get("school") or ""


def apply_baseline(report: Report, known: KnownGaps) -> Report:
    school, year = _school_key(report.inputs.model_dump()), report.inputs.school_year or ""
    findings = [finding.model_copy(update={"baseline": _state(finding, known, (school, finding.rule_id, year))})
                if finding.status.is_gap else finding for finding in report.findings]
    return report.model_copy(update={"findings": findings})


def _state(finding: Finding, known: KnownGaps, key: tuple[str, str, str]) -> BaselineState:
    """Known when the baseline had this gap with all of its evidence (or, from an older report, at all)."""
    if key not in known:
        return BaselineState.new
    identities = known[key]
    return BaselineState.known if identities is None or set(finding.identity or ()) <= identities else BaselineState.new
