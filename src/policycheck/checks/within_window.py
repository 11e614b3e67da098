"""`within_window`: an event of a type in a window around the school start, per class, grade or school.

`first_weeks` is the first N weeks of the school year (forældremøde "i starten af skoleåret");
`before_start` is the N days before the first school day (informasjonsmøte before pupils
start in grade 1 or 8). A group with no event in the window fails once the window has
closed; before that it is `insufficient_data`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, counted
from policycheck.checks.logbase import (LogCheck, LogEvaluation, event_evidence, every_group, grade_of_class, group_label,
                                        localized, order, roster_groups, shown, shown_note, types_field)
from policycheck.messages import AnyTerms, Message, NoneOf
from policycheck.models.common import Status
from policycheck.models.events import Event
from policycheck.models.report import Evidence

WINDOW_UNITS = {"first_weeks": "n.weeks", "before_start": "n.days"}  # the window's length, counted


class WithinWindowCheck(LogCheck):
    """Passes when every group has an event of the types inside the window."""

    kind: Literal["within_window"] = "within_window"
    types: list[str]
    per: Literal["class", "grade", "school"] = "class"
    window: Literal["first_weeks", "before_start"] = "first_weeks"
    weeks: int | None = None
    days: int | None = None
    parameter: str | None = None
    grades: list[int] | None = None

    _types = types_field("types")

    @model_validator(mode="after")
    def _one_length(self) -> "WithinWindowCheck":
        literal = self.length()
        other = self.days if self.window == "first_weeks" else self.weeks
        unit = "weeks" if self.window == "first_weeks" else "days"
        if other is not None or (literal is None) == (self.parameter is None):
            raise ValueError(f"window '{self.window}' needs exactly one of '{unit}' or 'parameter' (in {unit})")
        return self

    def length(self) -> int | None:
        """The window's literal length: weeks for `first_weeks`, days for `before_start`."""
        return self.weeks if self.window == "first_weeks" else self.days

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        length = counted(WINDOW_UNITS[self.window], self.length(), self.parameter, parameters)
        when = Message(f"describe.{self.window}", {"length": length})
        return Message("describe.window", {**every_group(self.per, self.grades), "types": AnyTerms(self.types),
                                           "when": when})

    def needs_roster(self) -> bool:
        return self.per != "school"

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.types)

    def begin(self, context: CheckContext) -> "WindowEvaluation":
        return WindowEvaluation(self, context)


class WindowEvaluation(LogEvaluation):
    def __init__(self, check: WithinWindowCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        roster = self.log.roster
        self.labels = roster_groups(roster, check.per, check.grades) if check.per != "school" else {"school": "school"}
        self.first, self.last = self._window()
        self.inside: dict[str, Event] = {}
        self.outside: dict[str, Event] = {}
        self.class_of = roster.class_of() if roster else {}
        self.grades = roster.grade_of() if roster else {}

    def _window(self) -> tuple[dt.date, dt.date]:
        start = self.log.calendar.start
        length = self.number(self.check.length(), self.check.parameter)
        if self.check.window == "first_weeks":
            return start, start + dt.timedelta(days=7 * length - 1)
        return start - dt.timedelta(days=length), start - dt.timedelta(days=1)

    def observe(self, event: Event) -> None:
        key = self._key(event)
        if key not in self.labels:
            return
        found = self.inside if self.first <= event.day <= self.last else self.outside
        earlier = found.get(key)
        if earlier is None or order(event) < order(earlier):
            found[key] = event

    def _key(self, event: Event) -> str:
        if self.check.per == "school":
            return "school"
        class_id = event.class_ or self.class_of.get(event.pupil, "")
        if self.check.per == "class":
            return class_id
        grade = grade_of_class(class_id, self.grades)
        return "" if grade is None else str(grade)

    def decide(self) -> Outcome:
        check, missing, total = self.check, [key for key in self.labels if key not in self.inside], len(self.labels)
        window = {"first": self.first.isoformat(), "last": self.last.isoformat()}
        if not self.labels:
            return Outcome(Status.insufficient_data, Message("window.no_groups", {"per": Message(f"group.{check.per}", {"n": 0})}))
        if not missing:
            params = {**window, "n": total, "every": Message(f"describe.every.{check.per}"), "types": AnyTerms(check.types)}
            return Outcome(Status.passed, Message("window.ok", params), shown(self._evidence(k) for k in self.labels))
        params = {**window, "n": len(missing), "total": total, "per": Message(f"group.{check.per}", {"n": total}),
                  "types": NoneOf(check.types)}
        evidence = shown(self._evidence(key) for key in missing)
        if self.context.as_of <= self.last:
            return Outcome(Status.insufficient_data, Message("window.pending", params), evidence)
        return Outcome(Status.fail, Message("window.fail", {**params, "shown_note": shown_note(len(missing))}), evidence)

    def _evidence(self, key: str) -> Evidence:
        label = group_label(self.check.per, self.labels[key])
        if key in self.inside:
            return event_evidence(self.inside[key], label)
        if key in self.outside:
            nearest = self.outside[key]
            return event_evidence(nearest, label, Message("ev.outside", {"date": nearest.day.isoformat()}))
        return localized(Evidence(count=0), label, Message("ev.none"))
