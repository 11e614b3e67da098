"""JUnit XML: parses, one testcase per rule, failures for gaps, skipped for settled exceptions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import xmlschema

from conftest import DATA, MINIPACK
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


EXAMPLE = "examples/tromso-fjellvegen"
SCHEMAS = [xmlschema.XMLSchema(DATA / name) for name in ("jenkins-junit.xsd", "ant-junit.xsd")]  # tests/data/README.md


def _assert_valid(document: str) -> None:
    for schema in SCHEMAS:
        schema.validate(document)


def test_valid_against_the_jenkins_junit_schema_with_skips(minireport):
    report = minireport()
    findings = [report.findings[0].model_copy(update={"status": Status.waived, "notes": ["godkjent"]}), *report.findings[1:]]
    rendered = JunitReporter().render(report.model_copy(update={"findings": findings}))
    _assert_valid(rendered)
    skipped = ET.fromstring(rendered).find("testsuite/testcase/skipped")
    assert skipped.attrib == {} and "godkjent" in skipped.text


def test_counts_equal_the_report(minireport):
    report = minireport()
    suite = ET.fromstring(JunitReporter().render(report)).find("testsuite")
    by_status = report.summary.by_status
    assert int(suite.get("tests")) == report.summary.total
    assert int(suite.get("failures")) == by_status[Status.fail] + by_status[Status.needs_attestation]
    assert int(suite.get("skipped")) == sum(
        by_status[s] for s in (Status.waived, Status.not_applicable, Status.insufficient_data))


def test_failures_list_the_log_evidence(invoke):
    code, out, _ = invoke("check", "--policy", "tromso", "--plan", f"{EXAMPLE}/plan.yaml", "--log", f"{EXAMPLE}/log.csv",
                          "--roster", f"{EXAMPLE}/roster.yaml", "--format", "junit")
    _assert_valid(out)
    details = "\n".join(f.text for f in ET.fromstring(out).iter("failure"))
    assert "elev elev-5a-04 (5A): 1 hendelse i skoleåret (FJ-0089) examples/tromso-fjellvegen/log.csv:90" in details


def test_audit_has_a_suite_per_school_and_an_error_for_broken_inputs(invoke):
    code, out, _ = invoke("audit", DATA / "municipality", "--policy", MINIPACK, "--as-of", "2025-09-01", "--format", "junit")
    _assert_valid(out)
    root = ET.fromstring(out)
    suites = {suite.get("name").split(":")[0]: suite for suite in root.findall("testsuite")}
    assert suites["skole-03"].find("testcase/error").get("message").find("skole-03/plan.yaml:10:14: ") >= 0
    assert suites["skole-03"].get("errors") == "1" and suites["skole-03"].get("tests") == "1"
    assert all(int(s.get("tests")) == len(s.findall("testcase")) for s in suites.values())
    assert [s.get("id") for s in root.findall("testsuite")] == [str(i) for i in range(len(suites))]
