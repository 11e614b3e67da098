"""`junit`: one testcase per rule, for CI test dashboards (GitLab, Jenkins, Azure)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.models.report import Finding, Report
from policycheck.reports.base import locations, message_with_notes, status_label

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
        suites = ET.Element("testsuites", name="policycheck")
        suite = ET.SubElement(suites, "testsuite", _suite_attributes(report))
        for finding in report.findings:
            _testcase(suite, report, finding)
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _suite_attributes(report: Report) -> dict[str, str]:
    outcomes = [OUTCOMES.get(f.status) for f in report.findings]
    name = f"{report.inputs.school or '?'}: {report.policy.title} ({report.policy.id} {report.policy.version})"
    return {"name": xml_safe(name), "tests": str(len(outcomes)), "failures": str(outcomes.count("failure")),
            "errors": "0", "skipped": str(outcomes.count("skipped")), "time": "0",
            "timestamp": report.as_of.isoformat() + "T00:00:00"}


def _testcase(suite: ET.Element, report: Report, finding: Finding) -> None:
    case = ET.SubElement(suite, "testcase", classname=xml_safe(f"{report.policy.id}.{report.inputs.school or '?'}"),
                         name=xml_safe(f"{finding.rule_id}: {finding.title}"), time="0")
    outcome = OUTCOMES.get(finding.status)
    if outcome is None:
        return
    element = ET.SubElement(case, outcome, message=xml_safe(message_with_notes(finding, report.language)))
    if outcome == "failure":
        element.set("type", xml_safe(status_label(finding.status, report.language)))
        element.text = xml_safe(_details(finding, report.language))


def _details(finding: Finding, lang: str) -> str:
    lines = [f"{text('heading.quote', lang)}: \"{finding.source.quote}\" (§{finding.source.section})"]
    if finding.remediation:
        lines.append(f"{text('heading.remediation', lang)}: {finding.remediation}")
    if locations(finding):
        lines.append(f"{text('heading.location', lang)}: {locations(finding)}")
    return "\n".join(lines)
