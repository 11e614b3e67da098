"""`forbidden`: no event combines the forbidden channel and flags.

E.g. a message flagged `sensitive` sent through Transponder, or a `cost` flag on a school
activity (gratisprinsippet). `types` omitted means events of every type.
"""

from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import field_validator, model_validator

from policycheck.checks.base import CheckContext, Outcome
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, canonical_channels, canonical_flags,
                                        event_evidence, shown_note, types_field)
from policycheck.checks.participants import _group
from policycheck.messages import AllTerms, AnyTerms, Message, Terms
from policycheck.models.common import Status
from policycheck.models.events import Event
from policycheck.vocabulary import EVENT_TYPES


class ForbiddenCheck(LogCheck):
    """Passes when no event of the types has all the `flags` and (if given) one of the `channels`."""

    kind: Literal["forbidden"] = "forbidden"
    types: list[str] | None = None
    channels: list[str] | None = None
    flags: list[str] = []

    _types = types_field("types")

    @field_validator("channels")
    @classmethod
    def _channels(cls, channels: list[str] | None) -> list[str] | None:
        return None if channels is None else canonical_channels(channels)

    @field_validator("flags")
    @classmethod
    def _flags(cls, flags: list[str]) -> list[str]:
        return canonical_flags(flags)

    @model_validator(mode="after")
    def _something(self) -> "ForbiddenCheck":
        if not self.channels and not self.flags:
            raise ValueError("give 'channels' and/or 'flags': what combination is forbidden")
        return self

    @property
    def needs_columns(self) -> tuple[str, ...]:  # type: ignore[override]
        return (("channel",) if self.channels else ()) + (("flags",) if self.flags else ())

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        shape = "both" if self.flags and self.channels else "flags" if self.flags else "channels"
        types = Message("describe.of_type", {"types": AnyTerms(self.types)}) if self.types else ""
        return Message(f"describe.forbidden.{shape}", {"types": types, "flags": AllTerms(self.flags),
                                                        "channels": AnyTerms(self.channels or [])})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.types or EVENT_TYPES)

    def begin(self, context: CheckContext) -> "ForbiddenEvaluation":
        return ForbiddenEvaluation(self, context)


class ForbiddenEvaluation(LogEvaluation):
    def __init__(self, check: ForbiddenCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.flags = frozenset(check.flags)
        self.channels = frozenset(check.channels) if check.channels else None
        self.seen = 0
        self.found = Sample()

    def observe(self, event: Event) -> None:
        self.seen += 1
        if self.flags <= event.flags and (self.channels is None or event.channel in self.channels):
            self.found.add(event, lambda: event_evidence(event, _group(event),
                                                                Message("ev.via", {"type": Terms([event.type]), "channel": Terms([event.channel or "-"])})))

    def decide(self) -> Outcome:
        found, what = self.found.total, self._combination()
        if found:
            params = {"n": found, "seen": self.seen, "what": what, "shown_note": shown_note(found)}
            return Outcome(Status.fail, Message("forbidden.fail", params), self.found.evidence())
        return Outcome(Status.passed, Message("forbidden.ok", {"n": self.seen, "what": what}))

    def _combination(self) -> Message:
        """'flagged sensitive, through transponder' in the report's language."""
        check = self.check
        flagged = Message("forbidden.flagged", {"flags": Terms(check.flags)}) if check.flags else ""
        via = Message("forbidden.via", {"channels": Terms(check.channels)}) if check.channels else ""
        return Message("forbidden.what", {"flagged": flagged, "via": via})
