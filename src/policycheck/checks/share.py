"""`share`: the share of events of the types that go through a channel, at least a percentage.

E.g. "Kommunikation mellem skole og hjem vil primært foregå via Aula": Aula >= a pack
parameter percent of messages. No such event in the log: `insufficient_data`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar, Literal, Mapping

from pydantic import field_validator, model_validator

from policycheck.checks.base import CheckContext, Outcome, counted
from policycheck.checks.logbase import (LogCheck, LogEvaluation, canonical_channels, group_label, localized,
                                        types_field)
from policycheck.messages import AnyTerms, Message, Terms
from policycheck.models.common import Status
from policycheck.models.events import Event
from policycheck.models.report import Evidence


class ShareCheck(LogCheck):
    """Passes when at least `min_percent` (or the parameter) of the events went through `channel`."""

    kind: Literal["share"] = "share"
    types: list[str]
    channel: str
    min_percent: float | None = None
    parameter: str | None = None

    needs_columns: ClassVar[tuple[str, ...]] = ("channel",)
    _types = types_field("types")

    @field_validator("channel")
    @classmethod
    def _channel(cls, channel: str) -> str:
        return canonical_channels([channel])[0]

    @model_validator(mode="after")
    def _one_bound(self) -> "ShareCheck":
        if (self.min_percent is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'min_percent' or 'parameter' (percent)")
        return self

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.share", {"min": counted("n.percent", self.min_percent, self.parameter, parameters),
                                          "types": AnyTerms(self.types), "channel": Terms([self.channel])})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.types)

    def begin(self, context: CheckContext) -> "ShareEvaluation":
        return ShareEvaluation(self, context)


class ShareEvaluation(LogEvaluation):
    def __init__(self, check: ShareCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.by_channel: Counter[str] = Counter()

    def observe(self, event: Event) -> None:
        self.by_channel[event.channel] += 1

    def decide(self) -> Outcome:
        total = sum(self.by_channel.values())
        minimum = self.number(self.check.min_percent, self.check.parameter)
        if not total:
            return Outcome(Status.insufficient_data, Message("share.none", {"types": Terms(self.check.types, count=0)}))
        share = 100.0 * self.by_channel[self.check.channel] / total
        params = {"n": total, "events": Message("describe.events", {"n": total}), "channel": Terms([self.check.channel]),
                  "percent": round(share, 1), "min": minimum}
        evidence = [localized(Evidence(count=count), group_label("channel", name or "-"),
                              Message("ev.share", {"percent": round(100.0 * count / total, 1)}))
                    for name, count in sorted(self.by_channel.items(), key=lambda item: (-item[1], item[0]))[:5]]
        status = Status.passed if share >= minimum else Status.fail
        return Outcome(status, Message("share.ok" if status is Status.passed else "share.fail", params), evidence)
