"""A municipality audit: schools x rules statuses, compliance, common gaps, change over time.

Everything aggregate is computed from `schools` (see `policycheck.audit.aggregate`), so shard
audits merge into exactly what one run gives. Only school-level results are held: no pupil data.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from policycheck.models.common import Severity, Status
from policycheck.models.duty import Bearer, SchoolPart
from policycheck.models.report import PolicyRef, WaiverRef

SEVERITY_WEIGHT = {Severity.required: 3, Severity.recommended: 2, Severity.advisory: 1}
AUDIT_SCHEMA_ID = "https://policycheck.dev/schemas/audit.schema.json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RuleInfo(_Model):
    """A rule as the audit shows it (in the audit's language)."""

    id: str
    title: str
    severity: Severity = Field(description="The effective severity (the pack's, capped while a number is unconfirmed)")
    pack_severity: Severity | None = Field(default=None, description="The pack's severity, when the cap lowered it")
    bearer: Bearer | None = Field(default=None, description="Who the statement obliges; absent in older audits")
    school_part: SchoolPart | None = None
    section: str
    quote: str
    remediation: str


def share_weights(rules: list[RuleInfo]) -> dict[str, int]:
    """Rule id -> its weight in a school's share: the school's own rules only, by effective severity."""
    return {rule.id: SEVERITY_WEIGHT[rule.severity] for rule in rules if rule.bearer is None or rule.bearer.is_school}


class SchoolGap(_Model):
    rule_id: str
    status: Status
    message: str
    location: str | None = None
    notes: list[str] = Field(default_factory=list)
    waiver: WaiverRef | None = Field(default=None, description="For waived gaps: the waiver applied")


class Compliance(_Model):
    """Share of applicable rules (or schools) that passed; None when nothing applies or the group is too small.

    A school's share counts only the rules the school itself owes, weighted by severity
    (`policycheck.audit.aggregate.school_compliance`); a rule's share is of the schools it applies to.
    """

    applicable: int
    passed: int | None = Field(description="None when suppressed (fewer than min_group applicable)")
    share: float | None = Field(description="For a school: passed weight / applicable weight (required 3, recommended 2, "
                                            "advisory 1) over rules the school owes; for a rule: passed / applicable schools")


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
    what_if: dict[str, Status] | None = Field(default=None, description="rule id -> status under the what-if "
                                                                        "scenario (audit --what-if)")


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


class VerdictChange(_Model):
    """A school whose verdict on a rule the what-if would change."""

    folder: str
    rule_id: str
    before: Status
    after: Status | None = Field(description="None when the scenario disables the rule")


class WhatIfRule(_Model):
    rule_id: str
    schools_changed: int
    before: Compliance
    after: Compliance


class WhatIf(_Model):
    """Today's result beside the scenario's (`audit --what-if`, `--what-if-file`)."""

    scenario: list[str] = Field(description="What the scenario changes, as the report lists overrides")
    severities: dict[str, Severity] = Field(description="rule id -> the effective severity under the scenario "
                                                        "(its school shares are weighted by these)")
    schools_changed: int = Field(description="Schools with at least one verdict the scenario changes")
    changes: list[VerdictChange]
    rules: list[WhatIfRule] = Field(description="The rules with a changed verdict somewhere")
    schools: list[Change] = Field(description="The compliance share of each school whose verdicts change")
    before: Compliance = Field(description="All school x rule verdicts today: passed among applicable")
    after: Compliance = Field(description="The same under the scenario")


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
    what_if: WhatIf | None = None

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
