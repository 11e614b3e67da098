"""`reply_within`: every inquiry (henvendelse) gets a reply (svar) on its thread within N working days.

Each inquiry is matched with the first reply on the same thread dated on or after it; a
thread asked again while open keeps its earliest date. State is the open threads only:
a thread leaves memory when answered. A reply read before its inquiry (an unsorted log)
waits for it. Threads still open at the end fail once their deadline has passed by the
run's date; inquiries without a thread id cannot show a reply and make the rule
`insufficient_data` unless it already fails.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, amount
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, event_evidence, group_label, order,
                                        shown_note, types_field)
from policycheck.messages import AnyTerms, Message
from policycheck.models.common import Status
from policycheck.models.events import Event


UNRANKED = 1 << 40  # a day outside the calendar's span: makes the difference huge, so `_close` decides


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
        """Flat on purpose: a log has as many replies as inquiries (see docs/performance.md)."""
        thread = event.thread
        if event.type in self.requests:
            self.asked += 1
            if not thread:
                self.unlinked += 1
            elif thread in self.early or thread in self.open:
                self._request_again(thread, event)
            else:
                self.open[thread] = event
            return
        request = self.open.pop(thread, None)
        if request is None:
            self._orphan(thread, event)
        elif event.day < request.day:
            self.open[thread] = request  # a reply dated before the inquiry answers nothing
        elif self.ranks.get(event.day, UNRANKED) - self.ranks.get(request.day, -UNRANKED) > self.limit:
            self._close(request, event)  # late, or a day outside the calendar: `_close` counts exactly

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
