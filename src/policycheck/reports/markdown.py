"""`markdown`: a report for a pull request comment, wiki page or job summary."""

from __future__ import annotations

import re

from policycheck.messages import text
from policycheck.models.audit import AuditReport, SchoolResult
from policycheck.models.report import Finding, Report
from policycheck.reports.audit_rows import audit_heading, sections
from policycheck.reports.base import (gaps, heading, locations, log_evidence, message_with_notes, ordered, status_label,
                                      summary_line)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


def md(value: object) -> str:
    """Text from the inputs made inert in Markdown: punctuation escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def md_table(headers: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(md(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


class MarkdownReporter:
    name = "markdown"
    description = "Markdown for pull request comments, wikis and CI job summaries"
    extension = "md"

    def render(self, report: Report) -> str:
        parts = [f"# {md(heading(report))}", _findings(report), _gaps(report), md(summary_line(report))]
        return "\n\n".join(parts) + "\n"

    def render_audit(self, audit: AuditReport) -> str:
        parts = [f"# {md(audit_heading(audit))}"]
        parts += [f"## {md(section.title)}\n\n{md_table(section.headers, section.rows)}" for section in sections(audit)]
        parts += [_school_gaps(audit, school) for school in audit.schools if school.gaps]
        return "\n\n".join(parts) + "\n"


def _findings(report: Report) -> str:
    lang = report.language
    headers = [text(f"heading.{name}", lang) for name in ("status", "severity", "rule", "section", "message")]
    rows = [[status_label(f.status, lang), text(f"severity.{f.severity.value}", lang), f.rule_id, f.source.section,
             message_with_notes(f, lang)] for f in ordered(report.findings)]
    return md_table(headers, rows)


def _gaps(report: Report) -> str:
    found = gaps(report.findings)
    if not found:
        return md(text("heading.no_gaps", report.language))
    return "\n\n".join([f"## {md(text('heading.gaps', report.language))}"] + [gap_block(f, report.language) for f in found])


def gap_block(finding: Finding, language: str, level: str = "###") -> str:
    """One gap: heading, the source quote as a block quote, the remediation and where."""
    lines = [f"{level} {md(finding.rule_id)}: {md(finding.title)} (§{md(finding.source.section)})", "",
             f"> {md(finding.source.quote)}", ""]
    lines += [f"{md(finding.message)}", ""]
    if finding.remediation:
        lines += [f"**{md(finding.remediation)}**", ""]
    evidence = log_evidence(finding)
    if evidence:
        lines += [f"{md(text('heading.evidence', language))}:", ""] + [f"- {md(line)}" for line in evidence] + [""]
    where = locations(finding)
    if where:
        lines.append(f"`{where.replace('`', '')}`")
    return "\n".join(lines).rstrip()


def _school_gaps(audit: AuditReport, school: SchoolResult) -> str:
    """A section per school with its gaps, each with the rule's source quote."""
    rules = {rule.id: rule for rule in audit.rules}
    blocks = [f"## {md(school.name or school.folder)} ({md(school.folder)})"]
    for gap in school.gaps:
        rule = rules[gap.rule_id]
        blocks.append(f"### {md(gap.rule_id)}: {md(rule.title)} (§{md(rule.section)})\n\n> {md(rule.quote)}\n\n"
                      f"{md(status_label(gap.status, audit.language))}: {md(gap.message)}"
                      + "".join(f" \\[{md(note)}\\]" for note in gap.notes))
    return "\n\n".join(blocks)
