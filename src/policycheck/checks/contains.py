"""`contains`: a plan list holds every required member (case-insensitive).

With `key` the list holds mappings and the member is read from that field; `require` then
names fields the member's entry must also fill in (a communicated expectation needs its words
and the channel, not just a tag).
"""

from __future__ import annotations

from typing import Any, Literal, Mapping

from pydantic import PrivateAttr, model_validator

from policycheck.checks.base import ChoiceResolver, CheckContext, Outcome, PlanCheck, amount, is_blank, read_filled
from policycheck.messages import Message
from policycheck.models.common import Status


class ContainsCheck(PlanCheck):
    """Passes when the list at `path` (or its items' `key` field) holds all `members`."""

    kind: Literal["contains"] = "contains"
    path: str
    members: list[str] | None = None
    parameter: str | None = None
    key: str | None = None
    require: list[str] | None = None
    _member_ids: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _one_source(self) -> "ContainsCheck":
        if (self.members is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'members' or 'parameter'")
        if self.require is not None and (self.key is None or not self.require):
            raise ValueError("'require' names fields of the entries, so it needs 'key' and at least one field")
        return self

    def placeholders(self) -> dict[str, object]:
        if not self.key:
            return {self.path: ["TODO"]}
        return {self.path: [{field: "TODO" for field in [self.key, *(self.require or [])]}]}

    def named_choices(self) -> list[tuple[str, str | None, str]]:
        return [(self.path, self.key, member) for member in self.members or []]

    def resolve_choices(self, resolve: ChoiceResolver) -> None:
        found = {member: resolve(self.path, self.key, member) for member in self.members or []}
        self._member_ids = {member: id_ for member, id_ in found.items() if id_ is not None}

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        field = Message("describe.field", {"key": self.key}) if self.key else ""
        members = amount(self.members, self.parameter, parameters)
        required = Message("describe.require", {"fields": self.require}) if self.require else ""
        return Message("describe.contains", {"path": self.path, "field": field, "members": members,
                                             "require": required})

    def evaluate(self, context: CheckContext) -> Outcome:
        value, evidence, blank = read_filled(context, self.path)
        if blank:
            return blank
        if not isinstance(value, list):
            return Outcome(Status.fail, Message("contains.not_list", {"path": self.path}), evidence)
        required = self.members if self.members is not None else list(context.parameter(self.parameter))
        present = {self._member(item) for item in value}
        missing = [member for member in required if self._member_ids.get(member, member).casefold() not in present]
        if missing:
            return Outcome(Status.fail, Message("contains.fail", {"path": self.path, "missing": missing}), evidence)
        incomplete = [gap for gap in (self._lacking(member, value) for member in required) if gap is not None]
        if incomplete:
            messages = [message for _, message in incomplete]
            evidence = [context.plan.evidence(f"{self.path}.{index}") for index, _ in incomplete]
            return Outcome(Status.fail, Message("contains.incomplete", {"path": self.path, "entries": messages}),
                           evidence)
        return Outcome(Status.passed, Message("contains.ok", {"path": self.path, "members": required}), evidence)

    def _member(self, item: object) -> str:
        if self.key is not None and isinstance(item, dict):
            item = item.get(self.key, "")
        return str(item).strip().casefold()

    def _lacking(self, member: str, items: list[Any]) -> tuple[int, Message] | None:
        """None when an entry for the member fills in every required field, else the fullest one's index and gap."""
        if not self.require:
            return None
        gaps = [(index, [field for field in self.require if not isinstance(item, dict) or is_blank(item.get(field))])
                for index, item in enumerate(items) if self._member(item) == self._member_ids.get(member, member).casefold()]
        index, fewest = min(gaps, key=lambda gap: len(gap[1]))
        if not fewest:
            return None
        return index, Message("contains.entry_lacks", {"key": self.key, "member": member, "fields": fewest})
