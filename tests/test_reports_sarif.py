"""SARIF: valid against the official 2.1.0 schema, with rule metadata and plan locations."""

from __future__ import annotations

import json

import jsonschema

from conftest import DATA
from policycheck.models.common import Status
from policycheck.models.report import BaselineState
from policycheck.reports.sarif import SarifReporter, artifact_uri


def _validate(document: dict) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


def test_valid_against_the_official_schema(minireport):
    _validate(json.loads(SarifReporter().render(minireport())))


def test_rules_carry_metadata_and_results_point_at_the_plan(minireport):
    run = json.loads(SarifReporter().render(minireport("en")))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["mini-organ"]["fullDescription"]["text"] == "elever og foreldre er representert"
    assert rules["mini-organ"]["help"]["text"] == "Include pupils and parents."
    assert rules["mini-organ"]["properties"]["section"] == "3.11"
    result = next(r for r in run["results"] if r["ruleId"] == "mini-samtaler")
    assert result["level"] == "warning"  # required in the pack, capped: its number is the pack's reading
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "tests/data/plan-gaps.yaml"
    assert physical["region"] == {"startLine": 10, "startColumn": 11}


def test_waived_and_baseline_results_stay_valid(minireport):
    report = minireport()
    findings = [report.findings[0].model_copy(update={"status": Status.waived, "notes": ["ok"]}),
                report.findings[1].model_copy(update={"baseline": BaselineState.known}), *report.findings[2:]]
    document = json.loads(SarifReporter().render(report.model_copy(update={"findings": findings})))
    _validate(document)
    results = document["runs"][0]["results"]
    assert results[0]["suppressions"][0]["justification"] == "ok"
    assert results[1]["baselineState"] == "unchanged"


def test_uris_are_relative_to_the_working_directory_and_encoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "skoler" / "Ås skole" / "plan.yaml")) == "skoler/%C3%85s%20skole/plan.yaml"
    assert artifact_uri("/elsewhere/plan.yaml") == "file:///elsewhere/plan.yaml"
