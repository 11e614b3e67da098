"""`participants`: every event of the types has the required roles among its participants.

E.g. the pupil (elev) takes part in the utviklingssamtale; a skole/hjemsamtale has the
parents and at least the contact teacher. Rows flagged `declined` or `no-response` record a
talk that did not take place and are skipped. No such event in the log: `insufficient_data`
(whether the talks happened at all is a `count` rule's question).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Mapping

from pydantic import Field, field_validator

from policycheck.checks.base import CheckContext, Outcome
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, canonical_roles, event_evidence,
                                        group_label, shown_note, types_field, NOT_HELD)
from policycheck.messages import AllTerms, AnyTerms, Message, Terms
from policycheck.models.common import Status
from policycheck.models.events import Event


class ParticipantsCheck(LogCheck):
    """Passes when every event of the types lists all the `roles`."""

    kind: Literal["participants"] = "participants"
    types: list[str]
    roles: list[str] = Field(min_length=1)

    needs_columns: ClassVar[tuple[str, ...]] = ("roles",)
    _types = types_field("types")

    @field_validator("roles")
    @classmethod
    def _roles(cls, roles: list[str]) -> list[str]:
        return canonical_roles(roles)

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.participants", {"types": AnyTerms(self.types), "roles": AllTerms(self.roles)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.types)

    def begin(self, context: CheckContext) -> "ParticipantsEvaluation":
        return ParticipantsEvaluation(self, context)


class ParticipantsEvaluation(LogEvaluation):
    def __init__(self, check: ParticipantsCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.required = frozenset(check.roles)
        self.seen = 0
        self.lacking = Sample()

    def observe(self, event: Event) -> None:
        if event.flags & NOT_HELD:  # a declined or unanswered talk: nobody took part
            return
        self.seen += 1
        if not self.required <= event.roles:
            missing = AllTerms(role for role in self.check.roles if role not in event.roles)
            self.lacking.add(event, lambda: event_evidence(event, _group(event), Message("ev.without", {"roles": missing})))

    def decide(self) -> Outcome:
        check, seen, lacking = self.check, self.seen, self.lacking.total
        if not seen:
            return Outcome(Status.insufficient_data, Message("participants.none", {"types": Terms(check.types, count=0)}))
        if lacking:
            params = {"n": lacking, "seen": seen, "types": Terms(check.types, count=seen),
                      "roles": AnyTerms(check.roles), "shown_note": shown_note(lacking)}
            return Outcome(Status.fail, Message("participants.fail", params), self.lacking.evidence())
        params = {"n": seen, "types": Terms(check.types, count=seen), "roles": AllTerms(check.roles)}
        return Outcome(Status.passed, Message("participants.ok", params))


def _group(event: Event) -> Message | None:
    if event.pupil:
        return group_label("pupil", event.pupil + (f" ({event.class_})" if event.class_ else ""))
    return group_label("class", event.class_) if event.class_ else None
