"""What-if audits: today's pack and a candidate (changed numbers, or a candidate override file)
judged side by side from one reading of each school's inputs.

A school's plan, roster and log are read once; the log's events are materialised once and
every scenario's pack is evaluated from them (`check_scenarios`). So a what-if costs one more
evaluation per school, not one more audit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import yaml

from policycheck import logrun
from policycheck.api import CheckRequest, pack_in_force, postprocess, read_plan_in_force
from policycheck.baseline import with_identities
from policycheck.engine import evaluate, school_year_start
from policycheck.errors import UsageError
from policycheck.loading.overrides import set_parameter
from policycheck.loading.packs import load_pack
from policycheck.models.pack import PolicyPack
from policycheck.models.report import Report

WHAT_IF_OPTION = "--what-if"


@dataclass(frozen=True)
class Scenario:
    """A pack to judge with: `policy` (a pack or an override file) with `what_if` values ('name=value') set on it."""

    policy: str
    what_if: tuple[str, ...] = ()


def parse_assignment(assignment: str) -> tuple[str, object]:
    """'svarfrist_virkedager=2' -> ('svarfrist_virkedager', 2): the value read as a YAML scalar or list."""
    name, equals, raw = assignment.partition("=")
    if not equals or not name.strip() or not raw.strip():
        raise UsageError(f"{WHAT_IF_OPTION} takes PARAMETER=VALUE (e.g. svarfrist_virkedager=2), not '{assignment}'")
    try:
        return name.strip(), yaml.safe_load(raw)
    except yaml.YAMLError:
        return name.strip(), raw.strip()


def apply_what_if(pack: PolicyPack, assignments: tuple[str, ...]) -> PolicyPack:
    """A copy of the pack with the values set as an override file's plain values would set them
    (validated the same way: an unknown name or a value outside min/max is refused)."""
    changed = pack.model_copy(deep=True)
    for assignment in assignments:
        name, value = parse_assignment(assignment)
        error = set_parameter(changed, name, value, f"{WHAT_IF_OPTION} {assignment}")
        if error:
            raise UsageError(f"{WHAT_IF_OPTION} {assignment}: {error}")
    return changed


@lru_cache(maxsize=8)
def base_pack(reference: str) -> PolicyPack:
    """Each worker process loads a scenario's pack once."""
    return load_pack(reference)


@lru_cache(maxsize=16)
def scenario_pack(scenario: Scenario, day: dt.date | None) -> PolicyPack:
    """The scenario's pack as in force on `day` (None: the pack is not dated, so as loaded)."""
    pack = pack_in_force(scenario.policy, day) if day is not None else base_pack(scenario.policy)
    return apply_what_if(pack, scenario.what_if) if scenario.what_if else pack


def check_scenarios(scenarios: tuple[Scenario, ...], request: CheckRequest) -> list[Report]:
    """One report per scenario from one reading of the plan, roster and log (as `api.check_with_pack`
    judges one pack: the version in force on the plan's school year, waivers applied)."""
    first, reading, as_of = read_plan_in_force(base_pack(scenarios[0].policy), scenarios[0].policy, request)
    day = (school_year_start(reading.plan) or as_of) if first.dated else None
    packs = [scenario_pack(scenario, day) for scenario in scenarios]
    plan, view = reading.plan, reading.view
    prepared = logrun.prepare(request.log, packs[0].meta.jurisdiction.country, plan.school_year, as_of)
    events = tuple(prepared.events) if len(packs) > 1 else prepared.events
    reports = [evaluate(pack, plan, view, as_of=as_of, language=request.language, events=events, log=prepared.inputs)
               for pack in packs]
    section = logrun.finish(prepared, request.log)
    return [postprocess(with_identities(report.model_copy(update={"log": section}) if section else report, view),
                        request.waivers, None) for report in reports]


def check_same_pack(audit_pack: PolicyPack, scenario: Scenario) -> None:
    """A candidate override file must extend the audited pack: otherwise nothing it says compares."""
    candidate = base_pack(scenario.policy)
    if candidate.meta.id != audit_pack.meta.id:
        raise UsageError(f"--what-if-file {scenario.policy} extends pack '{candidate.meta.id}', "
                         f"but the audit is of pack '{audit_pack.meta.id}'")
