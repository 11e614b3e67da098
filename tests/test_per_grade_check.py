"""`per_grade`: an entry in a plan list for every grade the school has, each filled in."""

from __future__ import annotations

import datetime as dt

import pytest

from policycheck.checks.base import CheckContext, PlanView
from policycheck.checks.per_grade import grade_span
from policycheck.loading.packs import load_pack
from policycheck.loading.yamlfile import parse_yaml
from policycheck.models.common import Status
from policycheck.models.pack import Rule
from policycheck.models.plan import LocalPlan
from policycheck.scaffold import scaffold_plan

CHECK = {"kind": "per_grade", "path": "info", "fields": ["interval_dage", "form"]}


def outcome(plan_text: str, check: dict = CHECK):
    document = parse_yaml(plan_text, "plan.yaml")
    plan = LocalPlan.model_validate(document.data)
    view = PlanView(document.data, "plan.yaml", document.value_marks, plan.attestations)
    rule = Rule.model_validate({
        "id": "t-rule", "title": {"en": "t"}, "source": {"section": "1", "quote": "q"}, "modal": "skal",
        "bearer": "school", "school_part": "does", "severity": "required", "remediation": {"en": "r"}, "check": check,
    })
    return rule.check.start(CheckContext("t-rule", view, {}, dt.date(2025, 9, 1))).finish()


def plan(grades: str, entries: str) -> str:
    return f"school: {{name: S, grades: {grades}}}\ninfo:\n{entries}"


DEPARTMENTS = ('  - {klassetrin: "0.-3.", interval_dage: 7, form: ugebrev}\n'
               '  - {klassetrin: "4.-6.", interval_dage: 7, form: ugeplan}\n'
               '  - {klassetrin: "7.-9.", interval_dage: 14, form: klassebrev}\n')


def test_departments_covering_every_grade_pass():
    found = outcome(plan("{min: 0, max: 9}", DEPARTMENTS))
    assert found.status is Status.passed
    assert found.message.render("da") == "'info' har en post for hvert klassetrin på skolen (0-9)"


def test_a_grade_without_an_entry_fails_and_is_named():
    found = outcome(plan("{min: 0, max: 9}", DEPARTMENTS.rsplit("  - ", 1)[0]))
    assert found.status is Status.fail
    assert found.message.render("en") == "'info' does not cover every grade of the school; missing: 7, 8 and 9"


def test_only_the_schools_grades_are_asked_for():
    entries = '  - {klassetrin: 4, interval_dage: 7, form: ugeplan}\n  - {klassetrin: "5-6", interval_dage: 7, form: brev}\n'
    assert outcome(plan("{min: 4, max: 6}", entries)).status is Status.passed


def test_an_entry_without_its_interval_fails():
    entries = '  - {klassetrin: "0-9", form: ugebrev}\n'
    found = outcome(plan("{min: 0, max: 9}", entries))
    assert found.status is Status.fail
    assert found.message.render("en") == "in 'info', the entry for 0-9 does not fill in interval_dage"


def test_an_unfilled_entry_for_a_grade_the_school_lacks_is_no_gap():
    entries = '  - {klassetrin: "0-6", interval_dage: 7, form: ugebrev}\n  - {klassetrin: "7-9", form: TODO}\n'
    assert outcome(plan("{min: 0, max: 6}", entries)).status is Status.passed


def test_an_unreadable_grade_fails_with_the_value():
    found = outcome(plan("{min: 0, max: 3}", "  - {klassetrin: indskolingen, interval_dage: 7, form: ugebrev}\n"))
    assert found.status is Status.fail
    assert "indskolingen" in found.message.render("da")


def test_without_the_schools_grades_it_cannot_be_judged():
    found = outcome("school: {name: S}\ninfo:\n" + DEPARTMENTS)
    assert found.status is Status.insufficient_data


@pytest.mark.parametrize("entries", ["  - 0-9\n", "  []\n"])
def test_a_list_that_is_not_entries_or_is_empty_fails(entries):
    assert outcome(plan("{min: 0, max: 9}", entries)).status is Status.fail


@pytest.mark.parametrize("value, grades", [
    (3, {3}), ("3.", {3}), ("0.-3.", {0, 1, 2, 3}), ("7 – 9", {7, 8, 9}), ("x", None), (True, None), ("5-2", None),
])
def test_grade_span(value, grades):
    assert grade_span(value) == grades


def test_the_unfilled_field_is_named_in_danish_and_norwegian():
    found = outcome(plan("{min: 7, max: 9}", '  - {klassetrin: "7.-9.", form: klassebrev}\n'))
    assert found.message.render("da") == "i 'info' mangler interval_dage i posten for 7.-9."
    assert found.message.render("nb") == "i 'info' mangler interval_dage i oppføringen for 7.-9."


def test_the_plan_skeleton_asks_for_the_fields_of_every_rule_on_one_list():
    skeleton = scaffold_plan(load_pack("vest"), None)
    assert "per_klassetrin: [{klassetrin: TODO, interval_dage: TODO, form: TODO}]" in skeleton
