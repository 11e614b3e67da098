"""The one small interface every output format implements, and helpers they share."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.models.report import Evidence, Finding, Report

# Gaps first, then what could not be decided, then what is settled.
STATUS_ORDER = [Status.fail, Status.needs_attestation, Status.insufficient_data, Status.waived,
                Status.passed, Status.not_applicable]


class Reporter(Protocol):
    """Renders a report as text; formatters only read the report.

    A format that can also show a municipality audit offers `render_audit(audit) -> str`
    (see `reports.registry.AUDIT_REPORTERS`).
    """

    name: ClassVar[str]
    description: ClassVar[str]
    extension: ClassVar[str]  # for --output-dir: DIR/report.<extension>

    def render(self, report: Report) -> str: ...


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings with gaps first and, within a status, the most binding rules first."""
    return sorted(findings, key=lambda f: (STATUS_ORDER.index(f.status), -f.severity.rank))


def gaps(findings: list[Finding]) -> list[Finding]:
    """The gaps, in report order."""
    return [finding for finding in ordered(findings) if finding.status.is_gap]


def located(finding: Finding) -> Evidence | None:
    """The first piece of evidence that names a file (where an annotation should point)."""
    return next((evidence for evidence in finding.evidence if evidence.file), None)


def where(evidence: Evidence) -> str:
    """`file:line` (or just the file when the line is unknown)."""
    location = evidence.file or ""
    if evidence.line is not None:
        location += f":{evidence.line}"
    return location


def locations(finding: Finding) -> str:
    """Where in the plan a finding points (log groups behind it are listed apart)."""
    return ", ".join(where(evidence) for evidence in finding.evidence if evidence.file and not evidence.group)


def status_label(status: Status | str, language: str) -> str:
    return text(f"status.{Status(status).value}", language)


def notes(finding: Finding, language: str) -> list[str]:
    """Post-processing notes plus the baseline state, as display text."""
    extra = [text(f"baseline.{finding.baseline.value}", language)] if finding.baseline else []
    return extra + finding.notes


def heading(report: Report) -> str:
    """'School: checked against Pack (id version) as of date' in the report's language."""
    policy = report.policy
    return text("heading.report", report.language, school=report.inputs.school or "?", policy=policy.title,
                pack=policy.id, version=policy.version, as_of=report.as_of.isoformat())


def summary_line(report: Report) -> str:
    """'Summary: 5 fail, 1 needs attestation' in the report's language."""
    counts, lang = report.summary.by_status, report.language
    parts = [text(f"summary.{status.value}", lang, n=counts[status]) for status in STATUS_ORDER if counts[status]]
    return f"{text('heading.summary', lang)}: " + ", ".join(parts)


def message_with_notes(finding: Finding, language: str) -> str:
    """The finding's message, followed by its notes in brackets when it has any."""
    extra = notes(finding, language)
    return finding.message + (f" [{'; '.join(extra)}]" if extra else "")


def relative_file(file: str) -> str:
    """A path relative to the working directory (the repository root in CI) when it lies below it."""
    path = Path(file)
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()
