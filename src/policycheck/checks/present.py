"""`present`: a plan field exists and is filled in (no TODO left)."""

from __future__ import annotations

from typing import Any, Literal, Mapping

from policycheck.checks.base import CheckContext, Outcome, PlanCheck, blank_outcome
from policycheck.messages import Message
from policycheck.models.common import Status


class PresentCheck(PlanCheck):
    """Passes when the value at `path` exists and is not empty."""

    kind: Literal["present"] = "present"
    path: str

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.present", {"path": self.path})

    def evaluate(self, context: CheckContext) -> Outcome:
        evidence = [context.plan.evidence(self.path)]
        blank = blank_outcome(self.path, context.plan.get(self.path), evidence)
        return blank or Outcome(Status.passed, Message("present.ok", {"path": self.path}), evidence)
