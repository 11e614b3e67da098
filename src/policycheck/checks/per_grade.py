"""`per_grade`: a plan list has an entry for every grade the school has, each filled in.

E.g. "Hyppigheden og detaljeringsgraden tilpasses af lærerne til det enkelte klassetrin": the
plan states, for each grade or department, how often and in what form parents are informed. An
entry names one grade (`3`, `"3."`) or a range (`"0.-3."`, `"7-9"`, a department), and covers
those grades; the grades to cover are the plan's `school.grades`.
"""

from __future__ import annotations

import re
from typing import Any, Literal, Mapping

from pydantic import Field

from policycheck.checks.base import CheckContext, Outcome, PlanCheck, is_blank, read_filled
from policycheck.messages import Message
from policycheck.models.common import Status

GRADES = re.compile(r"^\s*(\d{1,2})\.?\s*(?:[-–]\s*(\d{1,2})\.?)?\s*$")


class PerGradeCheck(PlanCheck):
    """Passes when every grade of the school is covered by an entry of the list at `path` with `fields` filled in."""

    kind: Literal["per_grade"] = "per_grade"
    path: str
    key: str = Field(default="klassetrin", description="The entry's field naming its grade or range of grades")
    fields: list[str] = Field(default_factory=list, description="Fields every entry must fill in")

    def placeholders(self) -> dict[str, object]:
        return {self.path: [{name: "TODO" for name in [self.key, *self.fields]}]}

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        fields = Message("describe.per_grade_fields", {"fields": self.fields}) if self.fields else ""
        return Message("describe.per_grade", {"path": self.path, "key": self.key, "fields": fields})

    def evaluate(self, context: CheckContext) -> Outcome:
        value, evidence, blank = read_filled(context, self.path)
        if blank:
            return blank
        grades = context.plan.get("school.grades")
        if not isinstance(grades, dict) or not {"min", "max"} <= grades.keys():
            return Outcome(Status.insufficient_data, Message("per_grade.no_grades", {"path": self.path}), evidence)
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            return Outcome(Status.fail, Message("per_grade.not_entries", {"path": self.path, "key": self.key}), evidence)
        return self._judge(value, range(grades["min"], grades["max"] + 1), evidence)

    def _judge(self, entries: list[dict[str, Any]], school_grades: range, evidence: list) -> Outcome:
        covered: set[int] = set()
        for entry in entries:
            span = grade_span(entry.get(self.key))
            if span is None:
                return Outcome(Status.fail, Message("per_grade.unreadable", {"path": self.path, "key": self.key,
                                                                             "value": entry.get(self.key)}), evidence)
            unfilled = [name for name in self.fields if is_blank(entry.get(name))]
            if unfilled and span & set(school_grades):
                return Outcome(Status.fail, Message("per_grade.unfilled", {"path": self.path, "grades": entry.get(self.key),
                                                                           "fields": unfilled}), evidence)
            covered |= span
        missing = [grade for grade in school_grades if grade not in covered]
        if missing:
            return Outcome(Status.fail, Message("per_grade.missing", {"path": self.path, "grades": missing}), evidence)
        return Outcome(Status.passed, Message("per_grade.ok", {"path": self.path, "first": school_grades[0],
                                                               "last": school_grades[-1]}), evidence)


def grade_span(value: Any) -> set[int] | None:
    """The grades an entry names: 3 or "3." is {3}, "0.-3." or "0-3" is {0, 1, 2, 3}; None if unreadable."""
    if isinstance(value, bool):
        return None
    match = GRADES.match(str(value)) if isinstance(value, (int, str)) else None
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return set(range(first, last + 1)) if first <= last else None
