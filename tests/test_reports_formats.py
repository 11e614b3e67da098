"""Every output format: golden output for the minipack report, and the language it is in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_golden
from policycheck import api
from policycheck.reports.registry import REPORTERS


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_golden_output(name, minireport):
    reporter = REPORTERS[name]
    assert_golden(f"minipack.{reporter.extension}", reporter.render(minireport()))


@pytest.mark.parametrize("name", sorted(REPORTERS))
@pytest.mark.parametrize("language, message, label", [
    ("en", "still holds a TODO", "FAIL"),
    ("da", "indeholder stadig TODO", "IKKE OPFYLDT"),
    ("nb", "inneholder fortsatt TODO", "IKKE OPPFYLT"),
])
def test_every_format_honours_the_language(name, language, message, label, minireport):
    rendered = REPORTERS[name].render(minireport(language))
    assert message in rendered
    if name not in ("json", "sarif", "github", "oscal"):  # these carry no status labels, only messages
        assert label in rendered


def test_several_formats_written_to_output_dir(tmp_path, invoke):
    code, out, _ = invoke("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml",
                           "--as-of", "2025-09-01", "--format", "sarif", "--format", "html", "--format", "csv",
                           "--output-dir", tmp_path)
    assert code == 1 and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "report.html", "report.sarif"]


def test_several_formats_without_output_dir_is_a_usage_error(invoke):
    code, _, err = invoke("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml",
                           "--format", "json", "--format", "csv")
    assert code == 2 and "--output-dir" in err


@pytest.fixture(scope="module")
def tromso_report():
    example = Path("examples/tromso-fjellvegen")
    log = api.logrun.LogOptions(logs=(example / "log.csv",), roster=example / "roster.yaml")
    return api.run_check(api.CheckRequest(policy="tromso", plan=example / "plan.yaml", log=log))


@pytest.mark.parametrize("name", sorted(set(REPORTERS) - {"json", "sarif"}))  # those two keep file and line apart
def test_every_format_carries_the_log_evidence(name, tromso_report):
    """The pupil, the event and its log line behind a log gap, as the table shows them."""
    rendered = REPORTERS[name].render(tromso_report)
    for evidence in ("elev-5a-04 (5A)", "FJ-0089", "examples/tromso-fjellvegen/log.csv:90"):
        assert evidence in rendered, (name, evidence)


def test_sarif_gives_the_log_evidence_as_related_locations(tromso_report):
    results = json.loads(REPORTERS["sarif"].render(tromso_report))["runs"][0]["results"]
    result = next(r for r in results if r["ruleId"] == "tro-utviklingssamtale-holdt-to-ganger")
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "examples/tromso-fjellvegen/log.csv"
    assert related["physicalLocation"]["region"]["startLine"] == 90
    assert "elev-5a-04 (5A)" in related["message"]["text"] and "FJ-0089" in related["message"]["text"]
