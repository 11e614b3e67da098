"""What every check kind implements, and the context it is evaluated in.

Every check is started once per evaluation and may then observe events in the engine's
single streaming pass over the activity log. Plan checks want no events: they decide in
`finish`. Log checks (`LogCheck` subclasses) name the event types they want, keep state per
group while events stream past, and decide at the end. Composite checks forward events to
their parts. So the engine treats every kind alike and adding a kind touches no other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from pydantic import BaseModel, ConfigDict

from policycheck.calendar import SchoolCalendar
from policycheck.messages import Message
from policycheck.models.common import Status
from policycheck.models.plan import Attestation
from policycheck.models.report import Evidence
from policycheck.models.roster import Roster

MISSING = object()

ChoiceResolver = Callable[[str, "str | None", str], "str | None"]
"""(plan path, record field or None, a word a rule names) -> the vocabulary id it means, or None."""


@dataclass
class Outcome:
    """What one check concluded."""

    status: Status
    message: Message
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PlanView:
    """The loaded plan as checks see it: values by dotted path, and where they are."""

    data: dict[str, Any]
    file: str
    marks: dict[tuple, tuple[int, int]]
    attestations: list[Attestation] = field(default_factory=list)

    def get(self, dotted: str) -> Any:
        """The value at a dotted path, or MISSING."""
        value: Any = self.data
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return MISSING
            value = value[part]
        return value

    def evidence(self, dotted: str, note: str | None = None) -> Evidence:
        """Evidence pointing at the value (or its nearest present parent) in the plan file."""
        path = tuple(int(part) if part.isdigit() else part for part in dotted.split("."))
        while path and path not in self.marks:
            path = path[:-1]
        line, column = self.marks[path] if path else (None, None)
        return Evidence(path=dotted, file=self.file, line=line, column=column, note=note)

    def attestations_for(self, rule_id: str) -> list[tuple[int, Attestation]]:
        """This rule's attestations with their index in the plan's list."""
        return [(i, entry) for i, entry in enumerate(self.attestations) if entry.rule == rule_id]


@dataclass
class LogInputs:
    """What log checks read besides the events: the school year, the roster, the log's columns.

    `readings` fills in as the engine streams the files, so `columns` is only read in `finish`.
    """

    calendar: SchoolCalendar
    roster: Roster | None = None
    readings: list[Any] = field(default_factory=list)

    @property
    def columns(self) -> frozenset[str]:
        """Canonical columns every log file has (a field one file lacks cannot be judged)."""
        sets = [reading.columns for reading in self.readings]
        return frozenset.intersection(*sets) if sets else frozenset()


@dataclass
class CheckContext:
    """Everything a check may read: the plan, the pack's parameters, the rule, the date, the log."""

    rule_id: str
    plan: PlanView
    parameters: dict[str, Any]
    as_of: dt.date
    log: LogInputs | None = None

    def parameter(self, name: str) -> Any:
        return self.parameters[name]


class Evaluation:
    """A started check: receives events, then gives its outcome."""

    event_types: frozenset[str] = frozenset()

    def observe(self, event: Any) -> None:
        """Take one event of a type in `event_types`."""

    def observe_batch(self, events: list[Any]) -> None:
        """Take a batch of events of types in `event_types`, in the order read (the engine's unit).

        One by one here; a kind that sees most of a log's events may take the batch in one loop
        of its own instead (`reply_within`), as long as the outcome is the same.
        """
        for event in events:
            self.observe(event)

    def finish(self) -> Outcome:
        raise NotImplementedError


class Check(BaseModel):
    """Base of every check kind's spec; `kind` names it in the pack."""

    model_config = ConfigDict(extra="forbid")

    def start(self, context: CheckContext) -> Evaluation:
        raise NotImplementedError

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        """What satisfies the check, to render in any language (for `policycheck explain` and the rule reference).

        `parameters` are the pack's: a bound set by a parameter is shown as its value and name.
        """
        raise NotImplementedError

    def parameter_names(self) -> set[str]:
        """Pack parameters this check reads, so packs can be checked for undefined ones."""
        name = getattr(self, "parameter", None)
        return {name} if name else set()

    def reads_log(self) -> bool:
        """Whether the check is judged from the activity log (its `example` is then log rows, not a plan)."""
        return False

    def placeholders(self) -> dict[str, Any]:
        """Each plan path this check reads, with the TODO value a scaffold writes there."""
        path = getattr(self, "path", None)
        return {path: "TODO"} if path else {}

    def named_choices(self) -> list[tuple[str, str | None, str]]:
        """The choices this check names, as (plan path, record field or None, word)."""
        return []

    def resolve_choices(self, resolve: ChoiceResolver) -> None:
        """Read the choices this check names as the vocabulary ids they mean (once, at pack load).

        The plan's answers are normalised to ids too, so the check matches by meaning; a word
        no vocabulary knows is kept as written.
        """


class PlanCheck(Check):
    """A check decided by the plan alone."""

    def evaluate(self, context: CheckContext) -> Outcome:
        raise NotImplementedError

    def start(self, context: CheckContext) -> Evaluation:
        return _PlanEvaluation(self, context)


class _PlanEvaluation(Evaluation):
    def __init__(self, check: PlanCheck, context: CheckContext) -> None:
        self.check = check
        self.context = context

    def finish(self) -> Outcome:
        return self.check.evaluate(self.context)


def amount(literal: Any, parameter: str | None, parameters: Mapping[str, Any]) -> Any:
    """For `describe`: a literal as it is, or a pack parameter's value with its name ('2 (parameter x)')."""
    if parameter is None:
        return literal
    return Message("describe.parameter", {"value": parameters[parameter], "name": parameter})


def counted(unit: str, literal: Any, parameter: str | None, parameters: Mapping[str, Any]) -> Message:
    """For `describe`: a number with its unit in the plural it needs ('3 working days'), and for a pack
    parameter its name ('3 working days (parameter x)'); `unit` is a plural entry such as 'n.working_days'."""
    phrase = Message(unit, {"n": literal if parameter is None else parameters[parameter]})
    return phrase if parameter is None else Message("describe.parameter", {"value": phrase, "name": parameter})


def read_filled(context: CheckContext, path: str) -> tuple[Any, list[Evidence], Outcome | None]:
    """The plan's value at `path`, the evidence pointing at it, and the failing outcome when it is not
    filled in (missing, empty, TODO), else None."""
    value = context.plan.get(path)
    evidence = [context.plan.evidence(path)]
    return value, evidence, blank_outcome(path, value, evidence)


def blank_outcome(path: str, value: Any, evidence: list[Evidence]) -> Outcome | None:
    """A failing outcome saying how the value at `path` is not filled in, or None if it is."""
    if value is MISSING:
        key = "present.missing"
    elif is_blank(value):
        key = "present.todo" if "TODO" in str(value) else "present.empty"
    else:
        return None
    return Outcome(Status.fail, Message(key, {"path": path}), evidence)


def is_blank(value: Any) -> bool:
    """Null, empty text or collection, or text still holding a TODO marker."""
    if value is None or value is MISSING:
        return True
    if isinstance(value, str):
        return not value.strip() or "TODO" in value
    if isinstance(value, (list, dict)):
        return not value or all(is_blank(item) for item in (value.values() if isinstance(value, dict) else value))
    return False
