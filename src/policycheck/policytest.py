"""`policycheck test`: a pack's own test cases, in the spirit of `opa test`.

Each pack carries `tests/*.yaml`: plan fragments with the status expected per rule. A pack
passes when every case agrees and every rule has a case where it passes and one where it fails.

A case may also carry an activity log inline (`events`, `roster`, optionally `calendar` and
`school_year`). They are written to a temporary JSON Lines log and YAML files and read by the
same loaders `policycheck check --log --roster --calendar` uses, so a case is judged exactly as
a school's export would be; a problem in them is reported at the case's line in the test file.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from policycheck.api import evaluate_with_log
from policycheck.logrun import LogOptions
from policycheck.errors import InputError, Problem, did_you_mean
from policycheck.loading.packs import load_pack
from policycheck.loading.plans import answered_view
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
    events: list[dict[str, Any]] | None = Field(
        default=None, description="Log rows with the canonical columns, as in a JSON Lines log; absent = no --log")
    roster: dict[str, Any] | None = Field(default=None, description="A roster, as in roster.yaml")
    calendar: dict[str, Any] | None = Field(default=None, description="A school calendar, as in calendar.yaml")
    school_year: str | None = Field(default=None, description="As --school-year, e.g. 2025-2026")
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
    view = answered_view(pack, data, document.file, marks, plan.attestations)
    with tempfile.TemporaryDirectory(prefix="policycheck-case-") as folder:
        options = _log_options(case, Path(folder))
        try:
            report = evaluate_with_log(pack, plan, view, case.as_of, "en", options)
        except InputError as error:
            raise InputError([_at_case(problem, document, index, folder) for problem in error.problems]) from None
    actual = {finding.rule_id: finding for finding in report.findings}
    for rule_id, expected in case.expect.items():
        result.assertions += 1
        finding = actual[rule_id]
        seen[rule_id].add(expected)
        if finding.status is not expected:
            line = document.locate(("cases", index, "expect", rule_id), key=True)[0]
            result.mismatches.append(Mismatch(case.name, rule_id, expected, finding.status, finding.message,
                                              f"{document.file}:{line}"))


def _log_options(case: PolicyTestCase, folder: Path) -> LogOptions:
    """The case's inline log, roster and calendar written where `check` would read them from."""
    def write(name: str, data: Any, dump) -> Path | None:
        if data is None:
            return None
        path = folder / name
        path.write_text(dump(data), encoding="utf-8")
        return path

    log = write("events.jsonl", case.events,
                lambda rows: "".join(json.dumps(row, default=str, ensure_ascii=False) + "\n" for row in rows))
    return LogOptions(logs=(log,) if log else (), school_year=case.school_year,
                      roster=write("roster.yaml", case.roster, yaml.safe_dump),
                      calendar=write("calendar.yaml", case.calendar, yaml.safe_dump))


def _at_case(problem: Problem, document: YamlDocument, index: int, folder: str) -> Problem:
    """A problem in a temporary file, moved to the case's line: an event row to its list item."""
    if not problem.file.startswith(folder):
        return problem
    key = Path(problem.file).stem
    path = ("cases", index, key, problem.line - 1) if key == "events" and problem.line else ("cases", index, key)
    line, column = document.locate(path)
    return Problem(document.file, f"{key}: {problem.message}", line, column)
