"""Checking every school of a municipality, in parallel processes, and merging shard audits."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from policycheck import __version__
from policycheck.api import CheckRequest
from policycheck.audit.aggregate import ScenarioSummary, build_audit, header_of, load_audit
from policycheck.audit.progress import Progress
from policycheck.audit.inputs import school_folders, school_inputs
from policycheck.audit.shard import Shard
from policycheck.audit.whatif import Scenario, check_same_pack, check_scenarios, scenario_pack
from policycheck.errors import InputError, UsageError
from policycheck.loading.packs import load_pack
from policycheck.models.audit import AuditReport, RuleInfo, SchoolGap, SchoolResult
from policycheck.models.common import Status, localize
from policycheck.models.pack import PolicyPack
from policycheck.models.report import PolicyRef, Report
from policycheck.reports.base import locations, notes
from policycheck.runtime import settle_process
from policycheck.waivers import check_rule_ids, load_waivers


@dataclass(frozen=True)
class AuditRequest:
    """`as_of` None: each school is judged as `check` would judge it (`api.default_as_of`)."""

    policy: str
    schools_dir: Path
    as_of: dt.date | None = None
    language: str | None = None
    jobs: int | None = None
    waivers: Path | None = None
    shard: Shard | None = None
    compare: Path | None = None
    min_group: int = 5
    what_if: tuple[str, ...] = ()
    what_if_file: Path | None = None

    def scenarios(self) -> tuple[Scenario, ...]:
        """Today's pack, then the what-if scenario when one is asked for."""
        today = Scenario(self.policy)
        if not self.what_if and self.what_if_file is None:
            return (today,)
        return today, Scenario(str(self.what_if_file) if self.what_if_file else self.policy, self.what_if)


@dataclass(frozen=True)
class SchoolJob:
    """What a worker process needs to check one school (small and picklable)."""

    school_dir: Path
    scenarios: tuple[Scenario, ...]
    as_of: dt.date | None
    language: str
    waivers: Path | None


def run_audit(request: AuditRequest, progress: Progress | None = None) -> AuditReport:
    progress = progress or Progress(enabled=False)
    pack = load_pack(request.policy)
    language = request.language or pack.meta.language
    if request.waivers is not None:  # once, here: a bad waivers file is the audit's error, not every school's
        check_rule_ids(load_waivers(request.waivers), [rule.id for rule in pack.rules])
    scenarios = request.scenarios()
    candidate = _candidate(pack, scenarios)  # once, here: a bad what-if is the audit's error
    folders = [f for f in school_folders(request.schools_dir) if request.shard is None or request.shard.contains(f)]
    jobs = [SchoolJob(request.schools_dir / f, scenarios, request.as_of, language, request.waivers) for f in folders]
    progress.start(len(jobs))
    schools = map_schools(jobs, request.jobs or os.cpu_count() or 1, progress.advance)
    progress.close()
    previous = load_audit(request.compare) if request.compare else None
    as_of = request.as_of or latest_as_of(schools)
    return build_audit(_header(pack, language, as_of), rule_infos(pack, language), schools,
                       request.min_group, previous, str(request.shard) if request.shard else None, candidate)


def _candidate(pack: PolicyPack, scenarios: tuple[Scenario, ...]) -> ScenarioSummary | None:
    """The what-if scenario's changes and severities, checked against the audited pack (None: no what-if)."""
    if len(scenarios) == 1:
        return None
    check_same_pack(pack, scenarios[1])
    candidate = scenario_pack(scenarios[1], None)
    changes = [change for change in candidate.overrides if change not in pack.overrides]
    return ScenarioSummary(changes, {rule.id: candidate.severity_of(rule) for rule in candidate.rules})


def latest_as_of(schools: list[SchoolResult]) -> dt.date:
    """The audit's date when none was given: the latest date a school was judged as of (else today)."""
    return max((school.as_of for school in schools if school.as_of), default=dt.date.today())


