"""`sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

Every result has a location (the evidence's file and line, else the log file or the plan), so
GitHub code scanning accepts it; `partialFingerprints` hash the pack, rule and plan file (not the
line), so code scanning follows one gap across runs while the plan is edited; a waived gap is a
suppressed result naming its approver and expiry. Each rule links to its generated reference,
docs/rules/<pack>.md#<rule-id>, under `POLICYCHECK_DOCS_URL` (default: the project's site).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from policycheck.messages import text
from policycheck.models.audit import AuditReport, RuleInfo, SchoolGap, SchoolResult
from policycheck.models.common import Severity, Status
from policycheck.models.report import WaiverRef, BaselineState, Evidence, Finding, Report
from policycheck.reports.base import gap_location, located, log_evidence, relative_file

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://policycheck.dev"
DOCS_URL_VARIABLE = "POLICYCHECK_DOCS_URL"
DEFAULT_DOCS_URL = f"{INFORMATION_URI}/docs/rules/"
FINGERPRINT_KEY = "policycheckGap/v1"
LEVELS = {Severity.required: "error", Severity.recommended: "warning", Severity.advisory: "note"}
KINDS = {Status.fail: "fail", Status.needs_attestation: "fail", Status.waived: "fail", Status.insufficient_data: "open"}
BASELINE_STATES = {BaselineState.new: "new", BaselineState.known: "unchanged"}


class SarifReporter:
    name = "sarif"
    description = "SARIF 2.1.0 for code scanning"
    extension = "sarif"

    def render(self, report: Report) -> str:
        rules = [_rule(report.policy.id, RuleText.of(finding), report.language) for finding in report.findings]
        results = [_result(report, finding, index) for index, finding in enumerate(report.findings)
                   if finding.status in KINDS]
        return _log(report.tool_version, report.language, rules, results)

    def render_audit(self, audit: AuditReport) -> str:
        """One result per school and gap, at the school's plan; rules are the pack's."""
        index = {rule.id: position for position, rule in enumerate(audit.rules)}
        rules = [_rule(audit.policy.id, RuleText.of_info(rule), audit.language) for rule in audit.rules]
        results = [_audit_result(audit, school, gap, index[gap.rule_id]) for school in audit.schools
                   for gap in school.gaps if gap.status in KINDS]
        return _log(audit.tool_version, audit.language, rules, results)


@dataclass(frozen=True)
class RuleText:
    """What a SARIF rule says, from a finding (check) or a rule summary (audit)."""

    rule_id: str
    title: str
    severity: Severity
    section: str
    quote: str
    remediation: str | None
    document: str | None = None
    legal_basis: tuple[str, ...] = ()

    @classmethod
    def of(cls, finding: Finding) -> "RuleText":
        return cls(finding.rule_id, finding.title, finding.severity, finding.source.section, finding.source.quote,
                   finding.remediation, finding.source.document, tuple(finding.legal_basis))

    @classmethod
    def of_info(cls, rule: RuleInfo) -> "RuleText":
        return cls(rule.id, rule.title, rule.severity, rule.section, rule.quote, rule.remediation)


def _log(version: str, language: str, rules: list[dict], results: list[dict]) -> str:
    driver = {"name": "policycheck", "version": version, "informationUri": INFORMATION_URI, "rules": rules}
    run = {"tool": {"driver": driver}, "language": language, "columnKind": "unicodeCodePoints", "results": results}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def help_uri(pack_id: str, rule_id: str) -> str:
    """The rule's section in the generated reference (docs/rules/<pack>.md#<rule-id>)."""
    base = os.environ.get(DOCS_URL_VARIABLE) or DEFAULT_DOCS_URL
    return f"{base.rstrip('/')}/{quote(pack_id)}.md#{quote(rule_id)}"


def _rule(pack_id: str, rule: RuleText, language: str) -> dict:
    uri = help_uri(pack_id, rule.rule_id)
    properties = {"severity": rule.severity.value, "section": rule.section}
    if rule.document:
        properties |= {"document": rule.document, "legal_basis": list(rule.legal_basis)}
    return {"id": rule.rule_id, "name": rule.title, "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.quote}, "helpUri": uri, "help": _help(rule, uri, language),
            "defaultConfiguration": {"level": LEVELS[rule.severity]}, "properties": properties}


