"""`contains`: a plan list holds every required member (case-insensitive)."""

from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import PrivateAttr, model_validator

from policycheck.checks.base import ChoiceResolver, CheckContext, Outcome, PlanCheck, amount, blank_outcome
from policycheck.messages import Message
from policycheck.models.common import Status


class ContainsCheck(PlanCheck):
    """Passes when the list at `path` (or its items' `key` field) holds all `members`."""

    kind: Literal["contains"] = "contains"
    path: str
    members: list[str] | None = None
    parameter: str | None = None
    key: str | None = None
    _member_ids: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _one_source(self) -> "ContainsCheck":
        if (self.members is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'members' or 'parameter'")
        return self

    def placeholders(self) -> dict[str, object]:
        return {self.path: [{self.key: "TODO"} if self.key else "TODO"]}

    def named_choices(self) -> list[tuple[str, str | None, str]]:
        return [(self.path, self.key, member) for member in self.members or []]

    def resolve_choices(self, resolve: ChoiceResolver) -> None:
        found = {member: resolve(self.path, self.key, member) for member in self.members or []}
        self._member_ids = {member: id_ for member, id_ in found.items() if id_ is not None}

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        field = Message("describe.field", {"key": self.key}) if self.key else ""
        members = amount(self.members, self.parameter, parameters)
        return Message("describe.contains", {"path": self.path, "field": field, "members": members})

    def evaluate(self, context: CheckContext) -> Outcome:
        value = context.plan.get(self.path)
        evidence = [context.plan.evidence(self.path)]
        blank = blank_outcome(self.path, value, evidence)
        if blank:
            return blank
        if not isinstance(value, list):
            return Outcome(Status.fail, Message("contains.not_list", {"path": self.path}), evidence)
        required = self.members if self.members is not None else list(context.parameter(self.parameter))
        present = {self._member(item) for item in value}
        missing = [member for member in required if self._member_ids.get(member, member).casefold() not in present]
        if missing:
            return Outcome(Status.fail, Message("contains.fail", {"path": self.path, "missing": missing}), evidence)
        return Outcome(Status.passed, Message("contains.ok", {"path": self.path, "members": required}), evidence)

    def _member(self, item: object) -> str:
        if self.key is not None and isinstance(item, dict):
            item = item.get(self.key, "")
        return str(item).strip().casefold()