def map_schools(jobs: list[SchoolJob], workers: int, on_done: Callable[[], None]) -> list[SchoolResult]:
    """Check each school, in `workers` processes; results in the order of `jobs`."""
    if workers <= 1 or len(jobs) <= 1:
        return [_done(check_school(job), on_done) for job in jobs]
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=settle_process) as pool:
        futures = [pool.submit(check_school, job) for job in jobs]
        for _ in as_completed(futures):
            on_done()
        return [future.result() for future in futures]


def _done(result: SchoolResult, on_done: Callable[[], None]) -> SchoolResult:
    on_done()
    return result


def check_school(job: SchoolJob) -> SchoolResult:
    """One school's result; broken inputs give a result with the error, so the audit goes on."""
    try:
        inputs = school_inputs(job.school_dir)
        request = CheckRequest(policy=job.scenarios[0].policy, plan=inputs.plan, as_of=job.as_of,
                               language=job.language, waivers=job.waivers, log=inputs.log)
        report, *what_if = check_scenarios(job.scenarios, request)
    except (InputError, UsageError) as error:
        return SchoolResult(folder=job.school_dir.name, error=str(error))
    result = school_result(job.school_dir.name, report)
    if not what_if:
        return result
    return result.model_copy(update={"what_if": {finding.rule_id: finding.status for finding in what_if[0].findings}})


def school_result(folder: str, report: Report) -> SchoolResult:
    gaps = [SchoolGap(rule_id=f.rule_id, status=f.status, message=f.message, location=locations(f) or None,
                      notes=notes(f, report.language), waiver=f.waiver) for f in report.findings if f.status.is_gap or f.status is Status.waived]
    return SchoolResult(folder=folder, name=report.inputs.school, plan=report.inputs.plan, as_of=report.as_of,
                        statuses={f.rule_id: f.status for f in report.findings}, gaps=gaps)


def rule_infos(pack: PolicyPack, language: str) -> list[RuleInfo]:
    return [RuleInfo(id=rule.id, title=localize(rule.title, language), severity=pack.severity_of(rule),
                     pack_severity=rule.severity if pack.severity_of(rule) is not rule.severity else None,
                     bearer=rule.bearer, school_part=rule.school_part, section=rule.source.section, quote=rule.source.quote,
                     remediation=localize(rule.remediation, language)) for rule in pack.rules]


def _header(pack: PolicyPack, language: str, as_of: dt.date) -> dict:
    policy = PolicyRef(id=pack.meta.id, version=pack.meta.version, effective_date=pack.meta.effective_date,
                       revision=pack.revision or None, title=localize(pack.meta.title, language),
                       overrides=pack.overrides)
    return {"tool_version": __version__, "language": language, "as_of": as_of, "policy": policy}


def merge_audits(paths: list[Path], compare: Path | None = None) -> AuditReport:
    """Shard audits combined into the audit one run over all schools would give."""
    audits = [load_audit(path) for path in paths]
    first = audits[0]
    for path, audit in zip(paths, audits):
        if (header_of(audit), audit.rules, audit.min_group, _scenario_of(audit)) != (
                header_of(first), first.rules, first.min_group, _scenario_of(first)):
            raise UsageError(f"'{path}' is an audit of another pack, date, language or setting than '{paths[0]}'"
                             + (" (give the shards one --as-of)" if audit.as_of != first.as_of else ""))
    schools = [school for audit in audits for school in audit.schools]
    duplicates = sorted(folder for folder, n in Counter(school.folder for school in schools).items() if n > 1)
    if duplicates:
        raise UsageError(f"schools in more than one shard: {', '.join(duplicates)}")
    previous = load_audit(compare) if compare else None
    return build_audit(header_of(first), first.rules, schools, first.min_group, previous, scenario=_scenario_of(first))


def _scenario_of(audit: AuditReport) -> ScenarioSummary | None:
    return ScenarioSummary(audit.what_if.scenario, audit.what_if.severities) if audit.what_if else None
