"""SARIF: valid against the official 2.1.0 schema, with rule metadata and plan locations."""

from __future__ import annotations

import json

import datetime as dt
import shutil

import jsonschema

from conftest import DATA, MINIPACK, run_cli
from policycheck.models.common import Status
from policycheck.models.report import WaiverRef, BaselineState, Evidence, LogFile, LogSection
from policycheck.reports.sarif import SarifReporter, artifact_uri, help_uri


def _validate(document: dict) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


def assert_code_scanning_accepts(document: dict) -> None:
    """The rules of the SARIF multitool's GitHub kind (GH1015, GH1017, GH2012) that our output could break:
    every result has a located physical location, every rule a help text and Markdown and a help URI."""
    run = document["runs"][0]
    for result in run["results"]:
        assert result["locations"], result["ruleId"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] and physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["helpUri"].startswith("https://"), rule["id"]


def test_valid_against_the_official_schema(minireport):
    document = json.loads(SarifReporter().render(minireport()))
    _validate(document)
    assert_code_scanning_accepts(document)


def test_every_rule_links_to_its_generated_reference(minireport, monkeypatch):
    run = json.loads(SarifReporter().render(minireport("en")))["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "mini-lytter")
    assert rule["helpUri"] == "https://policycheck.dev/docs/rules/minipack.md#mini-lytter"
    assert "> " in rule["help"]["markdown"] and "(https://policycheck.dev/docs/rules/minipack.md#mini-lytter)" in rule["help"]["markdown"]
    monkeypatch.setenv("POLICYCHECK_DOCS_URL", "https://skoler.example.no/policycheck/docs/rules/")
    assert help_uri("tromso", "tro-x") == "https://skoler.example.no/policycheck/docs/rules/tromso.md#tro-x"


def test_generated_reference_has_an_anchor_per_rule():
    reference = (DATA.parent.parent / "docs" / "rules" / "tromso.md").read_text(encoding="utf-8")
    assert '<a id="tro-lokal-skole-hjem-plan"></a>' in reference


def test_a_log_finding_without_a_line_points_at_the_log_file(minireport):
    report = minireport()
    log = LogSection(files=[LogFile(file="skole/log.csv", format="csv", rows_read=3, rows_rejected=0)], rows_read=3,
                     rows_rejected=0, bad_rows="fail")
    unlocated = report.findings[1].model_copy(update={"evidence": [Evidence(group="pupil P1 (1A)", count=0)]})
    document = json.loads(SarifReporter().render(report.model_copy(update={"log": log, "findings": [unlocated]})))
    physical = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert physical == {"artifactLocation": {"uri": "skole/log.csv"}, "region": {"startLine": 1, "startColumn": 1}}


def test_a_plan_finding_without_evidence_points_at_the_plan(minireport):
    report = minireport()
    bare = report.findings[1].model_copy(update={"evidence": []})
    document = json.loads(SarifReporter().render(report.model_copy(update={"findings": [bare]})))
    assert document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PLAN_URI


PLAN_URI = "tests/data/plan-gaps.yaml"


def test_fingerprints_stay_when_the_plan_lines_move(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan.yaml"
    shutil.copy(DATA / "plan-gaps.yaml", plan)

    def fingerprints() -> dict[str, tuple]:
        out = run_cli("check", "--policy", MINIPACK, "--plan", "plan.yaml", "--as-of", "2025-09-01", "--format", "sarif").stdout
        return {r["ruleId"]: (r["partialFingerprints"]["policycheckGap/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in json.loads(out)["runs"][0]["results"]}

    before = fingerprints()
    plan.write_text("# a comment that moves every line\n\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    after = fingerprints()
    assert {rule: fp for rule, (fp, _) in before.items()} == {rule: fp for rule, (fp, _) in after.items()}
    assert after["mini-samtaler"][1] == before["mini-samtaler"][1] + 2
    assert len({fp for fp, _ in before.values()}) == len(before)  # one identity per gap


def test_rules_carry_metadata_and_results_point_at_the_plan(minireport):
    run = json.loads(SarifReporter().render(minireport("en")))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["mini-organ"]["fullDescription"]["text"] == "elever og foreldre er representert"
    assert "Remediation: Include pupils and parents." in rules["mini-organ"]["help"]["text"]
    assert rules["mini-organ"]["properties"]["section"] == "3.11"
    result = next(r for r in run["results"] if r["ruleId"] == "mini-samtaler")
    assert result["level"] == "warning"  # required in the pack, capped: its number is the pack's reading
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "tests/data/plan-gaps.yaml"
    assert physical["region"] == {"startLine": 10, "startColumn": 11}


def test_waived_and_baseline_results_stay_valid(minireport):
    report = minireport()
    waiver = WaiverRef(approved_by="Ola Etatsjef", reason="ny plan", expires=dt.date(2025, 12, 31), holds=True)
    findings = [report.findings[0].model_copy(update={"status": Status.waived, "notes": ["ok"], "waiver": waiver}),
                report.findings[1].model_copy(update={"baseline": BaselineState.known}), *report.findings[2:]]
    document = json.loads(SarifReporter().render(report.model_copy(update={"findings": findings})))
    _validate(document)
    results = document["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "ok",
                                           "properties": {"approved_by": "Ola Etatsjef", "expires": "2025-12-31",
                                                          "reason": "ny plan"}}]
    assert results[1]["baselineState"] == "unchanged"


def test_uris_are_relative_to_the_working_directory_and_encoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "skoler" / "Ås skole" / "plan.yaml")) == "skoler/%C3%85s%20skole/plan.yaml"
    assert artifact_uri("/elsewhere/plan.yaml") == "file:///elsewhere/plan.yaml"


def test_audit_sarif_points_each_school_gap_at_its_plan(invoke):
    code, out, _ = invoke("audit", DATA / "municipality", "--policy", MINIPACK, "--as-of", "2025-09-01", "--format", "sarif")
    document = json.loads(out)
    _validate(document)
    assert_code_scanning_accepts(document)
    results = document["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "tests/data/municipality/skole-01/plan.yaml" in uris
    rules = [rule["id"] for rule in document["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)


def test_audit_sarif_suppressions_name_the_approver(invoke, tmp_path):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("- rule: mini-organ\n  reason: Ny plan i oktober\n  approved_by: Ola Etatsjef\n  expires: 2025-12-31\n",
                       encoding="utf-8")
    _, out, _ = invoke("audit", DATA / "municipality", "--policy", MINIPACK, "--as-of", "2025-09-01", "--format", "sarif",
                       "--waivers", waivers)
    suppressed = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "mini-organ"]
    assert suppressed and all(r["suppressions"][0]["properties"] == {"approved_by": "Ola Etatsjef", "expires": "2025-12-31",
                                                                    "reason": "Ny plan i oktober"} for r in suppressed)
