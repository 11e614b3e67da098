"""`reply_within`: every inquiry (henvendelse) gets a reply (svar) on its thread within N working days.

Each inquiry is answered by the first reply on its thread dated on or after it (a reply the
same day counts); inquiries answered by the same reply are one inquiry, dated first (a
parent asking again before the school answered). That depends on each thread's events, not
on the order a log lists them in (newest first, by pupil, or split over files): threads are
matched once the stream has ended. Exactness needs each thread remembered to the end (a
date-sorted log whose last line is an inquiry dated before its thread's reply can only be
judged by remembering that reply), so state is per thread, a conversation: a thread's own
history is folded to one inquiry and one reply per day when histories grow, and an inquiry
answered in time is kept as one small tuple. Inquiries still unanswered at the end fail once
their deadline has passed by the run's date; inquiries without a thread id cannot show a
reply and make the rule `insufficient_data` unless it already fails.
"""

from __future__ import annotations

from itertools import chain
from typing import Any, ClassVar, Iterable, Iterator, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, counted
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, event_evidence, group_label, order,
                                        shown_note, types_field)
from policycheck.messages import AnyTerms, Message
from policycheck.models.common import Status
from policycheck.models.events import Event, event_fields

FOLD_AT = 4096  # events kept beyond twice the threads' folded size before histories are folded again
UNRANKED = 1 << 40  # a day outside the calendar's span: makes a wait huge, so the exact count decides
# What an inquiry answered in time still needs (it is never evidence again: a reply read later only shortens its
# wait, an earlier inquiry would come first), and what its reply needs for a note: kept as one tuple of atomic
# values, which the garbage collector stops tracking and which holds no string of the block it came from but the id.
ASKED_FIELDS = event_fields("day", "type", "file", "line")
REPLY_FIELDS = event_fields("day", "type", "id", "file", "line")
NONE: frozenset[str] = frozenset()


class ReplyWithinCheck(LogCheck):
    """Passes when no inquiry waits longer than `days` working days for its reply."""

    kind: Literal["reply_within"] = "reply_within"
    request: list[str] = ["henvendelse"]
    reply: list[str] = ["svar"]
    days: int | None = None
    parameter: str | None = None

    needs_columns: ClassVar[tuple[str, ...]] = ("thread",)
    _types = types_field("request", "reply")

    @model_validator(mode="after")
    def _valid(self) -> "ReplyWithinCheck":
        if (self.days is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'days' or 'parameter' (working days)")
        if set(self.request) & set(self.reply):
            raise ValueError("'request' and 'reply' must not share a type")
        return self

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.reply", {"request": AnyTerms(self.request), "reply": AnyTerms(self.reply),
                                          "days": counted("n.working_days", self.days, self.parameter, parameters)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.request + self.reply)

    def begin(self, context: CheckContext) -> "ReplyEvaluation":
        return ReplyEvaluation(self, context)


