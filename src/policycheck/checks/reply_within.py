"""`reply_within`: every inquiry (henvendelse) gets a reply (svar) on its thread within N working days.

Each inquiry is matched with the first reply on the same thread dated on or after it; a
thread asked again while open keeps its earliest date. State is the open threads only:
a thread leaves memory when answered. A reply read before its inquiry (an unsorted log)
waits for it. Threads still open at the end fail once their deadline has passed by the
run's date; inquiries without a thread id cannot show a reply and make the rule
`insufficient_data` unless it already fails.
"""

from __future__ import annotations

import operator
from itertools import compress, repeat
from typing import Any, ClassVar, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, amount
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, event_evidence, group_label, order,
                                        shown_note, types_field)
from policycheck.messages import AnyTerms, Message
from policycheck.models.common import Status
from policycheck.models.events import Event


UNRANKED = 1 << 40  # a day outside the calendar's span: makes the difference huge, so `_settle` decides
EVENT_TYPE, DAY, THREAD = operator.attrgetter("type"), operator.attrgetter("day"), operator.attrgetter("thread")


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
                                          "days": amount(self.days, self.parameter, parameters)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.request + self.reply)

    def begin(self, context: CheckContext) -> "ReplyEvaluation":
        return ReplyEvaluation(self, context)


class ReplyEvaluation(LogEvaluation):
    def __init__(self, check: ReplyWithinCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.requests = frozenset(check.request)
        self.limit = self.number(check.days, check.parameter)
        self.ranks = self.log.calendar.day_ranks()
        self.open: dict[str, Event] = {}
        self.early: dict[str, Event] = {}
        self.late = Sample()
        self.asked = self.unlinked = 0

    def observe(self, event: Event) -> None:
        if event.type in self.requests:
            self._ask(event)
        else:
            self._settle(event, self.open.pop(event.thread, None))

    def observe_batch(self, events: list[Event]) -> None:
        """A batch's inquiries, then its replies, in C-level calls when that is the same as in order.

        Most events of a log that asks for this rule are inquiries and replies, so the common
        case runs no Python per event: new threads opened with one `dict.update`, answered ones
        popped with one `map`, and on-time replies confirmed by comparing days and working-day
        ranks column by column. Taking the inquiries first changes nothing when no thread is
        asked or answered twice in the batch and no reply comes before its thread's inquiry;
        any other batch is taken one event at a time, in order.
        """
        asking = list(map(self.requests.__contains__, map(EVENT_TYPE, events)))
        requests, replies = list(compress(events, asking)), list(compress(events, map(operator.not_, asking)))
        asked, answered = list(map(THREAD, requests)), list(map(THREAD, replies))
        if len(set(asked)) < len(asked) or len(set(answered)) < len(answered) or self._answered_first(
                asking, asked, answered):
            for event in events:
                self.observe(event)
            return
        self._ask_all(requests, asked)
        self._reply_all(replies, answered)

    @staticmethod
    def _answered_first(asking: list[bool], asked: list[str], answered: list[str]) -> bool:
        """Whether some reply of the batch comes before an inquiry on its thread in the batch."""
        positions = range(len(asking))
        asked_at = dict(zip(asked, compress(positions, asking)))
        replied_at = compress(positions, map(operator.not_, asking))
        return any(map(operator.gt, map(asked_at.get, answered, repeat(-1)), replied_at))

    def _ask_all(self, requests: list[Event], threads: list[str]) -> None:
        """Inquiries on distinct threads: one `dict.update` when every thread is new."""
        if "" in threads or not (self.open.keys().isdisjoint(threads) and self.early.keys().isdisjoint(threads)):
            for request in requests:
                self._ask(request)
            return
        self.asked += len(requests)
        self.open.update(zip(threads, requests))

    def _reply_all(self, replies: list[Event], threads: list[str]) -> None:
        """Replies on distinct threads: each pop touches only its own thread, so all can be popped at once."""
        requests = list(map(self.open.pop, threads, repeat(None)))
        pairs = zip(replies, requests)
        if None not in requests:  # every reply found its inquiry: only the late or odd ones need a closer look
            pairs = compress(pairs, self._not_plainly_on_time(replies, requests))
        for reply, request in pairs:
            self._settle(reply, request)

    def _not_plainly_on_time(self, replies: list[Event], requests: list[Event]) -> list[bool]:
        """Per pair: dated before its inquiry, late, or on a day outside the calendar (`_settle` decides)."""
        asked, answered = list(map(DAY, requests)), list(map(DAY, replies))
        ranks = self.ranks.get
        waited = map(operator.sub, map(ranks, answered, repeat(UNRANKED)), map(ranks, asked, repeat(-UNRANKED)))
        return list(map(operator.or_, map(operator.gt, asked, answered), map(operator.gt, waited, repeat(self.limit))))

    def _ask(self, event: Event) -> None:
        self.asked += 1
        thread = event.thread
        if not thread:
            self.unlinked += 1
        elif thread in self.early or thread in self.open:
            self._request_again(thread, event)
        else:
            self.open[thread] = event

    def _settle(self, reply: Event, request: Event | None) -> None:
        """A reply, given the open inquiry just taken off its thread (None when there was none)."""
        if request is None:
            self._orphan(reply.thread, reply)
        elif reply.day < request.day:
            self.open[reply.thread] = request  # a reply dated before the inquiry answers nothing
        elif self.ranks.get(reply.day, UNRANKED) - self.ranks.get(request.day, -UNRANKED) > self.limit:
            self._close(request, reply)  # late, or a day outside the calendar: `_close` counts exactly

    def _request_again(self, thread: str, event: Event) -> None:
        """An inquiry on a thread that is open, or whose reply was read first."""
        reply = self.early.get(thread)
        if reply is not None and reply.day >= event.day:
            del self.early[thread]
            self._close(event, reply)
            return
        current = self.open.get(thread)
        if current is not None:
            self.asked -= 1  # the same thread asked again: one inquiry, dated first
            if order(current) <= order(event):
                return
        self.open[thread] = event

    def _orphan(self, thread: str, event: Event) -> None:
        """A reply with no open inquiry: kept (by thread) in case its inquiry is read later."""
        earlier = self.early.get(thread)
        if thread and (earlier is None or order(event) < order(earlier)):
            self.early[thread] = event

    def _close(self, request: Event, reply: Event) -> None:
        waited = self.log.calendar.working_days_between(request.day, reply.day)
        if waited > self.limit:
            note = Message("ev.replied_late", {"date": reply.day.isoformat(), "reply": reply.id or f"line {reply.line}",
                                               "days": waited})
            self.late.add(request, lambda: event_evidence(request, group_label("thread", request.thread), note))

    def decide(self) -> Outcome:
        calendar, as_of = self.log.calendar, self.context.as_of
        overdue = [e for e in self.open.values() if calendar.working_days_between(e.day, as_of) > self.limit]
        params = {"asked": self.asked, "late": self.late.total, "overdue": len(overdue), "days": self.limit,
                  "waiting": len(self.open) - len(overdue), "unlinked": self.unlinked}
        if self.late.total or overdue:
            for request in overdue:
                self.late.add(request, lambda: event_evidence(request, group_label("thread", request.thread),
                                                              Message("ev.still_open")))
            params["shown_note"] = shown_note(self.late.total)
            return Outcome(Status.fail, Message("reply.fail", params), self.late.evidence())
        if self.unlinked:
            return Outcome(Status.insufficient_data, Message("reply.unlinked", params))
        return Outcome(Status.passed, Message("reply.ok", params))
