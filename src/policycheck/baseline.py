"""Comparing a report with a baseline (a previous JSON report): which gaps are new.

Only new gaps make the exit code 1 (`Finding.blocking`), so a team can adopt the tool on
an imperfect plan and still stop regressions.
"""

from __future__ import annotations

from pathlib import Path

from policycheck.loading.validate import check_schema
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.common import Status
from policycheck.models.report import BaselineState, Report
from policycheck.schemas import schema_validator


def load_baseline(path: Path) -> set[str]:
    """The ids of the rules that were gaps in the baseline report."""
    document = load_yaml(path)  # JSON is YAML, and this way errors name file:line:column
    check_schema(document, schema_validator("report"), "baseline report")
    return {finding["rule_id"] for finding in document.data["findings"] if Status(finding["status"]).is_gap}


def apply_baseline(report: Report, known_gaps: set[str]) -> Report:
    findings = [
        finding.model_copy(update={"baseline": BaselineState.known if finding.rule_id in known_gaps else BaselineState.new})
        if finding.status.is_gap else finding
        for finding in report.findings
    ]
    return report.model_copy(update={"findings": findings})
