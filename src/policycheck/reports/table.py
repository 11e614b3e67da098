"""`table`: a gap table for the terminal, then how to close each gap, then a summary."""

from __future__ import annotations

from tabulate import tabulate

from policycheck.messages import text
from policycheck.models.audit import AuditReport
from policycheck.models.report import Finding, Report
from policycheck.reports.audit_rows import audit_heading, sections
from policycheck.reports.base import (gaps, heading, locations, log_evidence, message_with_notes, ordered, status_label,
                                      summary_line)

MESSAGE_WIDTH = 60


class TableReporter:
    name = "table"
    description = "readable gap table for a terminal"
    extension = "txt"

    def render(self, report: Report) -> str:
        lang = report.language
        parts = [_heading(report), _table(report, lang), _gaps(report, lang), summary_line(report)]
        return "\n\n".join(part for part in parts if part) + "\n"

    def render_audit(self, audit: AuditReport) -> str:
        parts = [audit_heading(audit)]
        parts += [f"{section.title}:\n" + tabulate(section.rows, headers=section.headers, tablefmt="simple",
                                                   maxcolwidths=MESSAGE_WIDTH) for section in sections(audit)]
        return "\n\n".join(parts) + "\n"


def _heading(report: Report) -> str:
    line = heading(report)
    if report.policy.overrides:
        line += f"\n{text('heading.overrides', report.language)}: " + "; ".join(report.policy.overrides)
    return line


def _table(report: Report, lang: str) -> str:
    headers = [text(f"heading.{name}", lang) for name in ("status", "severity", "rule", "message")]
    rows = [
        [status_label(f.status, lang), text(f"severity.{f.severity.value}", lang), f.rule_id, message_with_notes(f, lang)]
        for f in ordered(report.findings)
    ]
    return tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, None, None, MESSAGE_WIDTH])


def _gaps(report: Report, lang: str) -> str:
    found = gaps(report.findings)
    if not found:
        return text("heading.no_gaps", lang)
    return "\n\n".join([text("heading.gaps", lang) + ":"] + [_gap(finding) for finding in found])


def _gap(finding: Finding) -> str:
    place = locations(finding)
    lines = [f"* {finding.rule_id} ({finding.title}) §{finding.source.section}" + (f" - {place}" if place else "")]
    lines.append(f'  "{finding.source.quote}"')
    lines += [f"  - {line}" for line in log_evidence(finding)]
    if finding.remediation:
        lines.append(f"  -> {finding.remediation}")
    return "\n".join(lines)

