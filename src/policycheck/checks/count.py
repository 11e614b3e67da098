"""`count`: events of given types per pupil, class or school per period, against a min and/or max.

The roster supplies every pupil and class, so a group with no events at all is found.
A group below the minimum fails only once its period has ended (as of the run's date);
before that it is `insufficient_data`, since the talk may still come.

`counts: held` (the default) counts talks or meetings that took place: a row flagged
`declined` or `no-response` does not count. `counts: invited` is for a text that says the
school invites ("inviteres", "indkalder"): an invitation (`invitation` types, default
`invitasjon`) counts as well as a talk held, whatever its outcome, so parents who decline do not
make the school fail; an invitation and the talk on the same `thread` count once, and the
finding says how many invitations were declined or got no answer.
"""

from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import model_validator

from policycheck.calendar import AUTUMN, SPRING
from policycheck.checks.base import CheckContext, Outcome, amount
from policycheck.checks.logbase import (FirstEvents, LogCheck, LogEvaluation, event_evidence, every_group, grade_of_class,
                                        group_label, localized, roster_groups,
                                        shown, shown_note, types_field, DECLINED, NO_RESPONSE, NOT_HELD)
from policycheck.messages import AnyTerms, Message, Terms
from policycheck.models.common import Status
from policycheck.models.events import Event
from policycheck.models.report import Evidence

PERIODS = {"school_year": ("school_year",), "half_year": (AUTUMN, SPRING)}
KEEP_EVENTS = 3


class CountCheck(LogCheck):
    """Passes when every group has between `min` and `max` events of the types in each period."""

    kind: Literal["count"] = "count"
    types: list[str]
    per: Literal["pupil", "class", "school"] = "pupil"
    period: Literal["school_year", "half_year"] = "school_year"
    min: int | None = None
    max: int | None = None
    min_parameter: str | None = None
    max_parameter: str | None = None
    grades: list[int] | None = None
    counts: Literal["held", "invited"] = "held"
    invitation: list[str] = ["invitasjon"]

    _types = types_field("types", "invitation")

    @model_validator(mode="after")
    def _bounds(self) -> "CountCheck":
        if self.min is not None and self.min_parameter or self.max is not None and self.max_parameter:
            raise ValueError("give a bound as a literal or as a parameter, not both")
        if (self.min, self.min_parameter, self.max, self.max_parameter) == (None, None, None, None):
            raise ValueError("give 'min' or 'max' (or 'min_parameter' / 'max_parameter')")
        if self.counts == "invited" and set(self.invitation) & set(self.types):
            raise ValueError("'invitation' and 'types' must not share a type")
        return self

    def counted_types(self) -> list[str]:
        """The types that count: with `counts: invited`, the invitations too."""
        return self.types + self.invitation if self.counts == "invited" else self.types

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        noun_count = self._numbers(parameters)[-1]
        low = amount(self.min, self.min_parameter, parameters)
        high = amount(self.max, self.max_parameter, parameters)
        return Message("describe.count", {**every_group(self.per, self.grades), "bounds": bounds_phrase(low, high),
                                          "events": Message("describe.events", {"n": noun_count}),
                                          "types": AnyTerms(self.counted_types()), "period": Message(f"period.{self.period}")})

    def _numbers(self, parameters: Mapping[str, Any]) -> list[Any]:
        """The bounds given, as numbers (a parameter's value for a parameter)."""
        pairs = ((self.min, self.min_parameter), (self.max, self.max_parameter))
        return [parameters[name] if name else number for number, name in pairs if name or number is not None]

    def parameter_names(self) -> set[str]:
        return {name for name in (self.min_parameter, self.max_parameter) if name}

    def needs_roster(self) -> bool:
        return self.per != "school"

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.counted_types())

    def begin(self, context: CheckContext) -> "CountEvaluation":
        return CountEvaluation(self, context)


def bounds_phrase(low: Any, high: Any) -> Message:
    """'between 1 and 2', 'at least 2', 'at most 4' (a bound may be a parameter's `amount`)."""
    if low is not None and high is not None:
        return Message("describe.between", {"min": low, "max": high})
    if high is None:
        return Message("describe.at_least", {"value": low})
    return Message("describe.at_most", {"value": high})


