"""Schema errors become plain, located messages."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, MINIPACK, run_cli
from policycheck.errors import InputError
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import parse_yaml
from policycheck.models.pack import RulesFile
from policycheck.models.plan import LocalPlan

RULE = """rules:
  - id: tro-x
    title: {nb: a, en: a}
    source: {section: "1", quote: q}
    modal: skal
    bearer: school
    school_part: does
    severity: required
    remediation: {nb: r, en: r}
"""


def problems(text: str, model) -> list[str]:
    with pytest.raises(InputError) as caught:
        validate_document(parse_yaml(text, "f.yaml"), model, "plan")
    return [str(problem) for problem in caught.value.problems]


def test_unknown_check_kind_gets_did_you_mean():
    found = problems(RULE + "    check: {kind: presnt, path: a}\n", RulesFile)
    assert found == ["f.yaml:10:19: rules.0.check: unknown kind 'presnt' (did you mean 'present'?); "
                     "expected one of: all, any, attestation, compare, contains, count, forbidden, lead_time, not, "
                     "participants, per_grade, present, reply_within, share, within_window"]


def test_wrong_field_in_known_kind_is_explained_in_that_kind():
    found = problems(RULE + "    check: {kind: compare, path: a, op: '=>', value: 2}\n", RulesFile)
    assert len(found) == 1 and "rules.0.check.op: '=>' is not allowed" in found[0] and "f.yaml:10:41" in found[0]


def test_compare_needs_exactly_one_operand():
    found = problems(RULE + "    check: {kind: compare, path: a, op: '>='}\n", RulesFile)
    assert found == ["f.yaml:10:12: rules.0.check: give exactly one of 'value' or 'parameter'"]


def test_severity_typo():
    found = problems(RULE.replace("required", "requird") + "    check: {kind: present, path: a}\n", RulesFile)
    assert "did you mean 'required'" in found[0] and found[0].startswith("f.yaml:8:15")


def test_missing_school_name_and_wrong_type():
    found = problems("school:\n  grades: {min: one, max: 7}\n", LocalPlan)
    assert "f.yaml:2:3: school: missing required key 'name'" in found
    assert "f.yaml:2:17: school.grades.min: expected a whole number, got 'one'" in found


def test_plan_top_level_scalar():
    assert problems("just text\n", LocalPlan) == ["f.yaml:1:1: plan: expected a mapping, got 'just text'"]


def test_empty_plan():
    assert problems("", LocalPlan) == ["f.yaml:1:1: plan: expected a mapping, got nothing (null)"]


PLAN_TEXT = (DATA / "plan-gaps.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("change, where, message", [
    (("school_year: 2025-2026", "school_year: 2025-2027"), ":6:14: ", "'2025-2027' is not a school year such as 2025-2026"),
    (("grades: {min: 1, max: 7}", "grades: {min: 9, max: 3}"), ":5:11: ", "min must not be above max"),
])
def test_validate_and_check_refuse_the_same_plan_at_the_same_place(tmp_path, change, where, message):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_TEXT.replace(*change), encoding="utf-8")
    validated = run_cli("validate", plan)
    checked = run_cli("check", "--policy", MINIPACK, "--plan", plan)
    assert validated.exit_code == checked.exit_code == 2
    assert f"{plan}{where}" in validated.stderr and message in validated.stderr
    assert f"{plan}{where}" in checked.stderr and message in checked.stderr


def test_validate_infers_an_override_file_and_checks_it_against_its_pack(tmp_path):
    shutil.copytree(MINIPACK, tmp_path / "minipack")
    override = tmp_path / "kommune.yaml"
    override.write_text("kind: policy-override\nextends: ./minipack\nrules:\n  mini-pc: {disabled: Ikke aktuelt}\n",
                        encoding="utf-8")
    assert run_cli("validate", override).stdout == f"{override}: ok (override)\n"
    override.write_text("extends: ./minipack\nrules:\n  mini-pcc: {disabled: Ikke aktuelt}\n", encoding="utf-8")
    refused = run_cli("validate", override)
    assert refused.exit_code == 2 and f"{override}:3:3: " in refused.stderr and "mini-pcc" in refused.stderr
