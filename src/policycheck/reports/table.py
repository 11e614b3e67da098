"""`table`: a gap table for the terminal, then how to close each gap, then a summary."""

from __future__ import annotations

from tabulate import tabulate

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.models.report import Evidence, Finding, Report
from policycheck.reports.base import STATUS_ORDER, ordered

MESSAGE_WIDTH = 70


class TableReporter:
    name = "table"
    description = "readable gap table for a terminal"

    def render(self, report: Report) -> str:
        lang = report.language
        parts = [_heading(report), _table(report, lang), _gaps(report, lang), _summary(report, lang)]
        return "\n\n".join(part for part in parts if part) + "\n"


def _heading(report: Report) -> str:
    policy = report.policy
    line = text("heading.report", report.language, school=report.inputs.school or "?", policy=policy.title,
                pack=policy.id, version=policy.version, as_of=report.as_of.isoformat())
    if policy.overrides:
        line += f"\n{text('heading.overrides', report.language)}: " + "; ".join(policy.overrides)
    return line


def _table(report: Report, lang: str) -> str:
    headers = [text(f"heading.{name}", lang) for name in ("status", "severity", "rule", "section", "message")]
    rows = [
        [text(f"status.{f.status.value}", lang), text(f"severity.{f.severity.value}", lang), f.rule_id,
         f.source.section, f.message]
        for f in ordered(report.findings)
    ]
    return tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, None, None, None, MESSAGE_WIDTH])


def _gaps(report: Report, lang: str) -> str:
    gaps = [finding for finding in ordered(report.findings) if finding.status.is_gap]
    if not gaps:
        return text("heading.no_gaps", lang)
    return "\n\n".join([text("heading.gaps", lang) + ":"] + [_gap(finding) for finding in gaps])


def _gap(finding: Finding) -> str:
    where = ", ".join(_where(evidence) for evidence in finding.evidence if evidence.file and not evidence.group)
    lines = [f"* {finding.rule_id} ({finding.title}) §{finding.source.section}" + (f" - {where}" if where else "")]
    lines.append(f'  "{finding.source.quote}"')
    lines += [_group_line(evidence) for evidence in finding.evidence if evidence.group]
    if finding.remediation:
        lines.append(f"  -> {finding.remediation}")
    return "\n".join(lines)


def _where(evidence: Evidence) -> str:
    location = evidence.file or ""
    if evidence.line is not None:
        location += f":{evidence.line}"
    return location


def _group_line(evidence: Evidence) -> str:
    """A log group behind the finding: who, what was seen, and where in the log."""
    details = [evidence.note or ""] + ([_where(evidence)] if evidence.file else [])
    return f"  - {evidence.group}: " + " ".join(part for part in details if part)


def _summary(report: Report, lang: str) -> str:
    counts = report.summary.by_status
    parts = [f"{counts[status]} {text(f'status.{status.value}', lang).lower()}" for status in STATUS_ORDER if counts[status]]
    return f"{text('heading.summary', lang)}: " + ", ".join(parts)