class CountEvaluation(LogEvaluation):
    def __init__(self, check: CountCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        roster = self.log.roster
        self.labels = roster_groups(roster, check.per, check.grades) if roster and check.per != "school" else {"school": "school"}
        self.periods = PERIODS[check.period]
        self.counts = {key: [0] * len(self.periods) for key in self.labels}
        self.kept: dict[str, list[FirstEvents]] = {}  # group -> its first events per period, for evidence
        self.class_of = roster.class_of() if roster else {}
        self.grades = roster.grade_of() if roster else {}
        self.invited = check.counts == "invited"
        self.occasions: set[tuple[str, str]] = set()  # (group, thread) already counted, with `counts: invited`
        self.outcomes: dict[str, set[tuple]] = {DECLINED: set(), NO_RESPONSE: set()}  # flag -> its occasions

    def observe(self, event: Event) -> None:
        half = self.log.calendar.half_of(event.day)
        if half is None:
            return
        key = self._key(event)
        counts = self.counts.get(key)
        if counts is None:  # not a checked group: outside the grades, or not in the roster
            return
        counted = self._new_occasion(key, event) if self.invited else not event.flags & NOT_HELD
        if not counted:  # held: a declined or unanswered talk did not take place; invited: its thread counted
            return
        index = 0 if len(self.periods) == 1 or half == AUTUMN else 1
        counts[index] += 1
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = [FirstEvents(KEEP_EVENTS) for _ in self.periods]
        kept[index].add(event)

    def _new_occasion(self, key: str, event: Event) -> bool:
        """Note the invitation's outcome; whether the event is the first of its thread for the group."""
        occasion = (key, event.thread) if event.thread else (key, event.file, event.line)
        for flag in event.flags & NOT_HELD:
            self.outcomes[flag].add(occasion)
        if not event.thread:
            return True
        if occasion in self.occasions:
            return False
        self.occasions.add(occasion)
        return True

    def _key(self, event: Event) -> str:
        per = self.check.per
        if per == "pupil":
            return event.pupil
        class_id = event.class_ or self.class_of.get(event.pupil, "")
        if per == "class":
            return class_id
        if self.check.grades is None or grade_of_class(class_id, self.grades) in self.check.grades:
            return "school"
        return ""  # a school-wide count limited to some grades: this event is outside them

    def decide(self) -> Outcome:
        low, high, pending = self._sort_groups()
        if low or high:
            return self._failure(low, high)
        if pending:
            minimum = self.number(self.check.min, self.check.min_parameter)
            fewer = {**self._params(len(pending)), "types": Terms(self.check.types, count=minimum)}  # fewer than min
            return Outcome(Status.insufficient_data, Message("count.pending", fewer),
                           shown(self._evidence(key, period) for key, period in pending))
        return Outcome(Status.passed, Message("count.ok", self._params(len(self.counts) * len(self.periods))))

    def _sort_groups(self) -> tuple[list, list, list]:
        low, high, pending = [], [], []
        minimum = self.number(self.check.min, self.check.min_parameter)
        maximum = self.number(self.check.max, self.check.max_parameter)
        calendar, as_of = self.log.calendar, self.context.as_of
        for key, counts in self.counts.items():
            for index, period in enumerate(self.periods):
                if maximum is not None and counts[index] > maximum:
                    high.append((key, period))
                if minimum is not None and counts[index] < minimum:
                    ended = as_of > calendar.period_end(period)
                    (low if ended else pending).append((key, period))
        return low, high, pending

    def _failure(self, low: list, high: list) -> Outcome:
        failing = low + high
        detail = [Message(key, {"n": len(groups)}) for key, groups in (("count.low", low), ("count.high", high)) if groups]
        params = {**self._params(len(failing)), "detail": detail, "shown_note": shown_note(len(failing))}
        return Outcome(Status.fail, Message("count.fail", params), shown(self._evidence(k, p) for k, p in failing))

    def _params(self, groups: int) -> dict:
        """The outcome's parameters; `n` is the number of groups the message is about."""
        check = self.check
        minimum = self.number(check.min, check.min_parameter)
        maximum = self.number(check.max, check.max_parameter)
        noun_count = minimum if maximum is None else maximum
        types = AnyTerms(check.counted_types(), count=noun_count) if self.invited else Terms(check.types, count=noun_count)
        return {"n": groups, "total": len(self.counts) * len(self.periods), "per": Message(f"group.{check.per}", {"n": 1}),
                "every": Message(f"describe.every.{check.per}"), "types": types,
                "min": minimum, "bounds": bounds_phrase(minimum, maximum),
                "period": Message(f"period.{check.period}"), "year": self.log.calendar.label,
                "outcomes": self._outcomes()}

    def _outcomes(self) -> Message | str:
        """'; 1 invitation was declined; 2 invitations got no answer' (nothing when none were)."""
        parts = [Message(f"count.{name}", {"n": len(occasions)})
                 for name, occasions in (("declined", self.outcomes[DECLINED]), ("no_response", self.outcomes[NO_RESPONSE]))
                 if occasions]
        return Message("count.outcomes", {"parts": parts}) if parts else ""

    def _evidence(self, key: str, period: str) -> Evidence:
        index = self.periods.index(period)
        count = self.counts[key][index]
        kept = self.kept[key][index].events() if key in self.kept else []
        where = kept[0] if kept else None
        ids = f" ({', '.join(e.id or f'line {e.line}' for e in kept)})" if kept else ""
        note = Message("ev.count", {"n": count, "period": Message(f"ev.period.{period}"), "ids": ids})
        label = group_label(self.check.per, self.labels[key])
        if where is None:
            return localized(Evidence(count=count), label, note)
        return event_evidence(where, label, note).model_copy(update={"count": count})
