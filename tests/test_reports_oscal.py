"""`--format oscal`: OSCAL assessment results that NIST's published schema accepts, and that keep
every finding's evidence, its source clause and its waiver."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import run_cli
from jsonschema import Draft7Validator, validators

OSCAL_SCHEMAS = Path(__file__).parent / "data" / "oscal"
SCHEMA = json.loads((OSCAL_SCHEMAS / "oscal_assessment-results_schema.json").read_text())
SCHOOL = "examples/tromso-fjellvegen"
CHECK = ("check", "--policy", "tromso", "--plan", f"{SCHOOL}/plan.yaml", "--log", f"{SCHOOL}/log.csv",
         "--roster", f"{SCHOOL}/roster.yaml", "--format", "oscal")


def _unicode_pattern(validator, pattern, instance, schema):
    """The schema's `pattern` with \\p{L} and \\p{N}, which Python's re does not know, spelt out."""
    if validator.is_type(instance, "string"):
        spelt = pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{N}", r"\d")
        if not re.search(spelt, instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


OscalValidator = validators.extend(Draft7Validator, {"pattern": _unicode_pattern})


def schema_errors(document: dict, schema: dict = SCHEMA) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in OscalValidator(schema).iter_errors(document)]


def invoke_module(*args) -> tuple[int, str, str]:
    result = run_cli(*args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def fjellvegen() -> dict:
    code, out, _ = invoke_module(*CHECK)
    assert code == 1
    return json.loads(out)


def _result(document: dict) -> dict:
    return document["assessment-results"]["results"][0]


def test_the_example_school_validates_against_nists_schema(fjellvegen):
    assert schema_errors(fjellvegen) == []


def test_the_validator_rejects_what_the_schema_forbids(fjellvegen):
    broken = json.loads(json.dumps(fjellvegen))
    _result(broken)["findings"][0]["target"]["status"]["state"] = "met"
    del broken["assessment-results"]["metadata"]["oscal-version"]
    assert len(schema_errors(broken)) == 2


def test_every_decided_rule_is_a_finding_and_not_applicable_ones_are_excluded(fjellvegen):
    report = json.loads(invoke_module(*CHECK[:-1], "json")[1])
    result = _result(fjellvegen)
    statuses = {finding["target"]["target-id"]: _prop(finding, "status") for finding in result["findings"]}
    expected = {f["rule_id"]: f["status"] for f in report["findings"] if f["status"] != "not_applicable"}
    assert statuses == expected
    excluded = {c["control-id"] for c in result["reviewed-controls"]["control-selections"][0]["exclude-controls"]}
    assert excluded == {f["rule_id"] for f in report["findings"] if f["status"] == "not_applicable"}


def test_a_failing_log_finding_points_at_observations_with_its_log_lines(fjellvegen):
    result = _result(fjellvegen)
    observations = {o["uuid"]: o for o in result["observations"]}
    finding = _finding(result, "tro-svar-paa-henvendelser")
    assert finding["target"]["status"] == {"state": "not-satisfied", "reason": "fail"}
    linked = [observations[link["observation-uuid"]] for link in finding["related-observations"]]
    hrefs = [evidence["href"] for o in linked for evidence in o.get("relevant-evidence", [])]
    assert hrefs and all(re.fullmatch(rf"{SCHOOL}/log\.csv#L\d+", href) for href in hrefs)
    assert all(o["methods"] == ["TEST"] for o in linked)


def test_each_gap_is_an_open_risk_with_the_rules_remediation(fjellvegen):
    result = _result(fjellvegen)
    risks = {risk["uuid"]: risk for risk in result["risks"]}
    gaps = [f for f in result["findings"] if _prop(f, "status") in ("fail", "needs_attestation")]
    assert gaps and len(risks) == len(gaps)
    for finding in gaps:
        risk = risks[finding["related-risks"][0]["risk-uuid"]]
        assert risk["status"] == "open" and "deadline" not in risk
        assert risk["statement"].endswith(finding["target"]["description"])  # the verbatim source quote


def test_a_waiver_is_a_deviation_approved_risk_with_its_expiry_as_deadline(tmp_path, invoke):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("- rule: tro-svar-paa-henvendelser\n  reason: Ny rutine fra januar\n"
                       "  approved_by: Kari Rektor\n  granted: 2026-06-01\n  expires: 2026-12-31\n", encoding="utf-8")
    document = json.loads(invoke(*CHECK, "--waivers", str(waivers))[1])
    assert schema_errors(document) == []
    result = _result(document)
    finding = _finding(result, "tro-svar-paa-henvendelser")
    risk = next(r for r in result["risks"] if r["uuid"] == finding["related-risks"][0]["risk-uuid"])
    assert _prop(finding, "status") == "waived"
    assert risk["status"] == "deviation-approved" and risk["deadline"] == "2026-12-31T23:59:59Z"
    assert {p["name"]: p["value"] for p in risk["props"]}["approved-by"] == "Kari Rektor"


def test_the_same_inputs_give_the_same_document_with_unique_ids(fjellvegen):
    assert json.loads(invoke_module(*CHECK)[1]) == fjellvegen
    ids = re.findall(r'"uuid": "([0-9a-f-]+)"', json.dumps(fjellvegen, indent=1))
    assert len(ids) == len(set(ids))


def _finding(result: dict, rule_id: str) -> dict:
    return next(f for f in result["findings"] if f["target"]["target-id"] == rule_id)


def _prop(item: dict, name: str) -> str:
    return next(p["value"] for p in item["props"] if p["name"] == name)


def test_a_plan_only_report_with_attestations_and_todos_validates_too(minireport):
    from policycheck.reports.oscal import OscalReporter

    document = json.loads(OscalReporter().render(minireport("nb")))
    assert schema_errors(document) == []
    assert "inneholder fortsatt TODO" in json.dumps(document, ensure_ascii=False)


def test_an_audit_is_one_document_with_a_result_per_school(tmp_path):
    """A municipality archives its audit as one OSCAL document; a broken school is a result without findings."""
    schools = tmp_path / "schools"
    for name in ("a-skole", "b-skole"):
        shutil.copytree("examples/tromso-fjellvegen", schools / name)
    (schools / "c-skole").mkdir()
    (schools / "c-skole" / "plan.yaml").write_text("kind: nope\n", encoding="utf-8")
    code, out, _ = invoke_module("audit", schools, "--policy", "tromso", "--format", "oscal", "--as-of", "2026-07-31")
    document = json.loads(out)
    assert code == 2  # the broken school
    assert schema_errors(document) == []
    results = document["assessment-results"]["results"]
    assert [result["title"].split(":")[0] for result in results] == ["Fjellvegen skole", "Fjellvegen skole", "c-skole"]
    one_school = _result(json.loads(invoke_module(*CHECK, "--as-of", "2026-07-31")[1]))
    states = {f["target"]["target-id"]: f["target"]["status"]["state"] for f in results[0]["findings"]}
    assert states == {f["target"]["target-id"]: f["target"]["status"]["state"] for f in one_school["findings"]}
    assert "findings" not in results[2] and "plan.yaml" in results[2]["remarks"]
    ids = re.findall(r'"uuid": "([0-9a-f-]+)"', json.dumps(document, indent=1))
    assert len(ids) == len(set(ids))