def _help(rule: RuleText, uri: str, language: str) -> dict:
    """The source clause and the remediation, as plain text and as Markdown with a link to the reference."""
    source = f"{text('heading.quote', language)} (§{rule.section}): \"{rule.quote}\""
    remediation = f"{text('heading.remediation', language)}: {rule.remediation}" if rule.remediation else ""
    plain = "\n\n".join(part for part in (source, remediation, uri) if part)
    quoted = "\n".join(f"> {line}" for line in rule.quote.splitlines() or [""])
    markdown = [f"**{text('heading.quote', language)} (§{rule.section})**", "", quoted]
    if rule.remediation:
        markdown += ["", f"**{text('heading.remediation', language)}:** {rule.remediation}"]
    return {"text": plain, "markdown": "\n".join(markdown + ["", f"[{rule.rule_id}]({uri})"])}


def _result(report: Report, finding: Finding, index: int) -> dict:
    plan = report.inputs.plan
    result = _base_result(finding.rule_id, index, finding.status, finding.severity,
                          " ".join([finding.message, *finding.notes]),
                          _physical(located(finding) or _fallback(report, finding)),
                          fingerprint(report.policy.id, finding.rule_id, plan))
    related = [{"id": number, "physicalLocation": _physical(evidence), "message": {"text": line}}
               for number, (evidence, line) in enumerate(_log_groups(finding))]
    if related:
        result["relatedLocations"] = related
    if finding.baseline:
        result["baselineState"] = BASELINE_STATES[finding.baseline]
    if finding.status is Status.waived:
        result["suppressions"] = [_suppression(finding.waiver, "; ".join(finding.notes))]
    return result


def _audit_result(audit: AuditReport, school: SchoolResult, gap: SchoolGap, index: int) -> dict:
    rule = audit.rules[index]
    message = f"{school.name or school.folder}: " + " ".join([gap.message, *gap.notes])
    result = _base_result(gap.rule_id, index, gap.status, rule.severity, message,
                          _physical(gap_location(school.plan or school.folder, gap.location)),
                          fingerprint(audit.policy.id, gap.rule_id, school.plan or school.folder))
    if gap.status is Status.waived:
        result["suppressions"] = [_suppression(gap.waiver, "; ".join(gap.notes))]
    return result


def _base_result(rule_id: str, index: int, status: Status, severity: Severity, message: str, physical: dict,
                 fingerprints: dict) -> dict:
    kind = KINDS[status]
    return {"ruleId": rule_id, "ruleIndex": index, "kind": kind, "level": LEVELS[severity] if kind == "fail" else "none",
            "message": {"text": message}, "locations": [{"physicalLocation": physical}],
            "partialFingerprints": fingerprints, "properties": {"status": status.value}}


def _log_groups(finding: Finding) -> list[tuple[Evidence, str]]:
    """The log groups behind a finding that name their log line, each with its display line."""
    grouped = [evidence for evidence in finding.evidence if evidence.group]
    return [(evidence, line) for evidence, line in zip(grouped, log_evidence(finding)) if evidence.file]


def fingerprint(pack_id: str, rule_id: str, plan: str | None) -> dict[str, str]:
    """Pack, rule and plan file: the same gap in the same school keeps its identity when lines move."""
    identity = "\0".join([pack_id, rule_id, relative_file(plan) if plan else ""])
    return {FINGERPRINT_KEY: hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]}


def _suppression(waiver: WaiverRef | None, justification: str) -> dict:
    """An accepted suppression; its properties name approver, expiry and reason (absent when a merged shard came from an older policycheck)."""
    suppression = {"kind": "external", "status": "accepted", "justification": justification}
    if waiver is not None:
        suppression["properties"] = {"approved_by": waiver.approved_by, "expires": waiver.expires.isoformat(),
                                     "reason": waiver.reason}
    return suppression


def _fallback(report: Report, finding: Finding) -> Evidence:
    """Where a finding without a located piece of evidence points: a log finding at the log, else the plan."""
    log_files = [log.file for log in report.log.files] if report.log else []
    about_log = any(evidence.group for evidence in finding.evidence)
    return Evidence(file=log_files[0] if about_log and log_files else report.inputs.plan or "plan.yaml")


def _physical(evidence: Evidence) -> dict:
    """The file and line (a finding about the whole file points at its first line, as code scanning needs a line)."""
    return {"artifactLocation": {"uri": artifact_uri(evidence.file or "")},
            "region": {"startLine": evidence.line or 1, "startColumn": evidence.column or 1}}


def artifact_uri(file: str) -> str:
    """A URI relative to the working directory when possible, else an absolute file: URI."""
    path = relative_file(file)
    return Path(path).as_uri() if Path(path).is_absolute() else quote(path)
