"""The one small interface every output format implements, and helpers they share."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.models.duty import duty_message
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


def gap_location(plan: str, location: str | None) -> Evidence:
    """Where an audit annotates a school's gap: its plan, at the line of the gap's first location
    (an audit keeps `locations()` text) when that is in the plan."""
    file, _, line = (location or "").split(", ")[0].rpartition(":")
    return Evidence(file=plan, line=int(line) if file == plan and line.isdigit() else None)


def where(evidence: Evidence) -> str:
    """`file:line` (or just the file when the line is unknown)."""
    location = evidence.file or ""
    if evidence.line is not None:
        location += f":{evidence.line}"
    return location


def locations(finding: Finding) -> str:
    """Where in the plan a finding points (log groups behind it are listed apart)."""
    return ", ".join(where(evidence) for evidence in finding.evidence if evidence.file and not evidence.group)


def log_evidence(finding: Finding) -> list[str]:
    """The log groups behind a finding, one line each: who, what was seen, and where in the log
    ('pupil elev-5a-04 (5A): 1 event(s) in the school year (FJ-0089) log.csv:90')."""
    return [f"{evidence.group}: " + " ".join(part for part in (evidence.note, where(evidence) if evidence.file else "") if part)
            for evidence in finding.evidence if evidence.group]


def status_label(status: Status | str, language: str) -> str:
    return text(f"status.{Status(status).value}", language)


def notes(finding: Finding, language: str) -> list[str]:
    """Post-processing notes plus the baseline state, whose duty it is when not the school's, the severity cap
    and, for a gap, where its numbers come from."""
    extra = [text(f"baseline.{finding.baseline.value}", language)] if finding.baseline else []
    if finding.bearer is not None and not finding.bearer.is_school:
        extra.append(duty_message(finding.bearer, finding.school_part).render(language))
    extra += [finding.severity_note] if finding.severity_note else []
    if finding.status.is_gap:
        extra += [threshold.note for threshold in finding.thresholds if threshold.note]
    return extra + finding.notes


def heading(report: Report) -> str:
    """'School: checked against Pack (id version) as of date' in the report's language."""
    policy, language = report.policy, report.language
    version = policy.version if policy.in_force_on is None else \
        text("heading.version_in_force", language, version=policy.version, day=policy.in_force_on.isoformat())
    return text("heading.report", language, school=report.inputs.school or "?", policy=policy.title,
                pack=policy.id, version=version, as_of=report.as_of.isoformat())


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
