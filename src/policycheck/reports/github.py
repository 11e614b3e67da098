"""`github`: GitHub Actions workflow commands, so gaps show as annotations on the plan file."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.audit import AuditReport, RuleInfo, SchoolGap, SchoolResult
from policycheck.models.common import Severity
from policycheck.models.report import Evidence, Finding, Report
from policycheck.reports.audit_rows import audit_heading
from policycheck.reports.base import (gap_location, gaps, located, log_evidence, message_with_notes, relative_file,
                                      summary_line)

COMMANDS = {Severity.required: "error", Severity.recommended: "warning", Severity.advisory: "notice"}


def escape_data(value: str) -> str:
    """The escaping GitHub's runner undoes in a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Property values (file, title, ...) additionally may not hold ':' or ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    name = "github"
    description = "GitHub Actions annotations (workflow commands)"
    extension = "github.txt"

    def render(self, report: Report) -> str:
        lines = [annotation(finding, report.language) for finding in gaps(report.findings)]
        return "\n".join(lines + [summary_line(report)]) + "\n"

    def render_audit(self, audit: AuditReport) -> str:
        """Each school's gaps on its plan, an error per school whose inputs are broken, then the heading."""
        rules = {rule.id: rule for rule in audit.rules}
        lines = [_audit_annotation(rules[gap.rule_id], school, gap) for school in audit.schools
                 for gap in school.gaps if gap.status.is_gap]
        lines += [command("error", [("title", f"{school.folder}: {text('status.broken', audit.language)}")], [school.error])
                  for school in audit.broken]
        return "\n".join(lines + [audit_heading(audit)]) + "\n"


def command(name: str, properties: list[tuple[str, str]], lines: list[str]) -> str:
    """`::name key=value,...::message`, escaped as the runner unescapes it."""
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {rendered}::{escape_data(chr(10).join(lines))}"


def annotation(finding: Finding, language: str) -> str:
    properties = _location(located(finding)) + [("title", f"{finding.rule_id}: {finding.title} (§{finding.source.section})")]
    lines = [message_with_notes(finding, language), f'"{finding.source.quote}"', *log_evidence(finding)]
    if finding.remediation:
        lines.append(finding.remediation)
    return command(COMMANDS[finding.severity], properties, lines)


def _audit_annotation(rule: RuleInfo, school: SchoolResult, gap: SchoolGap) -> str:
    properties = _location(gap_location(school.plan, gap.location) if school.plan else None)
    properties.append(("title", f"{school.name or school.folder}: {rule.id}: {rule.title} (§{rule.section})"))
    lines = [" ".join([gap.message, *gap.notes]), f'"{rule.quote}"'] + ([rule.remediation] if rule.remediation else [])
    return command(COMMANDS[rule.severity], properties, lines)


def _location(evidence: Evidence | None) -> list[tuple[str, str]]:
    if evidence is None:
        return []
    found = [("file", relative_file(evidence.file or ""))]
    if evidence.line is not None:
        found += [("line", str(evidence.line)), ("col", str(evidence.column or 1))]
    return found
