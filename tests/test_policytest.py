"""`policycheck test`: the bundled packs pass their own cases, and a broken case is caught."""

from __future__ import annotations

import shutil

import pytest
from conftest import MINIPACK, ROOT, run_cli

from policycheck.loading.packs import bundled_pack_names
from policycheck.policytest import run_pack_tests

MINI_CASES = """cases:
  - name: organ complete
    plan: {organ: {representert: [elever, foreldre]}}
    expect: {mini-organ: pass}
  - name: organ without pupils
    plan: {organ: {representert: [foreldre]}}
    expect: {mini-organ: fail}
"""


@pytest.mark.parametrize("pack", bundled_pack_names())
def test_bundled_pack_passes_its_own_cases(pack):
    result = run_pack_tests(pack)
    assert result.mismatches == [] and result.uncovered == []
    assert result.assertions > 0


@pytest.fixture
def pack_copy(tmp_path):
    folder = tmp_path / "minipack"
    shutil.copytree(MINIPACK, folder)
    (folder / "tests").mkdir(exist_ok=True)
    (folder / "tests" / "organ.yaml").write_text(MINI_CASES, encoding="utf-8")
    return folder


def test_rules_without_cases_are_named(pack_copy):
    result = run_pack_tests(str(pack_copy))
    assert result.mismatches == []
    assert "mini-samtaler: no case where it passes" in result.uncovered
    assert not any(line.startswith("mini-organ") for line in result.uncovered)


def test_a_deliberately_broken_case_fails_naming_the_rule(pack_copy):
    cases = pack_copy / "tests" / "organ.yaml"
    cases.write_text(MINI_CASES.replace("expect: {mini-organ: fail}", "expect: {mini-organ: pass}"), encoding="utf-8")
    result = run_cli("test", str(pack_copy))
    assert result.exit_code == 1
    assert f"FAIL {cases}:7: minipack case 'organ without pupils': mini-organ expected pass, got fail" in result.stdout


def test_unknown_rule_in_a_case_is_an_input_error(pack_copy):
    (pack_copy / "tests" / "organ.yaml").write_text(MINI_CASES.replace("{mini-organ: fail}", "{mini-orgn: fail}"))
    result = run_cli("test", str(pack_copy))
    assert result.exit_code == 2 and "unknown rule 'mini-orgn' (did you mean 'mini-organ'?)" in result.stderr


LOG_CASES = """cases:
  - name: two talks for the one pupil passes
    as_of: 2026-07-31
    school_year: 2025-2026
    roster: {kind: roster, classes: [{id: 5A, grade: 5, pupils: [P1]}]}
    events:
      - {date: 2025-10-01, type: utviklingssamtale, pupil: P1}
      - {date: 2026-03-01, type: utviklingssamtale, pupil: P1}
    expect: {log-utviklingssamtaler: pass}
  - name: one talk fails once the year is over
    as_of: 2026-07-31
    school_year: 2025-2026
    roster: {kind: roster, classes: [{id: 5A, grade: 5, pupils: [P1]}]}
    events:
      - {date: 2025-10-01, type: utviklingssamtale, pupil: P1}
    expect: {log-utviklingssamtaler: fail}
  - name: a roster without events is insufficient data
    as_of: 2026-07-31
    roster: {kind: roster, classes: [{id: 5A, grade: 5, pupils: [P1]}]}
    expect: {log-utviklingssamtaler: insufficient_data}
"""


@pytest.fixture
def logpack_copy(tmp_path):
    folder = tmp_path / "logpack"
    shutil.copytree(ROOT / "tests" / "data" / "logpack", folder)
    (folder / "tests").mkdir()
    (folder / "tests" / "log.yaml").write_text(LOG_CASES, encoding="utf-8")
    return folder


def test_log_cases_pass_fail_and_lack_data_as_check_would(logpack_copy):
    result = run_pack_tests(str(logpack_copy))
    assert result.mismatches == [] and result.assertions == 3


def test_a_log_case_expecting_the_wrong_status_is_a_mismatch(logpack_copy):
    cases = logpack_copy / "tests" / "log.yaml"
    cases.write_text(LOG_CASES.replace("expect: {log-utviklingssamtaler: fail}", "expect: {log-utviklingssamtaler: pass}"))
    [mismatch] = run_pack_tests(str(logpack_copy)).mismatches
    assert (mismatch.case, mismatch.actual) == ("one talk fails once the year is over", "fail")


def test_a_bad_inline_event_is_reported_at_its_line_in_the_case(logpack_copy):
    cases = logpack_copy / "tests" / "log.yaml"
    cases.write_text(LOG_CASES.replace("2026-03-01, type: utviklingssamtale", "2026-03-01, type: utviklingsamtale"))
    result = run_cli("test", str(logpack_copy))
    assert result.exit_code == 2
    assert f"{cases}:8:9: events: " in result.stderr and "did you mean 'utviklingssamtale'" in result.stderr
