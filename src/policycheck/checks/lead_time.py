"""`lead_time`: each talk or meeting has an invitation on its thread at least N days before it.

An invitation waits (by thread) for its talk; a talk read before its invitation waits for
it. Talks still without an invitation at the end fail; talks without a thread id cannot
show one and make the rule `insufficient_data` unless it already fails.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, amount
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
                                              "days": amount(self.days, self.parameter, parameters)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.invitation + self.meeting)

    def begin(self, context: CheckContext) -> "LeadTimeEvaluation":
        return LeadTimeEvaluation(self, context)


class LeadTimeEvaluation(LogEvaluation):
    def __init__(self, check: LeadTimeCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.invitations_types = frozenset(check.invitation)
        self.days = self.number(check.days, check.parameter)
        self.invited: dict[str, Event] = {}
        self.waiting: dict[str, Event] = {}
        self.short = Sample()
        self.held = self.unlinked = 0

    def observe(self, event: Event) -> None:
        if event.type in self.invitations_types:
            self._invitation(event)
        elif not event.thread:
            self.held += 1
            self.unlinked += 1
        else:
            self.held += 1
            invitation = self.invited.pop(event.thread, None)
            if invitation is None:
                self.waiting[event.thread] = event
            else:
                self._judge(invitation, event)

    def _invitation(self, event: Event) -> None:
        talk = self.waiting.pop(event.thread, None)
        if talk is not None:
            self._judge(event, talk)
            return
        earlier = self.invited.get(event.thread)
        if event.thread and (earlier is None or order(event) < order(earlier)):
            self.invited[event.thread] = event

    def _judge(self, invitation: Event, talk: Event) -> None:
        ahead = (talk.day - invitation.day).days
        if ahead < self.days:
            self._fault(talk, Message("ev.invited", {"date": invitation.day.isoformat(), "days": ahead}))

    def _fault(self, talk: Event, note: Message) -> None:
        self.short.add(talk, lambda: event_evidence(talk, _group(talk), note))

    def decide(self) -> Outcome:
        for talk in self.waiting.values():
            self._fault(talk, Message("ev.no_invitation"))
        params = {"held": self.held, "short": self.short.total, "days": self.days, "unlinked": self.unlinked,
                  "shown_note": shown_note(self.short.total)}
        if not self.held:
            return Outcome(Status.insufficient_data, Message("lead.none", params))
        if self.short.total:
            return Outcome(Status.fail, Message("lead.fail", params), self.short.evidence())
        if self.unlinked:
            return Outcome(Status.insufficient_data, Message("lead.unlinked", params))
        return Outcome(Status.passed, Message("lead.ok", params))
