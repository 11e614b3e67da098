"""From school results to the aggregate: compliance per school and per rule, common gaps, change.

Everything here is a function of the school results alone, which is what makes
shard-then-merge give the same audit as one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from policycheck.loading.validate import check_schema
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.audit import (AuditReport, Change, Comparison, Compliance, RuleInfo, RuleResult, SchoolResult,
                                     VerdictChange, WhatIf, WhatIfRule, share_weights)
from policycheck.models.common import Severity, Status
from policycheck.schemas import schema_validator

MOST_COMMON = 10


def compliance(statuses: Iterable[Status], min_group: int = 1) -> Compliance:
    """Passed among applicable; no share when fewer than `min_group` apply (too small to show)."""
    applicable = [status for status in statuses if status is not Status.not_applicable]
    passed = sum(1 for status in applicable if status is Status.passed)
    share = round(passed / len(applicable), 4) if applicable and len(applicable) >= min_group else None
    return Compliance(applicable=len(applicable), passed=passed, share=share)


def school_compliance(statuses: dict[str, Status], weights: dict[str, int]) -> Compliance:
    """A school's share: the weight of its passed rules over the weight of its applicable ones.

    Only rules in `weights` count (the school's own duties, weighted by effective severity:
    `share_weights`), so passing an advisory expectation to parents cannot raise the share.
    """
    counted = {rule_id: status for rule_id, status in statuses.items()
               if rule_id in weights and status is not Status.not_applicable}
    passed = [rule_id for rule_id, status in counted.items() if status is Status.passed]
    total = sum(weights[rule_id] for rule_id in counted)
    share = round(sum(weights[rule_id] for rule_id in passed) / total, 4) if total else None
    return Compliance(applicable=len(counted), passed=len(passed), share=share)


@dataclass(frozen=True)
class ScenarioSummary:
    """What a what-if audit changes (as overrides are listed) and the rules' severities under it."""

    changes: list[str]
    severities: dict[str, Severity]


def build_audit(header: dict, rules: list[RuleInfo], schools: list[SchoolResult], min_group: int,
                previous: AuditReport | None = None, shard: str | None = None,
                scenario: ScenarioSummary | None = None) -> AuditReport:
    """The audit of these schools; `header` holds tool_version, language, as_of and policy."""
    weights = share_weights(rules)
    schools = sorted((_with_compliance(school, weights) for school in schools), key=lambda school: school.folder)
    rule_results = [_rule_result(rule.id, schools, min_group) for rule in rules]
    common = sorted((result for result in rule_results if result.gaps), key=lambda result: -result.gaps)
    audit = AuditReport(**header, min_group=min_group, shard=shard, rules=rules, schools=schools,
                        rule_results=rule_results, most_common_gaps=common[:MOST_COMMON],
                        what_if=what_if(scenario, rules, schools, min_group) if scenario else None)
    return audit.model_copy(update={"comparison": compare(previous, audit)}) if previous else audit


def what_if(scenario: ScenarioSummary, rules: list[RuleInfo], schools: list[SchoolResult], min_group: int) -> WhatIf:
    """Today's verdicts beside the scenario's (`SchoolResult.what_if`), school by school and rule by rule."""
    checked = [school for school in schools if school.error is None and school.what_if is not None]
    changes = [VerdictChange(folder=school.folder, rule_id=rule_id, before=status, after=school.what_if.get(rule_id))
               for school in checked for rule_id, status in school.statuses.items() if school.what_if.get(rule_id) is not status]
    changed_rules = list(dict.fromkeys(change.rule_id for change in changes))
    changed_schools = list(dict.fromkeys(change.folder for change in changes))
    weights = share_weights([rule.model_copy(update={"severity": scenario.severities[rule.id]})
                             for rule in rules if rule.id in scenario.severities])
    return WhatIf(
        scenario=scenario.changes, severities=scenario.severities, schools_changed=len(changed_schools), changes=changes,
        rules=[_what_if_rule(rule_id, checked, changes, min_group) for rule_id in changed_rules],
        schools=[_what_if_school(school, weights) for school in checked if school.folder in changed_schools],
        before=compliance([status for school in checked for status in school.statuses.values()]),
        after=compliance([status for school in checked for status in school.what_if.values()]))


def _what_if_rule(rule_id: str, schools: list[SchoolResult], changes: list[VerdictChange], min_group: int) -> WhatIfRule:
    return WhatIfRule(rule_id=rule_id, schools_changed=sum(1 for change in changes if change.rule_id == rule_id),
                      before=compliance([s.statuses[rule_id] for s in schools if rule_id in s.statuses], min_group),
                      after=compliance([s.what_if[rule_id] for s in schools if rule_id in s.what_if], min_group))


def _what_if_school(school: SchoolResult, weights: dict[str, int]) -> Change:
    before = school.compliance.share if school.compliance else None
    after = school_compliance(school.what_if, weights).share
    return Change(key=school.folder, before=before, after=after, delta=_delta(before, after))


def header_of(audit: AuditReport) -> dict:
    return {"tool_version": audit.tool_version, "language": audit.language, "as_of": audit.as_of,
            "policy": audit.policy}


def _with_compliance(school: SchoolResult, weights: dict[str, int]) -> SchoolResult:
    if school.error is not None:
        return school.model_copy(update={"compliance": None})
    return school.model_copy(update={"compliance": school_compliance(school.statuses, weights)})


def _rule_result(rule_id: str, schools: list[SchoolResult], min_group: int) -> RuleResult:
    """A rule's figures; under `min_group` applicable schools, `passed` and `gaps` go with the share.

    Hiding only the share would not hide anything: it is passed / applicable, and passed is
    applicable minus the gaps and the undecided. So every figure it could be worked out from is suppressed.
    """
    statuses = [school.statuses[rule_id] for school in schools if rule_id in school.statuses]
    result = compliance(statuses, min_group)
    if result.share is None and result.applicable:
        return RuleResult(rule_id=rule_id, compliance=result.model_copy(update={"passed": None}), gaps=None)
    return RuleResult(rule_id=rule_id, compliance=result, gaps=sum(1 for status in statuses if status.is_gap))


def compare(previous: AuditReport, current: AuditReport) -> Comparison:
    """Change in compliance share per school (by folder) and per rule since `previous`."""
    def school_shares(audit: AuditReport) -> dict[str, float | None]:
        return {s.folder: s.compliance.share if s.compliance else None for s in audit.schools}

    def rule_shares(audit: AuditReport) -> dict[str, float | None]:
        return {r.rule_id: r.compliance.share for r in audit.rule_results}

    return Comparison(previous_as_of=previous.as_of,
                      schools=_changes(school_shares(previous), school_shares(current)),
                      rules=_changes(rule_shares(previous), rule_shares(current)))


def _changes(before: dict[str, float | None], after: dict[str, float | None]) -> list[Change]:
    keys = list(after) + [key for key in before if key not in after]
    return [Change(key=key, before=before.get(key), after=after.get(key), delta=_delta(before.get(key), after.get(key)))
            for key in keys]


def _delta(before: float | None, after: float | None) -> float | None:
    return round(after - before, 4) if before is not None and after is not None else None


def load_audit(path: Path) -> AuditReport:
    """A previous audit JSON, checked against schemas/audit.schema.json (errors at file:line:column)."""
    document = load_yaml(path)
    check_schema(document, schema_validator("audit"), "audit")
    return AuditReport.model_validate(document.data)
