"""`attestation`: met only by a dated statement in the plan that names who attests.

For statements no data can prove ("skolen lytter til elevene og foreldrene"). An
attestation is judged against the run's date: not in the future and, when the rule
sets a validity, not older than that many days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, PlanCheck, counted, is_blank
from policycheck.messages import Message
from policycheck.models.common import Status
from policycheck.models.plan import Attestation


class AttestationCheck(PlanCheck):
    """Passes on a complete, current attestation for this rule."""

    kind: Literal["attestation"] = "attestation"
    valid_for_days: int | None = None
    parameter: str | None = None

    @model_validator(mode="after")
    def _at_most_one_validity(self) -> "AttestationCheck":
        if self.valid_for_days is not None and self.parameter is not None:
            raise ValueError("give at most one of 'valid_for_days' or 'parameter'")
        return self

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        limited = self.valid_for_days is not None or self.parameter is not None
        days = counted("n.days", self.valid_for_days, self.parameter, parameters) if limited else None
        validity = Message("describe.valid_for", {"days": days}) if days is not None else ""
        return Message("describe.attestation", {"validity": validity})

    def placeholders(self) -> dict[str, object]:
        return {"attestations": []}

    def evaluate(self, context: CheckContext) -> Outcome:
        found = _latest(context.plan.attestations_for(context.rule_id))
        if found is None:
            evidence = [context.plan.evidence("attestations")]
            return Outcome(Status.needs_attestation, Message("attestation.missing"), evidence)
        index, attestation = found
        evidence = [context.plan.evidence(f"attestations.{index}")]
        problem = self._problem(attestation, context)
        if problem:
            return Outcome(Status.fail, problem, evidence)
        person = attestation.attested_by
        params = {"name": person.name, "role": person.role, "date": attestation.date.isoformat()}
        return Outcome(Status.passed, Message("attestation.ok", params), evidence)

    def _problem(self, attestation: Attestation, context: CheckContext) -> Message | None:
        missing = _missing_parts(attestation)
        if missing:
            return Message("attestation.incomplete", {"missing": missing})
        dates = {"date": attestation.date.isoformat(), "as_of": context.as_of.isoformat()}
        if attestation.date > context.as_of:
            return Message("attestation.future", dates)
        days = context.parameter(self.parameter) if self.parameter else self.valid_for_days
        if days is not None and attestation.date < context.as_of - dt.timedelta(days=days):
            return Message("attestation.expired", {**dates, "n": days})
        return None


def _missing_parts(attestation: Attestation) -> list[str]:
    person = attestation.attested_by
    parts = {
        "statement": attestation.statement,
        "attested_by.name": person.name if person else None,
        "attested_by.role": person.role if person else None,
        "date": attestation.date,
    }
    return [name for name, value in parts.items() if is_blank(value)]


def _latest(entries: list[tuple[int, Attestation]]) -> tuple[int, Attestation] | None:
    """The entry with the newest date (undated ones last), or None."""
    if not entries:
        return None
    return max(entries, key=lambda entry: entry[1].date or dt.date.min)
