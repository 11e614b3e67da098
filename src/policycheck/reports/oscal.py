"""`oscal`: NIST OSCAL assessment results (JSON, OSCAL 1.0.6), for archiving and exchanging audits.

One OSCAL `result` per report. Each rule is a control of the pack's catalog (its id is the rule
id); each decided rule is a `finding` whose target is that control; each piece of evidence is an
`observation` the finding points at; each gap is a `risk`, open, or `deviation-approved` with the
waiver's expiry as its `deadline` (the plan of action and milestones). OSCAL's objective status
knows only satisfied / not-satisfied, so a rule that could not be decided is not-satisfied with
reason `other`, and policycheck's own status is kept in a `status` property; rules that do not
apply to the school are excluded from the reviewed controls rather than reported.

An audit is one document with one `result` per school, each school read as the report it had
(the audit keeps each gap's message, location and waiver; a passed rule has only its status); a
school whose inputs are broken is a result with no findings and the error as its remarks.

Every uuid is derived from the report's content (uuid5), and every timestamp from its as-of day,
so the same inputs give the same document: archives can be compared line by line.
"""

from __future__ import annotations

import json
import uuid

from policycheck.messages import text
from policycheck.models.audit import AuditReport, RuleInfo, SchoolResult
from policycheck.models.common import Status
from policycheck.models.report import Evidence, Finding, InputRef, Report, SourceRef
from policycheck.reports.base import gap_location, relative_file

OSCAL_VERSION = "1.0.6"
NAMESPACE = "https://policycheck.dev/ns/oscal"
UUID_ROOT = uuid.UUID("0b6d8f3e-8f0c-5d37-9a63-5f3c1f4e2a10")
STATES = {Status.passed: ("satisfied", "pass"), Status.fail: ("not-satisfied", "fail"),
          Status.waived: ("not-satisfied", "fail"), Status.needs_attestation: ("not-satisfied", "other"),
          Status.insufficient_data: ("not-satisfied", "other")}


class OscalReporter:
    name = "oscal"
    description = "OSCAL 1.0.6 assessment results (JSON) with gaps as risks"
    extension = "oscal.json"

    def render(self, report: Report) -> str:
        ids = _Ids(report)
        document = {"assessment-results": {
            "uuid": ids.of("assessment-results"),
            "metadata": _metadata(report),
            "import-ap": {"href": f"#{ids.of('pack')}",
                          "remarks": "policycheck has no assessment plan: the pack it checked against is in back-matter"},
            "results": [_result(report, ids)],
            "back-matter": {"resources": _resources(report, ids)},
        }}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def render_audit(self, audit: AuditReport) -> str:
        whole = Report(tool_version=audit.tool_version, language=audit.language, as_of=audit.as_of,
                       policy=audit.policy, inputs=InputRef(school=f"{len(audit.schools)} schools"), findings=[])
        ids = _Ids(whole)
        results = [_broken_result(school, ids) if school.error else _result(report, _Ids(report))
                   for school in audit.schools for report in [_school_report(audit, school)]]
        document = {"assessment-results": {
            "uuid": ids.of("assessment-results"),
            "metadata": _metadata(whole),
            "import-ap": {"href": f"#{ids.of('pack')}",
                          "remarks": "policycheck has no assessment plan: the pack it checked against is in back-matter"},
            "results": results,
            "back-matter": {"resources": _resources(whole, ids)},
        }}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _school_report(audit: AuditReport, school: SchoolResult) -> Report:
    """A school's row of the audit read as its report: a finding per rule with the gap's message and location."""
    gaps = {gap.rule_id: gap for gap in school.gaps}
    rules = {rule.id: rule for rule in audit.rules}
    findings = []
    for rule_id, status in school.statuses.items():
        rule, gap = rules[rule_id], gaps.get(rule_id)
        evidence = [gap_location(school.plan, gap.location)] if gap and school.plan else []
        findings.append(_rule_finding(rule, status, gap.message if gap else text(f"status.{status.value}", audit.language),
                                      evidence, gap.notes if gap else [], gap.waiver if gap else None))
    return Report(tool_version=audit.tool_version, language=audit.language, as_of=school.as_of or audit.as_of,
                  policy=audit.policy, inputs=InputRef(plan=school.plan, school=school.name or school.folder,
                                                       school_id=school.folder), findings=findings)


