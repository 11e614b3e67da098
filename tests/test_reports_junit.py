"""JUnit XML: parses, one testcase per rule, failures for gaps, skipped for settled exceptions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policycheck.models.common import Status
from policycheck.reports.junit import JunitReporter


def test_one_testcase_per_rule_with_failures_for_gaps(minireport):
    report = minireport("en")
    suite = ET.fromstring(JunitReporter().render(report)).find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(report.findings) == int(suite.get("tests"))
    assert int(suite.get("failures")) == report.summary.gaps == len(suite.findall("testcase/failure"))
    failure = suite.find("testcase[@name='mini-organ: Cooperation body']/failure")
    assert "elever og foreldre er representert" in failure.text


def test_waived_and_not_applicable_are_skipped(minireport):
    report = minireport()
    findings = [report.findings[0].model_copy(update={"status": Status.waived}),
                report.findings[1].model_copy(update={"status": Status.not_applicable}), *report.findings[2:]]
    suite = ET.fromstring(JunitReporter().render(report.model_copy(update={"findings": findings}))).find("testsuite")
    assert suite.get("skipped") == "2" and len(suite.findall("testcase/skipped")) == 2


def test_control_characters_and_markup_in_inputs_stay_valid_xml(minireport):
    report = minireport()
    hostile = report.model_copy(update={"inputs": report.inputs.model_copy(update={"school": "<a>&\x07\"skole\""})})
    suite = ET.fromstring(JunitReporter().render(hostile)).find("testsuite")
    assert suite.get("name").startswith("<a>&\ufffd\"skole\"")
