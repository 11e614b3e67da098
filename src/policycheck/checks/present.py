"""`present`: a plan field exists and is filled in (no TODO left)."""

from __future__ import annotations

from typing import Literal

from policycheck.checks.base import MISSING, CheckContext, Outcome, PlanCheck, is_blank
from policycheck.messages import Message
from policycheck.models.common import Status


class PresentCheck(PlanCheck):
    """Passes when the value at `path` exists and is not empty."""

    kind: Literal["present"] = "present"
    path: str

    def describe(self) -> str:
        return f"the plan fills in '{self.path}' (not empty, no TODO)"

    def evaluate(self, context: CheckContext) -> Outcome:
        value = context.plan.get(self.path)
        evidence = [context.plan.evidence(self.path)]
        params = {"path": self.path}
        if value is MISSING:
            return Outcome(Status.fail, Message("present.missing", params), evidence)
        if is_blank(value):
            key = "present.todo" if "TODO" in str(value) else "present.empty"
            return Outcome(Status.fail, Message(key, params), evidence)
        return Outcome(Status.passed, Message("present.ok", params), evidence)
