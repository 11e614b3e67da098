"""evaluate(pack, plan, events) -> Report: every rule started once, one pass over the events."""

from __future__ import annotations

import datetime as dt
from itertools import compress
from typing import Iterable, Iterator

from policycheck import __version__
from policycheck.calendar import parse_school_year
from policycheck.checks.base import CheckContext, Evaluation, LogInputs, Outcome, PlanView
from policycheck.loading.events import batched
from policycheck.messages import Message
from policycheck.models.common import Status, localize
from policycheck.models.events import Event, event_fields
from policycheck.models.pack import PolicyPack, Rule
from policycheck.models.plan import LocalPlan
from policycheck.models.report import Finding, InputRef, PolicyRef, Report, SourceRef, Threshold

EVENT_TYPE = event_fields("type")


def evaluate(
    pack: PolicyPack,
    plan: LocalPlan,
    view: PlanView,
    *,
    as_of: dt.date,
    language: str | None = None,
    events: Iterable[Event] = (),
    log: LogInputs | None = None,
) -> Report:
    """Check a plan and its activity log (`events`, streamed once) against every rule of the pack.

    `log` is None when no activity log was given: log rules are then `insufficient_data`.
    """
    language = language or pack.meta.language
    started: dict[str, Evaluation] = {}
    decided: dict[str, Outcome] = {}
    for rule in pack.rules:
        skip = not_applicable(rule, plan)
        if skip is not None:
            decided[rule.id] = skip
        else:
            context = CheckContext(rule.id, view, pack.parameters, as_of, log=log)
            started[rule.id] = rule.check.start(context)
    _stream(events, started.values())
    decided.update({rule_id: evaluation.finish() for rule_id, evaluation in started.items()})
    in_force_on = school_year_start(plan) or as_of
    findings = [_finding(rule, decided[rule.id], pack, language, in_force_on) for rule in pack.rules]
    return Report(
        tool_version=__version__,
        language=language,
        as_of=as_of,
        policy=PolicyRef(id=pack.meta.id, version=pack.meta.version, effective_date=pack.meta.effective_date,
                         revision=pack.revision or None, in_force_on=pack.chosen_on,
                         title=localize(pack.meta.title, language), overrides=pack.overrides),
        inputs=InputRef(plan=view.file, school=plan.school.name, school_id=plan.school.id,
                        school_year=plan.school_year),
        findings=findings,
    )


def _stream(events: Iterable[Event], evaluations: Iterable[Evaluation]) -> None:
    """One pass, a batch at a time: each evaluation gets the batch's events of the types it wants."""
    takers = [(evaluation.event_types, evaluation.observe_batch) for evaluation in evaluations
              if evaluation.event_types]
    if not takers:
        return
    narrow = getattr(events, "narrow", None)
    if narrow is not None:  # a LogStream: build events only of the types some check wants
        narrow(frozenset().union(*(types for types, _ in takers)))
    for batch in filter(None, _batches(events)):
        kinds = list(map(EVENT_TYPE, batch))
        for types, observe in takers:
            mine = list(compress(batch, map(types.__contains__, kinds)))
            if mine:
                observe(mine)


def _batches(events: Iterable[Event]) -> Iterator[list[Event]]:
    """A LogStream's own batches (a block of lines each), or any iterable cut into lists."""
    batches = getattr(events, "batches", None)
    return batches() if batches is not None else batched(events)


def not_applicable(rule: Rule, plan: LocalPlan) -> Outcome | None:
    """An outcome of not_applicable when the school has none of the rule's grades, else None."""
    rule_grades = rule.applies_to.grades if rule.applies_to else None
    school_grades = plan.school.grades
    if rule_grades is None or school_grades is None or rule_grades.overlaps(school_grades):
        return None
    params = {"rule_min": rule_grades.min, "rule_max": rule_grades.max,
              "school_min": school_grades.min, "school_max": school_grades.max}
    return Outcome(Status.not_applicable, Message("not_applicable.grades", params))


def school_year_start(plan: LocalPlan) -> dt.date | None:
    """1 August of the plan's school year: the day whose laws the report cites (the 2023 opplæringslova from 2024-25)."""
    return dt.date(parse_school_year(plan.school_year), 8, 1) if plan.school_year else None


def _finding(rule: Rule, outcome: Outcome, pack: PolicyPack, language: str, in_force_on: dt.date) -> Finding:
    unresolved = outcome.status.is_gap or outcome.status is Status.insufficient_data
    severity = pack.severity_of(rule)
    return Finding(
        rule_id=rule.id,
        title=localize(rule.title, language),
        status=outcome.status,
        severity=severity,
        pack_severity=rule.severity if severity is not rule.severity else None,
        severity_note=cap_note(rule, pack).render(language) if severity is not rule.severity else None,
        bearer=rule.bearer,
        school_part=rule.school_part,
        message=outcome.message.render(language),
        thresholds=[_with_note(threshold, language) for threshold in pack.thresholds(rule)],
        source=SourceRef(document=pack.meta.source_document.title, section=rule.source.section, quote=rule.source.quote),
        legal_basis=rule.legal_basis_on(in_force_on),
        evidence=[evidence.localized(language) for evidence in outcome.evidence],
        remediation=localize(rule.remediation, language) if unresolved else None,
    )


def cap_note(rule: Rule, pack: PolicyPack) -> Message:
    """Why a rule is below its pack severity: the numbers that no text or decision confirms."""
    return Message("threshold.capped", {"pack_severity": Message(f"severity.{rule.severity.value}"),
                                        "cap": cap_reason(rule, pack)})


def cap_reason(rule: Rule, pack: PolicyPack) -> Message:
    """'at most recommended until the municipality confirms x by a decision in an override file'."""
    return Message("threshold.cap", {"severity": Message(f"severity.{pack.severity_of(rule).value}"),
                                     "names": pack.unconfirmed(rule)})


def _with_note(threshold: Threshold, language: str) -> Threshold:
    return threshold.model_copy(update={"note": threshold.message().render(language)})
