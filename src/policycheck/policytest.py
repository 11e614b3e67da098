"""`policycheck test`: a pack's own test cases, in the spirit of `opa test`.

Each pack carries `tests/*.yaml`: plan fragments with the status expected per rule. A pack
passes when every case agrees and every rule has a case where it passes and one where it fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field

from policycheck.checks.base import PlanView
from policycheck.engine import evaluate
from policycheck.errors import InputError, Problem, did_you_mean
from policycheck.loading.packs import load_pack
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.common import Status, Strict
from policycheck.models.pack import PolicyPack
from policycheck.models.plan import LocalPlan

DEFAULT_AS_OF = dt.date(2026, 1, 15)


class PolicyTestCase(Strict):
    name: str
    as_of: dt.date = DEFAULT_AS_OF
    school: dict[str, Any] = Field(default_factory=lambda: {"name": "Testskole"})
    plan: dict[str, Any] = Field(default_factory=dict)
    expect: dict[str, Status]


class PolicyTestFile(Strict):
    cases: list[PolicyTestCase]


@dataclass
class Mismatch:
    case: str
    rule_id: str
    expected: Status
    actual: Status
    message: str
    where: str


@dataclass
class PackTestResult:
    pack: str
    assertions: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches and not self.uncovered


def run_pack_tests(reference: str) -> PackTestResult:
    """Run every case of a pack and check that each rule is shown passing and failing."""
    pack = load_pack(reference)
    result = PackTestResult(pack=pack.meta.id)
    seen: dict[str, set[Status]] = {rule.id: set() for rule in pack.rules}
    for path in sorted((Path(pack.folder) / "tests").glob("*.yaml")):
        document = load_yaml(path)
        cases = validate_document(document, PolicyTestFile, "test file").cases
        _check_rule_ids(document, cases, pack)
        for index, case in enumerate(cases):
            _run_case(pack, document, index, case, result, seen)
    result.uncovered = [f"{rule_id}: no case where it {'passes' if Status.passed not in statuses else 'fails'}"
                        for rule_id, statuses in seen.items()
                        if not {Status.passed, Status.fail} <= statuses]
    return result


def _check_rule_ids(document: YamlDocument, cases: list[PolicyTestCase], pack: PolicyPack) -> None:
    known = [rule.id for rule in pack.rules]
    problems = []
    for index, case in enumerate(cases):
        for rule_id in case.expect:
            if rule_id not in known:
                line, column = document.locate(("cases", index, "expect", rule_id), key=True)
                problems.append(Problem(document.file, f"unknown rule '{rule_id}'{did_you_mean(rule_id, known)}", line, column))
    if problems:
        raise InputError(problems)


def _run_case(pack: PolicyPack, document: YamlDocument, index: int, case: PolicyTestCase,
              result: PackTestResult, seen: dict[str, set[Status]]) -> None:
    data = {"kind": "skole-hjem-plan", "policy": pack.meta.id, "school": case.school, **case.plan}
    plan = LocalPlan.model_validate(data)
    prefix = ("cases", index, "plan")
    marks = {path[3:]: mark for path, mark in document.value_marks.items() if path[:3] == prefix}
    view = PlanView(data, document.file, marks, plan.attestations)
    report = evaluate(pack, plan, view, as_of=case.as_of, language="en")
    actual = {finding.rule_id: finding for finding in report.findings}
    for rule_id, expected in case.expect.items():
        result.assertions += 1
        finding = actual[rule_id]
        seen[rule_id].add(expected)
        if finding.status is not expected:
            line = document.locate(("cases", index, "expect", rule_id), key=True)[0]
            result.mismatches.append(Mismatch(case.name, rule_id, expected, finding.status, finding.message,
                                              f"{document.file}:{line}"))
