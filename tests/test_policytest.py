"""`policycheck test`: the bundled packs pass their own cases, and a broken case is caught."""

from __future__ import annotations

import shutil

import pytest
from conftest import MINIPACK, run_cli

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
