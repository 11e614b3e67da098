"""The gap report: one finding per rule, and a summary. Formatters only read this."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

from policycheck.models.common import Severity, Status

REPORT_SCHEMA_ID = "https://policycheck.dev/schemas/report.schema.json"


class Evidence(BaseModel):
    """Where a finding's data came from: a plan path and file:line, or a log group and its events."""

    model_config = ConfigDict(extra="forbid")
    path: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    note: str | None = None
    group: str | None = Field(default=None, description="The log group behind the finding, e.g. 'pupil P017 (5A)'")
    event_id: str | None = Field(default=None, description="The event's id in the activity log")
    date: dt.date | None = Field(default=None, description="The event's date")
    count: int | None = Field(default=None, description="How many events the group had")
    # Log checks do not know the report's language: they leave `note` and `group` in English and
    # the same text as messages here, which the engine renders in the report's language.
    _localized: dict[str, Any] | None = PrivateAttr(default=None)  # a default_factory costs an inspect.signature per instance

    def localized(self, language: str) -> "Evidence":
        if not self._localized:
            return self
        return self.model_copy(update={name: message.render(language) for name, message in self._localized.items()})


class SourceRef(BaseModel):
    """The clause of the source document that the rule encodes."""

    model_config = ConfigDict(extra="forbid")
    document: str
    section: str
    quote: str


class BaselineState(str, Enum):
    """Whether a gap was already a gap in the baseline report (`--baseline`)."""

    new = "new"
    known = "known"


class AppliedWaiver(BaseModel):
    """The waiver that turned a gap into `waived`: who approved it, why, and until when."""

    model_config = ConfigDict(extra="forbid")
    approved_by: str
    reason: str
    expires: dt.date


class Finding(BaseModel):
    """The outcome of one rule for one school."""

    model_config = ConfigDict(extra="forbid")
    rule_id: str
    title: str
    status: Status
    severity: Severity
    message: str
    source: SourceRef
    legal_basis: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    remediation: str | None = None
    notes: list[str] = Field(default_factory=list, description="Post-processing notes, e.g. a waiver applied")
    baseline: BaselineState | None = Field(default=None, description="For gaps, with --baseline: new or known")
    waiver: AppliedWaiver | None = Field(default=None, description="For waived findings: the waiver applied")

    @property
    def blocking(self) -> bool:
        """A gap that counts for the exit code: not one the baseline already had."""
        return self.status.is_gap and self.baseline is not BaselineState.known


class PolicyRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    version: str
    title: str
    overrides: list[str] = Field(default_factory=list, description="Overrides applied to the bundled pack")


class InputRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plan: str | None = None
    school: str | None = None
    school_id: str | None = None
    school_year: str | None = None


class LogFile(BaseModel):
    """How one activity-log file was read."""

    model_config = ConfigDict(extra="forbid")
    file: str
    format: str
    rows_read: int
    rows_rejected: int
    problems: list[str] = Field(default_factory=list, description="The first rejected rows, file:line: why")


class LogSection(BaseModel):
    """The activity log behind the log rules: files, rows read and rejected."""

    model_config = ConfigDict(extra="forbid")
    files: list[LogFile]
    rows_read: int
    rows_rejected: int
    bad_rows: str = Field(description="fail: a rejected row fails the run; skip: rejected rows are counted here")
    roster: str | None = None
    calendar: str | None = None
    school_year: str | None = None


class Summary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    total: int
    gaps: int
    by_status: dict[Status, int]
    by_severity: dict[Severity, dict[Status, int]]

    @classmethod
    def of(cls, findings: list[Finding]) -> "Summary":
        by_status = {status: 0 for status in Status}
        by_severity = {severity: {status: 0 for status in Status} for severity in Severity}
        for finding in findings:
            by_status[finding.status] += 1
            by_severity[finding.severity][finding.status] += 1
        gaps = sum(1 for finding in findings if finding.status.is_gap)
        return cls(total=len(findings), gaps=gaps, by_status=by_status, by_severity=by_severity)


class Report(BaseModel):
    """A gap report for one school's inputs against one pack."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: str = Field(default=REPORT_SCHEMA_ID, alias="$schema")
    tool: str = "policycheck"
    tool_version: str
    language: str
    as_of: dt.date
    policy: PolicyRef
    inputs: InputRef
    log: LogSection | None = None
    findings: list[Finding]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> Summary:
        return Summary.of(self.findings)

    def failing(self, fail_on: Severity | None) -> list[Finding]:
        """Gaps at or above the threshold, except those known from a baseline (none when the threshold is None: 'never')."""
        if fail_on is None:
            return []
        return [f for f in self.findings if f.blocking and f.severity.rank >= fail_on.rank]

    def exit_code(self, fail_on: Severity | None) -> int:
        return 1 if self.failing(fail_on) else 0
