"""What the log check kinds share: type validation, missing-input outcomes, evidence.

A log check decides `insufficient_data` whenever what it needs is absent (no log, no
roster, a column the log lacks): a rule is never passed or failed on data it did not see.
Evidence names the groups behind a finding, capped at `SHOWN` ("27 pupils, first 5 shown").
"""

from __future__ import annotations

import re
from bisect import insort
from itertools import islice
from typing import Any, ClassVar, Iterable

from pydantic import field_validator

from policycheck.checks.base import Check, CheckContext, Evaluation, Outcome
from policycheck.messages import Message
from policycheck.models.common import Status
from policycheck.models.events import Event, event_fields
from policycheck.models.report import Evidence
from policycheck.models.roster import Roster
from policycheck.vocabulary import CHANNEL_VOCABULARY, EVENT_VOCABULARY, FLAG_VOCABULARY, ROLE_VOCABULARY

SHOWN = 5
DECLINED, NO_RESPONSE = "declined", "no-response"
NOT_HELD = frozenset({DECLINED, NO_RESPONSE})  # flags of an invitation (or talk row) that did not lead to a talk
LEADING_GRADE = re.compile(r"^\s*(\d{1,2})")


def canonical_types(values: list[str]) -> list[str]:
    return [EVENT_VOCABULARY.canonical(value) for value in values]


class LogCheck(Check):
    """Base of the log check kinds. Subclasses list `needs_columns` and `needs_roster`."""

    needs_columns: ClassVar[tuple[str, ...]] = ()

    def needs_roster(self) -> bool:
        return False

    def reads_log(self) -> bool:
        return True

    def wanted_types(self) -> frozenset[str]:
        raise NotImplementedError

    def begin(self, context: CheckContext) -> "LogEvaluation":
        raise NotImplementedError

    def start(self, context: CheckContext) -> Evaluation:
        if context.log is None:
            return Decided(Outcome(Status.insufficient_data, Message("log.no_log")))
        if self.needs_roster() and context.log.roster is None:
            return Decided(Outcome(Status.insufficient_data, Message("log.no_roster")))
        return self.begin(context)


class Decided(Evaluation):
    """An evaluation whose outcome was known before any event (it wants none)."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def finish(self) -> Outcome:
        return self.outcome


class LogEvaluation(Evaluation):
    """Per-group state for one rule; `decide` runs once the stream has ended."""

    def __init__(self, check: LogCheck, context: CheckContext) -> None:
        self.check = check
        self.context = context
        self.log = context.log
        self.event_types = check.wanted_types()

    def finish(self) -> Outcome:
        missing = [name for name in self.check.needs_columns if name not in self.log.columns]
        if missing:
            return Outcome(Status.insufficient_data, Message("log.no_column", {"columns": missing}))
        return self.decide()

    def decide(self) -> Outcome:
        raise NotImplementedError

    def number(self, literal: Any, parameter: str | None) -> Any:
        return self.context.parameter(parameter) if parameter else literal


def event_evidence(event: Event, group: Message | None = None, note: Message | None = None) -> Evidence:
    return localized(Evidence(file=event.file, line=event.line, event_id=event.id, date=event.day), group, note)


def localized(evidence: Evidence, group: Message | None, note: Message | None) -> Evidence:
    """Evidence with `group` and `note` in English, re-rendered in the report's language by the engine."""
    messages = {name: message for name, message in (("group", group), ("note", note)) if message is not None}
    evidence = evidence.model_copy(update={name: message.render("en") for name, message in messages.items()})
    evidence._localized = messages
    return evidence


def group_label(kind: str, label: str) -> Message:
    """'pupil P017 (5A)', 'class 8B', 'thread H12': the group word in the report's language."""
    return Message("ev.group", {"kind": Message(f"group.{kind}", {"n": 1}), "label": label})


def every_group(per: str, grades: list[int] | None) -> dict[str, Any]:
    """`describe` parameters `every` and `grades`: 'every pupil (grades 1 and 8)', 'the school' in the language."""
    return {"every": Message(f"describe.every.{per}"),
            "grades": Message("describe.grades", {"grades": grades}) if grades else ""}


def shown(evidence: Iterable[Evidence]) -> list[Evidence]:
    """The first `SHOWN` items; a generator is consumed no further, so unshown evidence is never built."""
    return list(islice(evidence, SHOWN))


def shown_note(total: int) -> Message | str:
    """', first 5 shown' when the evidence is capped."""
    return Message("log.first_shown", {"n": SHOWN}) if total > SHOWN else ""


def grade_of_class(class_id: str, grades: dict[str, int]) -> int | None:
    """The roster's grade for a class, else a leading number in its name ('1A' -> 1)."""
    if class_id in grades:
        return grades[class_id]
    match = LEADING_GRADE.match(class_id)
    return int(match.group(1)) if match else None


def roster_groups(roster: Roster, per: str, grades: list[int] | None) -> dict[str, str]:
    """Group key -> label for every pupil, class or grade of the roster within `grades`."""
    classes = [c for c in roster.classes if grades is None or c.grade in grades]
    if per == "pupil":
        return {pupil: f"{pupil} ({c.id})" for c in classes for pupil in c.pupil_ids()}
    if per == "class":
        return {c.id: c.id for c in classes}
    return {str(grade): str(grade) for grade in sorted({c.grade for c in classes})}


def canonical_roles(values: list[str]) -> list[str]:
    return [ROLE_VOCABULARY.open_canonical(value) for value in values]


def canonical_channels(values: list[str]) -> list[str]:
    return [CHANNEL_VOCABULARY.open_canonical(value) for value in values]


def canonical_flags(values: list[str]) -> list[str]:
    return [FLAG_VOCABULARY.open_canonical(value) for value in values]


def types_field(*names: str):
    """A pydantic validator turning type aliases in these fields into canonical ids."""
    def convert(cls, values: list[str] | None) -> list[str] | None:
        return None if values is None else canonical_types(values)
    return field_validator(*names)(classmethod(convert))


order = event_fields("day", "file", "line")  # a total order on events, whatever order they were read in


class FirstEvents:
    """The first `size` events by event order, whatever order they arrive in.

    For a kind that keeps events of every group it counts: appending and, whenever twice
    `size` are kept, cutting back to the first `size` costs far less per event than keeping
    them sorted (`Sample`, for the few events that are evidence of a gap).
    """

    __slots__ = ("size", "kept")

    def __init__(self, size: int) -> None:
        self.size = size
        self.kept: list[Event] = []

    def add(self, event: Event) -> None:
        kept = self.kept
        kept.append(event)
        if len(kept) >= 2 * self.size:
            kept.sort(key=order)
            del kept[self.size:]

    def events(self) -> list[Event]:
        return sorted(self.kept, key=order)[:self.size]


class Sample:
    """The first `size` evidence items by event order, whatever order they arrive in."""

    def __init__(self, size: int = SHOWN) -> None:
        self.size = size
        self.items: list[tuple[tuple, Evidence]] = []
        self.total = 0

    def add(self, event: Event, make: Any) -> None:
        """Count one item; build its evidence (`make()`) only if it is among the first."""
        self.total += 1
        key = order(event)
        if len(self.items) < self.size or key < self.items[-1][0]:
            insort(self.items, (key, make()), key=lambda item: item[0])
            del self.items[self.size:]

    def evidence(self) -> list[Evidence]:
        return [item for _, item in self.items]