def _rule_finding(rule: RuleInfo, status: Status, message: str, evidence: list[Evidence], notes: list[str],
                  waiver) -> Finding:
    return Finding(rule_id=rule.id, title=rule.title, status=status, severity=rule.severity, message=message,
                   source=SourceRef(document="", section=rule.section, quote=rule.quote), evidence=evidence,
                   remediation=rule.remediation, notes=notes, waiver=waiver)


def _broken_result(school: SchoolResult, ids: _Ids) -> dict:
    """A school that could not be checked: a result with no findings, its error as remarks."""
    day = f"{ids.as_of}T00:00:00Z"
    return {"uuid": ids.of("broken", school.folder), "title": f"{school.name or school.folder}: not checked",
            "description": f"The inputs of {school.folder} could not be read.", "start": day, "end": day,
            "props": [prop("status", "broken")], "remarks": school.error or "",
            "reviewed-controls": {"control-selections": [{"include-all": {}}]}}


class _Ids:
    """Stable uuids: the same report content always gives the same ids."""

    def __init__(self, report: Report) -> None:
        school = report.inputs.school_id or report.inputs.school or ""
        self.as_of = report.as_of.isoformat()
        self.scope = f"{school}|{report.policy.id}@{report.policy.version}|{self.as_of}"

    def of(self, *parts: object) -> str:
        return str(uuid.uuid5(UUID_ROOT, "|".join([self.scope, *map(str, parts)])))


def _timestamp(report: Report) -> str:
    return f"{report.as_of.isoformat()}T00:00:00Z"


def prop(name: str, value: object) -> dict:
    """A property in policycheck's namespace (shared with the catalog, `policycheck.catalog`)."""
    return {"name": name, "ns": NAMESPACE, "value": str(value)}


def _metadata(report: Report) -> dict:
    school = report.inputs.school or report.inputs.school_id or "?"
    return {"title": f"{school}: {report.policy.title}", "last-modified": _timestamp(report),
            "version": report.as_of.isoformat(), "oscal-version": OSCAL_VERSION,
            "props": [prop("tool-version", f"policycheck {report.tool_version}"),
                      prop("language", report.language)]}


def _result(report: Report, ids: _Ids) -> dict:
    decided = [finding for finding in report.findings if finding.status is not Status.not_applicable]
    observations = {finding.rule_id: _observations(finding, report, ids) for finding in decided}
    result = {
        "uuid": ids.of("result"),
        "title": f"{report.inputs.school or report.inputs.school_id or '?'}: {report.policy.id} {report.policy.version}",
        "description": _description(report), "start": _timestamp(report), "end": _timestamp(report),
        "props": [prop("school-year", report.inputs.school_year)] if report.inputs.school_year else [],
        "reviewed-controls": _reviewed_controls(report),
        "observations": [observation for found in observations.values() for observation in found],
        "risks": [_risk(finding, ids) for finding in decided if finding.status.is_gap or finding.waiver],
        "findings": [_finding(finding, observations[finding.rule_id], ids) for finding in decided],
    }
    return {key: value for key, value in result.items() if value != []}


def _description(report: Report) -> str:
    counts = ", ".join(f"{count} {status.value}" for status, count in report.summary.by_status.items() if count)
    return f"{report.inputs.school or '?'} checked against {report.policy.title} as of {report.as_of}: {counts}"


def _reviewed_controls(report: Report) -> dict:
    selection: dict = {"include-all": {}}
    excluded = [finding.rule_id for finding in report.findings if finding.status is Status.not_applicable]
    if excluded:
        selection["exclude-controls"] = [{"control-id": rule_id} for rule_id in excluded]
    return {"description": "Every rule of the pack; rules that do not apply to the school are excluded.",
            "control-selections": [selection]}


