"""A municipality audit: schools x rules statuses, compliance, common gaps, change over time.

Everything aggregate is computed from `schools` (see `policycheck.audit.aggregate`), so shard
audits merge into exactly what one run gives. Only school-level results are held: no pupil data.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from policycheck.models.common import Severity, Status
from policycheck.models.report import AppliedWaiver, PolicyRef

AUDIT_SCHEMA_ID = "https://policycheck.dev/schemas/audit.schema.json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RuleInfo(_Model):
    """A rule as the audit shows it (in the audit's language)."""

    id: str
    title: str
    severity: Severity
    section: str
    quote: str
    remediation: str


class SchoolGap(_Model):
    rule_id: str
    status: Status
    message: str
    location: str | None = None
    notes: list[str] = Field(default_factory=list)
    waiver: AppliedWaiver | None = Field(default=None, description="For waived gaps: the waiver applied")


class Compliance(_Model):
    """Share of applicable rules (or schools) that passed; None when nothing applies or the group is too small."""

    applicable: int
    passed: int | None = Field(description="None when suppressed (fewer than min_group applicable)")
    share: float | None


class SchoolResult(_Model):
    """One school's row of the matrix, or the reason it could not be checked."""

    folder: str = Field(description="The school's folder name: its key in the audit")
    name: str | None = None
    plan: str | None = Field(default=None, description="The school's plan file, where its gaps are annotated")
    as_of: dt.date | None = Field(default=None, description="The day the school was judged as of")
    error: str | None = Field(default=None, description="Set when the school's inputs are broken")
    statuses: dict[str, Status] = Field(default_factory=dict, description="rule id -> status")
    gaps: list[SchoolGap] = Field(default_factory=list)
    compliance: Compliance | None = None


class RuleResult(_Model):
    rule_id: str
    compliance: Compliance
    gaps: int | None = Field(description="Schools with a gap on this rule; None when suppressed (min_group)")


class Change(_Model):
    """Compliance share before (the compared audit) and now, for one school or rule."""

    key: str
    before: float | None
    after: float | None
    delta: float | None


class Comparison(_Model):
    previous_as_of: dt.date
    schools: list[Change]
    rules: list[Change]


class AuditReport(_Model):
    schema_: str = Field(default=AUDIT_SCHEMA_ID, alias="$schema")
    tool: str = "policycheck"
    tool_version: str
    language: str
    as_of: dt.date
    policy: PolicyRef
    min_group: int = Field(ge=1, description="Fewest applicable schools for a per-rule share to be shown")
    shard: str | None = Field(default=None, description="i/n when this audit covers one shard of the schools")
    rules: list[RuleInfo]
    schools: list[SchoolResult]
    rule_results: list[RuleResult]
    most_common_gaps: list[RuleResult]
    comparison: Comparison | None = None

    @property
    def broken(self) -> list[SchoolResult]:
        return [school for school in self.schools if school.error is not None]

    def exit_code(self, fail_on: Severity | None) -> int:
        """2 when a school's inputs are broken, 1 for gaps at or above `fail_on`, else 0."""
        if self.broken:
            return 2
        if fail_on is None:
            return 0
        severity = {rule.id: rule.severity for rule in self.rules}
        gaps = (gap for school in self.schools for gap in school.gaps if gap.status.is_gap)
        return 1 if any(severity[gap.rule_id].rank >= fail_on.rank for gap in gaps) else 0
