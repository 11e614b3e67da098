"""`lead_time`: each talk or meeting has an invitation on its thread at least N days before it.

A talk is invited in time when the earliest invitation on its thread is at least N days
before it: a property of the thread's events, whatever order the log lists them in. Each
thread keeps its earliest invitation; a talk already in time when read stays in time (an
invitation read later can only be earlier), so only the others wait for the end, when they
are judged against their thread's earliest invitation (or fail for having none). Talks
without a thread id cannot show one and make the rule `insufficient_data` unless it
already fails.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, counted
from policycheck.checks.logbase import LogCheck, LogEvaluation, Sample, event_evidence, order, shown_note, types_field
from policycheck.checks.participants import _group
from policycheck.messages import AnyTerms, Message
from policycheck.models.common import Status
from policycheck.models.events import Event


class LeadTimeCheck(LogCheck):
    """Passes when every talk of the `meeting` types was invited to at least `days` days ahead."""

    kind: Literal["lead_time"] = "lead_time"
    invitation: list[str] = ["invitasjon"]
    meeting: list[str]
    days: int | None = None
    parameter: str | None = None

    needs_columns: ClassVar[tuple[str, ...]] = ("thread",)
    _types = types_field("invitation", "meeting")

    @model_validator(mode="after")
    def _valid(self) -> "LeadTimeCheck":
        if (self.days is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'days' or 'parameter' (days)")
        if set(self.invitation) & set(self.meeting):
            raise ValueError("'invitation' and 'meeting' must not share a type")
        return self

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.lead_time", {"meeting": AnyTerms(self.meeting), "invitation": AnyTerms(self.invitation),
                                              "days": counted("n.days", self.days, self.parameter, parameters)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.invitation + self.meeting)

    def begin(self, context: CheckContext) -> "LeadTimeEvaluation":
        return LeadTimeEvaluation(self, context)


class LeadTimeEvaluation(LogEvaluation):
    def __init__(self, check: LeadTimeCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.invitations_types = frozenset(check.invitation)
        self.days = self.number(check.days, check.parameter)
        self.first_invited: dict[str, Event] = {}  # thread -> its earliest invitation so far
        self.undecided: list[Event] = []  # talks not (yet) invited in time
        self.short = Sample()
        self.held = self.unlinked = 0

    def observe(self, event: Event) -> None:
        thread = event.thread
        if event.type in self.invitations_types:
            earlier = self.first_invited.get(thread)
            if thread and (earlier is None or order(event) < order(earlier)):
                self.first_invited[thread] = event
            return
        self.held += 1
        if not thread:
            self.unlinked += 1
            return
        invitation = self.first_invited.get(thread)
        if invitation is None or (event.day - invitation.day).days < self.days:
            self.undecided.append(event)

    def _judge(self, talk: Event) -> None:
        invitation = self.first_invited.get(talk.thread)
        if invitation is None:
            self._fault(talk, Message("ev.no_invitation"))
            return
        ahead = (talk.day - invitation.day).days
        if ahead < self.days:
            self._fault(talk, Message("ev.invited", {"date": invitation.day.isoformat(), "n": ahead}))

    def _fault(self, talk: Event, note: Message) -> None:
        self.short.add(talk, lambda: event_evidence(talk, _group(talk), note))

    def decide(self) -> Outcome:
        for talk in self.undecided:
            self._judge(talk)
        params = {"held": self.held, "days": Message("n.days", {"n": self.days})}
        if not self.held:
            return Outcome(Status.insufficient_data, Message("lead.none"))
        if self.short.total:
            failed = {**params, "n": self.short.total, "shown_note": shown_note(self.short.total)}
            return Outcome(Status.fail, Message("lead.fail", failed), self.short.evidence())
        if self.unlinked:
            return Outcome(Status.insufficient_data, Message("lead.unlinked", {**params, "n": self.unlinked}))
        return Outcome(Status.passed, Message("lead.ok", {**params, "n": self.held}))
