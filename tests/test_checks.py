"""Each plan check kind, with a case that passes and a case that fails."""

from __future__ import annotations

import datetime as dt

import pytest

from policycheck.checks.base import CheckContext, PlanView
from policycheck.loading.yamlfile import parse_yaml
from policycheck.models.common import Status
from policycheck.models.pack import Rule
from policycheck.models.plan import LocalPlan

AS_OF = dt.date(2025, 9, 1)
PARAMETERS = {"samtaler": 2, "roller": ["elever", "foreldre"], "dager": 365}


def outcome(check: dict, plan_text: str):
    document = parse_yaml("school: {name: S}\n" + plan_text, "plan.yaml")
    plan = LocalPlan.model_validate(document.data)
    view = PlanView(document.data, "plan.yaml", document.value_marks, plan.attestations)
    rule = Rule.model_validate({
        "id": "t-rule", "title": {"en": "t"}, "source": {"section": "1", "quote": "q"}, "modal": "skal",
        "bearer": "school", "school_part": "does", "severity": "required", "remediation": {"en": "r"}, "check": check,
    })
    evaluation = rule.check.start(CheckContext("t-rule", view, PARAMETERS, AS_OF))
    return evaluation.finish()


def status(check: dict, plan_text: str) -> Status:
    return outcome(check, plan_text).status


@pytest.mark.parametrize("plan_text, expected", [
    ("a: {b: Tirsdager}\n", Status.passed),
    ("a: {b: ''}\n", Status.fail),
    ("a: {b: []}\n", Status.fail),
    ("a: {b: [TODO]}\n", Status.fail),
    ("a: {b: 'TODO: skriv'}\n", Status.fail),
    ("a: {}\n", Status.fail),
    ("", Status.fail),
])
def test_present(plan_text, expected):
    assert status({"kind": "present", "path": "a.b"}, plan_text) is expected


def test_present_points_at_the_value():
    found = outcome({"kind": "present", "path": "a.b"}, "a:\n  b: TODO\n")
    assert (found.evidence[0].line, found.evidence[0].column) == (3, 6)


@pytest.mark.parametrize("plan_text, expected", [
    ("n: 2\n", Status.passed), ("n: 3\n", Status.passed), ("n: 1\n", Status.fail),
    ("n: to\n", Status.fail), ("", Status.fail),
])
def test_compare_with_parameter(plan_text, expected):
    assert status({"kind": "compare", "path": "n", "op": ">=", "parameter": "samtaler"}, plan_text) is expected


def test_compare_text_is_case_insensitive():
    check = {"kind": "compare", "path": "kanal", "op": "==", "value": "transponder"}
    assert status(check, "kanal: Transponder\n") is Status.passed
    assert status(check, "kanal: e-post\n") is Status.fail


def test_compare_failure_names_the_parameter():
    message = outcome({"kind": "compare", "path": "n", "op": ">=", "parameter": "samtaler"}, "n: 1\n").message
    assert message.render("en") == "'n' is 1, expected at least 2 (pack parameter samtaler)"


@pytest.mark.parametrize("plan_text, expected", [
    ("r: [Elever, foreldre, ansatte]\n", Status.passed),
    ("r: [foreldre]\n", Status.fail),
    ("r: foreldre\n", Status.fail),
])
def test_contains(plan_text, expected):
    assert status({"kind": "contains", "path": "r", "parameter": "roller"}, plan_text) is expected


def test_contains_reads_a_field_of_mappings():
    check = {"kind": "contains", "path": "m", "members": ["elever"], "key": "rolle"}
    assert status(check, "m: [{rolle: elever, navn: x}]\n") is Status.passed
    assert outcome(check, "m: [{rolle: foreldre}]\n").message.render("nb") == "'m' mangler elever"


EXPECTATION = {"kind": "contains", "path": "m", "members": ["hilse"], "key": "tema",
               "require": ["tekst", "formidlet_gjennom"]}


