"""`sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from policycheck.models.common import Severity, Status
from policycheck.models.report import BaselineState, Finding, Report
from policycheck.reports.base import located, relative_file

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://policycheck.dev"
LEVELS = {Severity.required: "error", Severity.recommended: "warning", Severity.advisory: "note"}
KINDS = {Status.fail: "fail", Status.needs_attestation: "fail", Status.waived: "fail", Status.insufficient_data: "open"}
BASELINE_STATES = {BaselineState.new: "new", BaselineState.known: "unchanged"}


class SarifReporter:
    name = "sarif"
    description = "SARIF 2.1.0 for code scanning"
    extension = "sarif"

    def render(self, report: Report) -> str:
        results = [_result(f, i) for i, f in enumerate(report.findings) if f.status in KINDS]
        driver = {"name": "policycheck", "version": report.tool_version, "informationUri": INFORMATION_URI,
                  "rules": [_rule(finding) for finding in report.findings]}
        run = {"tool": {"driver": driver}, "language": report.language, "columnKind": "unicodeCodePoints",
               "results": results}
        return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def _rule(finding: Finding) -> dict:
    rule = {"id": finding.rule_id, "name": finding.title, "shortDescription": {"text": finding.title},
            "fullDescription": {"text": finding.source.quote},
            "defaultConfiguration": {"level": LEVELS[finding.severity]},
            "properties": {"severity": finding.severity.value, "section": finding.source.section,
                           "document": finding.source.document, "legal_basis": finding.legal_basis}}
    if finding.remediation:
        rule["help"] = {"text": finding.remediation}
    return rule


def _result(finding: Finding, index: int) -> dict:
    kind = KINDS[finding.status]
    result = {"ruleId": finding.rule_id, "ruleIndex": index, "kind": kind,
              "level": LEVELS[finding.severity] if kind == "fail" else "none",
              "message": {"text": " ".join([finding.message, *finding.notes])},
              "locations": _locations(finding), "properties": {"status": finding.status.value}}
    if finding.baseline:
        result["baselineState"] = BASELINE_STATES[finding.baseline]
    if finding.status is Status.waived:
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": "; ".join(finding.notes)}]
    return result


def _locations(finding: Finding) -> list[dict]:
    evidence = located(finding)
    if evidence is None:
        return []
    physical: dict = {"artifactLocation": {"uri": artifact_uri(evidence.file or "")}}
    if evidence.line is not None:
        physical["region"] = {"startLine": evidence.line, "startColumn": evidence.column or 1}
    return [{"physicalLocation": physical}]


def artifact_uri(file: str) -> str:
    """A URI relative to the working directory when possible, else an absolute file: URI."""
    path = relative_file(file)
    return Path(path).as_uri() if Path(path).is_absolute() else quote(path)