def _observations(finding: Finding, report: Report, ids: _Ids) -> list[dict]:
    return [_observation(finding, evidence, index, report, ids) for index, evidence in enumerate(finding.evidence)]


def _observation(finding: Finding, evidence: Evidence, index: int, report: Report, ids: _Ids) -> dict:
    observation = {"uuid": ids.of(finding.rule_id, "observation", index),
                   "title": evidence.group or evidence.path or finding.rule_id,
                   "description": evidence.note or finding.message,
                   "methods": ["TEST"] if evidence.group else ["EXAMINE"],
                   "collected": _timestamp(report)}
    if evidence.file:
        observation["relevant-evidence"] = [{"href": _href(evidence), "description": _where(evidence)}]
    return observation


def _href(evidence: Evidence) -> str:
    return relative_file(evidence.file or "") + (f"#L{evidence.line}" if evidence.line is not None else "")


def _where(evidence: Evidence) -> str:
    parts = [relative_file(evidence.file or "") + (f":{evidence.line}" if evidence.line is not None else "")]
    parts += [f"plan path {evidence.path}"] if evidence.path else []
    parts += [f"event {evidence.event_id}"] if evidence.event_id else []
    parts += [f"on {evidence.date.isoformat()}"] if evidence.date else []
    return ", ".join(parts)


def _finding(finding: Finding, observations: list[dict], ids: _Ids) -> dict:
    state, reason = STATES[finding.status]
    target = {"type": "objective-id", "target-id": finding.rule_id, "title": finding.title,
              "description": finding.source.quote, "status": {"state": state, "reason": reason}}
    result = {"uuid": ids.of(finding.rule_id, "finding"), "title": finding.title, "description": finding.message,
              "props": [prop("status", finding.status.value), prop("severity", finding.severity.value),
                        prop("section", finding.source.section)],
              "target": target,
              "related-observations": [{"observation-uuid": observation["uuid"]} for observation in observations]}
    if finding.status.is_gap or finding.waiver:
        result["related-risks"] = [{"risk-uuid": ids.of(finding.rule_id, "risk")}]
    return {key: value for key, value in result.items() if value != []}


def _risk(finding: Finding, ids: _Ids) -> dict:
    """A gap as a risk: open until mended, or deviation-approved until the waiver expires."""
    waived = finding.status is Status.waived
    risk = {"uuid": ids.of(finding.rule_id, "risk"), "title": finding.title, "description": finding.message,
            "statement": f"{finding.source.section}: {finding.source.quote}",
            "props": [prop("severity", finding.severity.value)],
            "status": "deviation-approved" if waived else "open"}
    if finding.waiver:
        risk["props"] += [prop("approved-by", finding.waiver.approved_by), prop("waiver-reason", finding.waiver.reason)]
        if finding.waiver.granted:
            risk["props"].append(prop("granted", finding.waiver.granted.isoformat()))
    if waived and finding.waiver:
        risk["deadline"] = f"{finding.waiver.expires.isoformat()}T23:59:59Z"
    if finding.remediation:
        risk["remediations"] = [{"uuid": ids.of(finding.rule_id, "remediation"), "lifecycle": "recommendation",
                                 "title": finding.title, "description": finding.remediation}]
    return risk


def _resources(report: Report, ids: _Ids) -> list[dict]:
    pack = {"uuid": ids.of("pack"), "title": f"{report.policy.title} ({report.policy.id} {report.policy.version})",
            "description": "The policy pack the school was checked against; its rules are the controls.",
            "props": [prop("pack", report.policy.id), prop("pack-version", report.policy.version)]
            + ([prop("pack-revision", report.policy.revision)] if report.policy.revision else [])
            + [prop("override", override) for override in report.policy.overrides]}
    inputs = [{"uuid": ids.of("input", file), "title": relative_file(file),
               "rlinks": [{"href": relative_file(file)}]} for file in _input_files(report)]
    return [pack, *inputs]


def _input_files(report: Report) -> list[str]:
    files = [report.inputs.plan] if report.inputs.plan else []
    return files + ([log.file for log in report.log.files] if report.log else [])
