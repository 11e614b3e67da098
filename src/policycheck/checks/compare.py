"""`compare`: a plan value compared with a literal or a pack parameter."""

from __future__ import annotations

import operator
from typing import Any, Literal, Mapping

from pydantic import PrivateAttr, model_validator

from policycheck.checks.base import ChoiceResolver, CheckContext, Outcome, PlanCheck, amount, blank_outcome
from policycheck.messages import Message
from policycheck.models.common import Status

OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq, "!=": operator.ne}
RELATIONS = {">=": "at_least", "<=": "at_most", ">": "more_than", "<": "less_than", "==": "equal", "!=": "not_equal"}


class CompareCheck(PlanCheck):
    """Passes when `plan[path] <op> (value | parameters[parameter])`."""

    kind: Literal["compare"] = "compare"
    path: str
    op: Literal[">=", "<=", ">", "<", "==", "!="]
    value: int | float | str | bool | None = None
    parameter: str | None = None
    _value_id: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _one_operand(self) -> "CompareCheck":
        if (self.value is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'value' or 'parameter'")
        return self

    def named_choices(self) -> list[tuple[str, str | None, str]]:
        return [(self.path, None, self.value)] if isinstance(self.value, str) else []

    def resolve_choices(self, resolve: ChoiceResolver) -> None:
        if isinstance(self.value, str):
            self._value_id = resolve(self.path, None, self.value)

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        operand = amount(_literal(self.value), self.parameter, parameters)
        relation = Message(f"describe.{RELATIONS[self.op]}", {"value": operand})
        return Message("describe.compare", {"path": self.path, "relation": relation})

    def evaluate(self, context: CheckContext) -> Outcome:
        actual = context.plan.get(self.path)
        evidence = [context.plan.evidence(self.path)]
        blank = blank_outcome(self.path, actual, evidence)
        if blank:
            return blank
        expected = context.parameter(self.parameter) if self.parameter else (self._value_id or self.value)
        holds = _compare(actual, self.op, expected)
        params = {"path": self.path, "actual": self._shown(actual), "op": self.op,
                  "expected": self.value if self._value_id else expected}
        if holds is None:
            literals = {"path": self.path, "actual": _literal(actual), "expected": _literal(expected)}
            return Outcome(Status.fail, Message("compare.not_comparable", literals), evidence)
        relation = Message(f"describe.{RELATIONS[self.op]}", {"value": expected})
        params = {"path": self.path, "actual": actual, "relation": relation}
        if holds:
            return Outcome(Status.passed, Message("compare.ok", params), evidence)
        note = Message("parameter_note", {"name": self.parameter}) if self.parameter else ""
        return Outcome(Status.fail, Message("compare.fail", {**params, "parameter_note": note}), evidence)


    def _shown(self, actual: Any) -> Any:
        """The plan's answer for a message: a choice meaning the rule's word is shown in the rule's word."""
        return self.value if self._value_id is not None and actual == self._value_id else actual


def _literal(value: Any) -> str:
    """A value as a plan writes it: true, false, 'text', 2."""
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _compare(actual: Any, op: str, expected: Any) -> bool | None:
    """The comparison's truth, or None when the two values are of kinds that do not compare."""
    numbers = (int, float)
    if isinstance(actual, bool) or isinstance(expected, bool):
        comparable = isinstance(actual, bool) and isinstance(expected, bool)
    elif isinstance(expected, numbers):
        comparable = isinstance(actual, numbers)
    else:
        comparable = type(actual) is type(expected)
    if isinstance(actual, str) and isinstance(expected, str):
        actual, expected = actual.casefold(), expected.casefold()
    return OPERATORS[op](actual, expected) if comparable else None
