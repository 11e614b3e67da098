"""`junit`: one testcase per rule, for CI test dashboards (GitLab, Jenkins, Azure).

Valid against both schemas CI servers read (tests/data/README.md): Jenkins' junit-4.xsd, where
`skipped` holds its reason as text (no attributes allowed), and Ant's JUnit.xsd, which requires
each testsuite's hostname, package, id, properties, system-out and system-err and allows the
testsuites element no attributes. Each testsuite's counts are the report's. An audit gives one
testsuite per school; a school whose inputs are broken is one testcase in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from policycheck.messages import text
from policycheck.models.audit import AuditReport, SchoolResult
from policycheck.models.common import Status
from policycheck.models.report import Finding, PolicyRef, Report
from policycheck.reports.base import locations, log_evidence, message_with_notes, status_label

OUTCOMES = {Status.fail: "failure", Status.needs_attestation: "failure", Status.not_applicable: "skipped",
            Status.waived: "skipped", Status.insufficient_data: "skipped"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0, even escaped


def xml_safe(value: object) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


class JunitReporter:
    name = "junit"
    description = "JUnit XML: one testcase per rule, failures for gaps"
    extension = "junit.xml"

    def render(self, report: Report) -> str:
        suites = ET.Element("testsuites")
        suite = _suite(suites, f"{report.inputs.school or '?'}: {_pack_name(report.policy)}", report.policy,
                       report.as_of.isoformat(), report.inputs.school or "?")
        for finding in report.findings:
            outcome = _testcase(suite, f"{report.policy.id}.{report.inputs.school or '?'}",
                                f"{finding.rule_id}: {finding.title}", finding.status)
            if outcome is not None:
                lang = report.language
                _fill(outcome, message_with_notes(finding, lang), status_label(finding.status, lang), _details(finding, lang))
        return _document(suites)

    def render_audit(self, audit: AuditReport) -> str:
        suites = ET.Element("testsuites")
        for school in audit.schools:
            _school_suite(suites, audit, school)
        return _document(suites)


def _pack_name(policy: PolicyRef) -> str:
    return f"{policy.title} ({policy.id} {policy.version})"


def _suite(suites: ET.Element, name: str, policy: PolicyRef, as_of: str, school: str) -> ET.Element:
    suite = ET.SubElement(suites, "testsuite", name=xml_safe(name), tests="0", failures="0", errors="0", skipped="0",
                          time="0", timestamp=f"{as_of}T00:00:00", hostname="localhost", package=xml_safe(policy.id),
                          id=str(len(suites)))
    properties = ET.SubElement(suite, "properties")
    for key, value in (("pack", policy.id), ("pack_version", policy.version), ("as_of", as_of), ("school", school)):
        ET.SubElement(properties, "property", name=key, value=xml_safe(value))
    return suite


def _testcase(suite: ET.Element, classname: str, name: str, status: Status | None) -> ET.Element | None:
    """A testcase, counted in its suite; returns its outcome element (failure or skipped) if it has one."""
    case = ET.SubElement(suite, "testcase", classname=xml_safe(classname), name=xml_safe(name), time="0")
    _count(suite, "tests")
    outcome = OUTCOMES.get(status) if status else None
    if outcome is None:
        return None
    _count(suite, "failures" if outcome == "failure" else "skipped")
    return ET.SubElement(case, outcome)


def _count(suite: ET.Element, attribute: str) -> None:
    suite.set(attribute, str(int(suite.get(attribute, "0")) + 1))


def _fill(element: ET.Element, message: str, kind: str, details: str) -> None:
    """A failure carries message, type and details; a skip only its reason, as text."""
    if element.tag == "skipped":
        element.text = xml_safe(message)
        return
    element.set("message", xml_safe(message))
    element.set("type", xml_safe(kind))
    element.text = xml_safe(details)


def _quote_line(quote: str, section: str, lang: str) -> str:
    return f"{text('heading.quote', lang)}: \"{quote}\" (§{section})"


def _details(finding: Finding, lang: str) -> str:
    lines = [_quote_line(finding.source.quote, finding.source.section, lang)]
    if finding.remediation:
        lines.append(f"{text('heading.remediation', lang)}: {finding.remediation}")
    if locations(finding):
        lines.append(f"{text('heading.location', lang)}: {locations(finding)}")
    evidence = log_evidence(finding)
    if evidence:
        lines += [f"{text('heading.evidence', lang)}:"] + [f"- {line}" for line in evidence]
    return "\n".join(lines)


def _school_suite(suites: ET.Element, audit: AuditReport, school: SchoolResult) -> None:
    suite = _suite(suites, f"{school.folder}: {school.name or '?'}", audit.policy, (school.as_of or audit.as_of).isoformat(),
                   school.name or school.folder)
    classname = f"{audit.policy.id}.{school.folder}"
    if school.error is not None:
        case = ET.SubElement(suite, "testcase", classname=xml_safe(classname),
                             name=xml_safe(text("status.broken", audit.language)), time="0")
        _count(suite, "tests")
        _count(suite, "errors")
        ET.SubElement(case, "error", message=xml_safe(school.error), type="input").text = xml_safe(school.error)
        return
    gaps = {gap.rule_id: gap for gap in school.gaps}
    for rule in audit.rules:
        status = school.statuses.get(rule.id)
        outcome = _testcase(suite, classname, f"{rule.id}: {rule.title}", status)
        if outcome is None:
            continue
        gap, lang = gaps.get(rule.id), audit.language
        message = " ".join([gap.message, *gap.notes]) if gap else status_label(status, lang)
        where = [f"{text('heading.location', lang)}: {gap.location}"] if gap and gap.location else []
        _fill(outcome, message, status_label(status, lang), "\n".join([_quote_line(rule.quote, rule.section, lang), *where]))


def _document(suites: ET.Element) -> str:
    for suite in suites:
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
