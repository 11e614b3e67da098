"""`csv`: one row per finding, for spreadsheets."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.audit import AuditReport, SchoolResult
from policycheck.models.report import Finding, Report
from policycheck.reports.base import locations, log_evidence, notes, ordered, status_label
from policycheck.reports.csvkit import csv_text

COLUMNS = ("school", "rule", "title", "status", "severity", "section", "message", "quote", "remediation",
           "location", "notes", "evidence")
AUDIT_COLUMNS = ("folder", "school", "rule", "title", "status", "severity", "section", "message", "location", "notes")


class CsvReporter:
    name = "csv"
    description = "one row per finding for spreadsheets (UTF-8 with BOM, formulas neutralised)"
    extension = "csv"

    def render(self, report: Report) -> str:
        lang = report.language
        headers = [text(f"heading.{column}", lang) for column in COLUMNS]
        return csv_text(headers, [_row(report, f, lang) for f in ordered(report.findings)])

    def render_audit(self, audit: AuditReport) -> str:
        """Long form: one row per school and rule (one row for a school whose inputs are broken)."""
        headers = [text(f"heading.{column}", audit.language) for column in AUDIT_COLUMNS]
        return csv_text(headers, [row for school in audit.schools for row in _school_rows(audit, school)])


def _row(report: Report, finding: Finding, lang: str) -> list[object]:
    return [report.inputs.school, finding.rule_id, finding.title, status_label(finding.status, lang),
            text(f"severity.{finding.severity.value}", lang), finding.source.section, finding.message,
            finding.source.quote, finding.remediation, locations(finding), "; ".join(notes(finding, lang)),
            "\n".join(log_evidence(finding))]


def _school_rows(audit: AuditReport, school: SchoolResult) -> list[list[object]]:
    lang = audit.language
    if school.error is not None:
        return [[school.folder, school.name, "", "", text("status.broken", lang), "", "", school.error, "", ""]]
    gaps = {gap.rule_id: gap for gap in school.gaps}
    rows = []
    for rule in audit.rules:
        status, gap = school.statuses.get(rule.id), gaps.get(rule.id)
        rows.append([school.folder, school.name, rule.id, rule.title, status_label(status, lang) if status else "",
                     text(f"severity.{rule.severity.value}", lang), rule.section, gap.message if gap else "",
                     gap.location if gap else "", "; ".join(gap.notes) if gap else ""])
    return rows
