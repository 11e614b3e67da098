"""`github`: GitHub Actions workflow commands, so gaps show as annotations on the plan file."""

from __future__ import annotations

from policycheck.models.common import Severity
from policycheck.models.report import Finding, Report
from policycheck.reports.base import gaps, located, message_with_notes, relative_file, summary_line

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


def annotation(finding: Finding, language: str) -> str:
    properties = _location(finding) + [("title", f"{finding.rule_id}: {finding.title} (§{finding.source.section})")]
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    lines = [message_with_notes(finding, language), f'"{finding.source.quote}"']
    if finding.remediation:
        lines.append(finding.remediation)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(chr(10).join(lines))}"


def _location(finding: Finding) -> list[tuple[str, str]]:
    evidence = located(finding)
    if evidence is None:
        return []
    found = [("file", relative_file(evidence.file or ""))]
    if evidence.line is not None:
        found += [("line", str(evidence.line)), ("col", str(evidence.column or 1))]
    return found