class ReplyEvaluation(LogEvaluation):
    """Each thread's events, kept until the end, and most threads judged as their second event is read.

    A thread is `alone` (its one event so far), then `answered` (its two events are an inquiry
    and a reply in time) or `paired` (any other two), and its later events go to `more`. Most
    threads are one inquiry and one reply, so each is judged while its events are fresh in
    memory, by a few dict lookups; at the end only the threads that are alone, paired or have
    more events are sorted and walked, and an `answered` thread needs no more than counting.
    """

    def __init__(self, check: ReplyWithinCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.requests = frozenset(check.request)
        self.limit = self.number(check.days, check.parameter)
        self.ranks = self.log.calendar.day_ranks()
        self.alone: dict[str, Event] = {}  # thread id ('' for events without one) -> its only event so far
        self.answered: dict[str, tuple] = {}  # thread id -> ASKED_FIELDS + REPLY_FIELDS, a reply in time
        self.paired: dict[str, tuple[Event, Event]] = {}  # thread id -> any other two events
        self.more: list[Event] = []  # events of threads already answered or paired
        self.unlinked = 0
        self.fold_at = FOLD_AT

    def observe(self, event: Event) -> None:
        self.observe_batch([event])

    def observe_batch(self, events: list[Event]) -> None:
        alone, answered, paired, more = self.alone, self.answered, self.paired, self.more
        for event in events:
            thread = event.thread
            if thread in answered or thread in paired:
                more.append(event)
                continue
            first = alone.pop(thread, None)
            if first is None:
                alone[thread] = event
            elif (summary := self._answered_in_time(first, event)) is not None:
                answered[thread] = summary
            else:
                paired[thread] = first, event
        if len(more) > self.fold_at:
            self._fold()

    def _answered_in_time(self, first: Event, second: Event) -> tuple | None:
        """A thread's two events as `answered` keeps them, if they are an inquiry and a reply in time."""
        asks = first.type in self.requests
        if asks == (second.type in self.requests):
            return None
        request, reply = (first, second) if asks else (second, first)
        ranks = self.ranks.get  # a day outside the calendar makes the wait huge: the walk at the end decides
        if request.day <= reply.day and ranks(reply.day, UNRANKED) - ranks(request.day, -UNRANKED) <= self.limit:
            return ASKED_FIELDS(request) + REPLY_FIELDS(reply)
        return None

    def _fold(self) -> None:
        """Keep one inquiry and one reply per thread and day (the first by file and line): the same matches.

        Events without a thread only count: their inquiries are added to `unlinked`.
        """
        self.unlinked += self._unlinked()
        more, self.more = self.more, []
        for thread, history in self._histories(more).items():
            firsts: dict[tuple, Event] = {}
            for event in sorted(history, key=order):
                firsts.setdefault((event.day, event.type in self.requests), event)
            kept = list(firsts.values())
            if len(kept) == 1:
                self.alone[thread] = kept[0]
            else:
                self.paired[thread] = kept[0], kept[1]
                self.more += kept[2:]
        self.fold_at = 2 * len(self.more) + FOLD_AT

    def _unlinked(self) -> int:
        """The inquiries without a thread id, taken out of the state."""
        events = [self.alone.pop("", None), *self._answered_pair("", ()), *self.paired.pop("", ())]
        if any(event.thread == "" for event in self.more):
            events += [event for event in self.more if event.thread == ""]
            self.more = [event for event in self.more if event.thread != ""]
        return sum(event is not None and event.type in self.requests for event in events)

    def _histories(self, more: Iterable[Event]) -> dict[str, list[Event]]:
        """Thread id -> all its events, for the threads that have events in `more`, taken out of the dicts."""
        histories: dict[str, list[Event]] = {}
        for event in more:
            history = histories.get(event.thread)
            if history is None:
                pair = self._answered_pair(event.thread, None) or self.paired.pop(event.thread)
                histories[event.thread] = history = list(pair)
            history.append(event)
        return histories

    def _answered_pair(self, thread: str, default: Any) -> tuple[Event, Event] | Any:
        """An answered thread's inquiry and reply as events again (taken out of `answered`), else `default`."""
        summary = self.answered.pop(thread, None)
        if summary is None:
            return default
        day, type_, file, line, replied, reply_type, reply_id, reply_file, reply_line = summary
        return (Event(None, day, day, type_, "", "", "", NONE, "", thread, NONE, file, line),
                Event(reply_id, replied, replied, reply_type, "", "", "", NONE, "", thread, NONE, reply_file, reply_line))

    def decide(self) -> Outcome:
        unlinked = self.unlinked + self._unlinked()
        histories = self._histories(self.more)
        asked, late, still_open = len(self.answered), Sample(), []
        for history in chain(histories.values(), self.paired.values(), ([event] for event in self.alone.values())):
            for request, reply in self._matches(history):
                asked += 1
                if reply is None:
                    still_open.append(request)
                else:
                    self._judge(request, reply, late)
        return self._outcome(asked, unlinked, late, still_open)

    def _matches(self, history: Iterable[Event]) -> Iterator[tuple[Event, Event | None]]:
        """(first inquiry, the reply that answers it, or None) for each inquiry a thread's replies split it into."""
        requests, asked = self.requests, None
        for event in sorted(history, key=lambda event: (event.day, event.type not in requests, event.file, event.line)):
            if event.type in requests:
                asked = asked or event
            elif asked is not None:
                yield asked, event
                asked = None
        if asked is not None:
            yield asked, None

    def _judge(self, request: Event, reply: Event, late: Sample) -> None:
        waited = self.log.calendar.working_days_between(request.day, reply.day)
        if waited > self.limit:
            note = Message("ev.replied_late", {"date": reply.day.isoformat(), "reply": reply.id or f"line {reply.line}",
                                               "n": waited})
            late.add(request, lambda: event_evidence(request, group_label("thread", request.thread), note))

    def _outcome(self, asked: int, unlinked: int, late: Sample, still_open: list[Event]) -> Outcome:
        calendar, as_of = self.log.calendar, self.context.as_of
        overdue = [e for e in still_open if calendar.working_days_between(e.day, as_of) > self.limit]
        days = Message("n.working_days", {"n": self.limit})
        params = {"n": asked + unlinked, "days": days, "waiting": len(still_open) - len(overdue)}
        if late.total or overdue:
            key = _failure(params, late.total, len(overdue), days)
            for request in overdue:
                late.add(request, lambda: event_evidence(request, group_label("thread", request.thread),
                                                         Message("ev.still_open")))
            params["shown_note"] = shown_note(late.total)
            return Outcome(Status.fail, Message(key, params), late.evidence())
        if unlinked:
            return Outcome(Status.insufficient_data, Message("reply.unlinked", {"n": unlinked, "asked": asked + unlinked}))
        return Outcome(Status.passed, Message("reply.ok", params))


def _failure(params: dict, late: int, overdue: int, days: Message) -> str:
    """The failure's message key, its clauses added to `params`: replies late, inquiries still open past
    the deadline, or both (a count of zero is left out: nb and da put the verb first when it opens)."""
    if late:
        params["late"] = Message("reply.late", {"n": late, "days": days})
    if overdue:
        params["overdue"] = Message("reply.open" if late else "reply.open_first", {"n": overdue})
    return "reply.fail" if late and overdue else "reply.fail_late" if late else "reply.fail_open"
