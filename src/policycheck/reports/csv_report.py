"""`csv`: one row per finding, for spreadsheets."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.report import Finding, Report
from policycheck.reports.base import locations, notes, ordered, status_label
from policycheck.reports.csvkit import csv_text

COLUMNS = ("school", "rule", "title", "status", "severity", "section", "message", "quote", "remediation",
           "location", "notes")


class CsvReporter:
    name = "csv"
    description = "one row per finding for spreadsheets (UTF-8 with BOM, formulas neutralised)"
    extension = "csv"

    def render(self, report: Report) -> str:
        lang = report.language
        headers = [text(f"heading.{column}", lang) for column in COLUMNS]
        return csv_text(headers, [_row(report, f, lang) for f in ordered(report.findings)])


def _row(report: Report, finding: Finding, lang: str) -> list[object]:
    return [report.inputs.school, finding.rule_id, finding.title, status_label(finding.status, lang),
            text(f"severity.{finding.severity.value}", lang), finding.source.section, finding.message,
            finding.source.quote, finding.remediation, locations(finding), "; ".join(notes(finding, lang))]
