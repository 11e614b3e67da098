"""Packs in force by date: a check of a school year uses the pack version and the parameter values
in force on 1 August of that year, says which, and `diff` lists what changed between versions.

tests/data/versioned holds version 2.0.0 (effective 2023-02-06; its number of talks rises from 2 to
3 by a decision from 2025-08-01) and, under versions/1.0.0, the version of 2019.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from conftest import ROOT
from policycheck.audit.run import AuditRequest, run_audit
from policycheck.models.common import Status

PACK = "tests/data/versioned"


def _plan(tmp_path, school_year: str):
    text = (ROOT / PACK / "plan.yaml").read_text(encoding="utf-8").replace("2022-2023", school_year)
    path = tmp_path / f"plan-{school_year}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _report(invoke, policy: str, plan) -> dict:
    code, out, err = invoke("check", "--policy", policy, "--plan", plan, "--format", "json", "--as-of", "2026-07-01")
    assert code in (0, 1), err
    return json.loads(out)


@pytest.mark.parametrize("school_year, version, day, talks_needed, rules", [
    ("2022-2023", "1.0.0", "2022-08-01", 1, {"v-samtaler", "v-organ", "v-kontaktbok"}),
    ("2023-2024", "2.0.0", "2023-08-01", 2, {"v-samtaler", "v-organ", "v-hjemmeside"}),
    ("2025-2026", "2.0.0", "2025-08-01", 3, {"v-samtaler", "v-organ", "v-hjemmeside"}),
])
def test_each_school_year_is_checked_against_the_version_in_force_then(
        tmp_path, invoke, school_year, version, day, talks_needed, rules):
    report = _report(invoke, PACK, _plan(tmp_path, school_year))
    assert report["policy"]["version"] == version and report["policy"]["in_force_on"] == day
    assert {finding["rule_id"] for finding in report["findings"]} == rules
    talks = next(f for f in report["findings"] if f["rule_id"] == "v-samtaler")
    assert talks["status"] == ("pass" if talks_needed <= 2 else "fail")  # the plan holds 2 talks a year


def test_the_report_names_the_version_and_the_revision_it_used(tmp_path, invoke):
    old, new = (_report(invoke, PACK, _plan(tmp_path, year))["policy"] for year in ("2022-2023", "2023-2024"))
    assert len(old["revision"]) == 12 and old["revision"] != new["revision"]
    code, out, _ = invoke("check", "--policy", PACK, "--plan", _plan(tmp_path, "2022-2023"), "--lang", "nb")
    assert "versioned 1.0.0, versjonen som gjaldt 2022-08-01" in out.splitlines()[0]


def test_a_version_can_be_asked_for_by_name(tmp_path, invoke):
    assert _report(invoke, f"{PACK}@1.0.0", _plan(tmp_path, "2025-2026"))["policy"]["version"] == "1.0.0"
    code, _, err = invoke("check", "--policy", f"{PACK}@1.1.0", "--plan", _plan(tmp_path, "2025-2026"))
    assert code == 2 and "has no version '1.1.0'" in err and "1.0.0, 2.0.0" in err


def test_a_school_year_before_every_version_is_refused(tmp_path, invoke):
    code, _, err = invoke("check", "--policy", PACK, "--plan", _plan(tmp_path, "2018-2019"))
    assert code == 2 and "no version in force on 2018-08-01" in err and "2019-08-01" in err


def test_a_pack_with_one_version_reports_no_version_day(invoke):
    code, out, _ = invoke("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml",
                          "--format", "json", "--as-of", "2025-09-01")
    policy = json.loads(out)["policy"]
    assert "in_force_on" not in policy and len(policy["revision"]) == 12


def test_an_audit_checks_each_school_against_its_own_years_version(tmp_path):
    schools = tmp_path / "schools"
    for name, year in (("gammel", "2022-2023"), ("ny", "2025-2026")):
        (schools / name).mkdir(parents=True)
        shutil.copy(_plan(tmp_path, year), schools / name / "plan.yaml")
    audit = run_audit(AuditRequest(policy=PACK, schools_dir=schools, as_of=dt.date(2026, 7, 1), jobs=1))
    by_name = {school.folder: school.statuses for school in audit.schools}
    assert by_name["gammel"]["v-kontaktbok"] is Status.passed and "v-hjemmeside" not in by_name["gammel"]
    assert by_name["ny"]["v-samtaler"] is Status.fail


def test_diff_lists_rules_added_removed_and_changed_and_parameters(invoke):
    code, out, _ = invoke("diff", f"{PACK}@1.0.0", PACK, "--format", "json")
    diff = json.loads(out)
    assert code == 0
    assert (diff["before"]["version"], diff["after"]["version"]) == ("1.0.0", "2.0.0")
    assert [rule["id"] for rule in diff["added"]] == ["v-hjemmeside"]
    assert [rule["id"] for rule in diff["removed"]] == ["v-kontaktbok"]
    changed = {rule["id"]: {change["field"] for change in rule["changes"]} for rule in diff["changed"]}
    assert changed == {"v-samtaler": {"source.quote"}, "v-organ": {"source.quote", "severity", "check"}}
    [talks] = diff["parameters"]
    assert talks["name"] == "samtaler_per_ar"
    assert {change["field"]: (change["before"], change["after"]) for change in talks["changes"]}["value"] == (1, 2)


@pytest.mark.parametrize("format_name, marker", [("table", "Changed rules:"), ("markdown", "## Changed rules")])
def test_diff_reads_as_text_and_as_markdown(invoke, format_name, marker):
    code, out, _ = invoke("diff", f"{PACK}@1.0.0", PACK, "--format", format_name, "--lang", "en")
    assert code == 0 and marker in out and "v-organ" in out and "Contact book" in out


def test_diff_of_a_pack_with_itself_is_empty(invoke):
    code, out, _ = invoke("diff", "vest", "vest")
    assert code == 0 and "No differences" in out
