"""Schema errors become plain, located messages."""

from __future__ import annotations

import pytest

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
