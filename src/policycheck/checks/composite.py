"""`all`, `any` and `not`: checks built from other checks.

Statuses combine so that an undecided part is never hidden: `all` fails if a part fails,
and otherwise waits on a part that needs attestation or data; `any` passes if a part
passes, and otherwise waits likewise before it fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Mapping

from policycheck.checks.base import Check, CheckContext, ChoiceResolver, Evaluation, Outcome
from policycheck.messages import Message
from policycheck.models.common import Status

if TYPE_CHECKING:
    from policycheck.checks.registry import AnyCheck

UNDECIDED = (Status.needs_attestation, Status.insufficient_data)


class _Parts(Evaluation):
    """Starts every part and forwards each event to the parts that want its type."""

    def __init__(self, parts: list[Evaluation], combine) -> None:
        self.parts = parts
        self.combine = combine
        self.event_types = frozenset().union(*(part.event_types for part in parts))

    def observe_batch(self, events: list[Any]) -> None:
        for part in self.parts:
            mine = [event for event in events if event.type in part.event_types]
            if mine:
                part.observe_batch(mine)

    def finish(self) -> Outcome:
        return self.combine([part.finish() for part in self.parts])


def _merge(status: Status, outcomes: list[Outcome], message: Message) -> Outcome:
    evidence = [item for outcome in outcomes for item in outcome.evidence]
    return Outcome(status, message, evidence)


def _first_with(outcomes: list[Outcome], statuses: tuple[Status, ...]) -> Status | None:
    for status in statuses:
        if any(outcome.status is status for outcome in outcomes):
            return status
    return None


def _parts_message(outcomes: list[Outcome]) -> Message:
    return Message("composite.parts", {"parts": [outcome.message for outcome in outcomes]})


def combine_all(outcomes: list[Outcome]) -> Outcome:
    decisive = _first_with(outcomes, (Status.fail, *UNDECIDED))
    if decisive is not None:
        chosen = [outcome for outcome in outcomes if outcome.status is decisive]
        return _merge(decisive, chosen, _parts_message(chosen))
    if all(outcome.status is Status.not_applicable for outcome in outcomes):
        return _merge(Status.not_applicable, outcomes, _parts_message(outcomes))
    return _merge(Status.passed, outcomes, Message("composite.all_ok"))


def combine_any(outcomes: list[Outcome]) -> Outcome:
    passed = [outcome for outcome in outcomes if outcome.status is Status.passed]
    if passed:
        return _merge(Status.passed, passed, _parts_message(passed))
    status = _first_with(outcomes, UNDECIDED) or Status.fail
    return _merge(status, outcomes, Message("composite.none_ok", {"details": _parts_message(outcomes)}))


def combine_not(outcomes: list[Outcome]) -> Outcome:
    (inner,) = outcomes
    details = {"details": inner.message}
    if inner.status is Status.passed:
        return Outcome(Status.fail, Message("not.fail", details), inner.evidence)
    if inner.status is Status.fail:
        return Outcome(Status.passed, Message("not.ok", details), inner.evidence)
    return inner


class _Composite(Check):
    def parts(self) -> list[Check]:
        raise NotImplementedError

    def parameter_names(self) -> set[str]:
        return set().union(*(part.parameter_names() for part in self.parts()))

    def reads_log(self) -> bool:
        return any(part.reads_log() for part in self.parts())

    def placeholders(self) -> dict[str, Any]:
        return {path: value for part in self.parts() for path, value in part.placeholders().items()}

    def named_choices(self) -> list[tuple[str, str | None, str]]:
        return [choice for part in self.parts() for choice in part.named_choices()]

    def resolve_choices(self, resolve: ChoiceResolver) -> None:
        for part in self.parts():
            part.resolve_choices(resolve)


class ListOfChecks(_Composite):
    """A check over a list of parts, combined by the subclass's `combine`."""

    checks: list["AnyCheck"]

    def parts(self) -> list[Check]:
        return list(self.checks)

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        parts = [Message("describe.part", {"part": check.describe(parameters)}) for check in self.checks]
        return Message(f"describe.{self.kind}", {"parts": parts})

    def start(self, context: CheckContext) -> Evaluation:
        return _Parts([check.start(context) for check in self.checks], self.combine)


class AllCheck(ListOfChecks):
    """Passes when every part passes."""

    kind: Literal["all"] = "all"
    combine = staticmethod(combine_all)


class AnyOfCheck(ListOfChecks):
    """Passes when at least one part passes."""

    kind: Literal["any"] = "any"
    combine = staticmethod(combine_any)


class NotCheck(_Composite):
    """Passes when its one part fails (e.g. no sensitive information in Transponder)."""

    kind: Literal["not"] = "not"
    check: "AnyCheck"

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.not", {"part": self.check.describe(parameters)})

    def parts(self) -> list[Check]:
        return [self.check]

    def start(self, context: CheckContext) -> Evaluation:
        return _Parts([self.check.start(context)], combine_not)