@pytest.mark.parametrize("plan_text, expected", [
    ("m: [{tema: hilse, tekst: Hils, formidlet_gjennom: [foreldremøte]}]\n", Status.passed),
    ("m: [{tema: hilse}, {tema: hilse, tekst: Hils, formidlet_gjennom: brev}]\n", Status.passed),
    ("m: [{tema: hilse}]\n", Status.fail),
    ("m: [hilse]\n", Status.fail),
    ("m: [{tema: hilse, tekst: Hils, formidlet_gjennom: []}]\n", Status.fail),
    ("m: [{tema: hilse, tekst: TODO, formidlet_gjennom: brev}]\n", Status.fail),
])
def test_contains_requires_fields_of_the_member_entry(plan_text, expected):
    assert status(EXPECTATION, plan_text) is expected


def test_contains_names_the_fields_an_entry_lacks():
    message = outcome(EXPECTATION, "m: [{tema: hilse, tekst: Hils}]\n").message
    assert message.render("nb") == "'m' er ikke fylt ut: oppføringen tema: hilse mangler formidlet_gjennom"
    assert message.render("en") == "'m' is not filled in: the entry tema: hilse lacks formidlet_gjennom"


def test_contains_points_at_the_entry_that_lacks_fields():
    found = outcome(EXPECTATION, "m:\n  - {tema: annet, tekst: x, formidlet_gjennom: brev}\n  - {tema: hilse}\n")
    assert [(item.path, item.line) for item in found.evidence] == [("m.1", 4)]


def test_contains_require_needs_a_key():
    with pytest.raises(ValueError, match="needs 'key'"):
        status({"kind": "contains", "path": "m", "members": ["x"], "require": ["tekst"]}, "")


ATTESTED = "attestations:\n  - {rule: t-rule, statement: Ja, attested_by: {name: K, role: rektor}, date: %s}\n"


@pytest.mark.parametrize("plan_text, expected", [
    (ATTESTED % "2025-08-20", Status.passed),
    (ATTESTED % "2024-08-20", Status.fail),     # older than 365 days
    (ATTESTED % "2025-09-02", Status.fail),     # in the future
    ("attestations:\n  - {rule: t-rule, statement: Ja, date: 2025-08-20}\n", Status.fail),  # names no one
    ("attestations:\n  - {rule: other, statement: Ja}\n", Status.needs_attestation),
    ("", Status.needs_attestation),
])
def test_attestation(plan_text, expected):
    assert status({"kind": "attestation", "parameter": "dager"}, plan_text) is expected


def test_attestation_uses_the_newest_entry():
    plan_text = ATTESTED % "2020-01-01" + "  - {rule: t-rule, statement: Ja, attested_by: {name: K, role: r}, date: 2025-08-01}\n"
    assert status({"kind": "attestation", "valid_for_days": 365}, plan_text) is Status.passed


ALL = {"kind": "all", "checks": [{"kind": "present", "path": "a"}, {"kind": "present", "path": "b"}]}
ANY = {"kind": "any", "checks": [{"kind": "present", "path": "a"}, {"kind": "attestation"}]}


@pytest.mark.parametrize("check, plan_text, expected", [
    (ALL, "a: x\nb: y\n", Status.passed),
    (ALL, "a: x\n", Status.fail),
    (ANY, "a: x\n", Status.passed),
    (ANY, "", Status.needs_attestation),
    (ANY, ATTESTED % "2025-08-20", Status.passed),
    ({"kind": "not", "check": {"kind": "present", "path": "a"}}, "", Status.passed),
    ({"kind": "not", "check": {"kind": "present", "path": "a"}}, "a: x\n", Status.fail),
    ({"kind": "not", "check": {"kind": "attestation"}}, "", Status.needs_attestation),
])
def test_composition(check, plan_text, expected):
    assert status(check, plan_text) is expected


def test_all_fails_before_it_waits_on_an_attestation():
    check = {"kind": "all", "checks": [{"kind": "attestation"}, {"kind": "present", "path": "a"}]}
    assert status(check, "") is Status.fail
