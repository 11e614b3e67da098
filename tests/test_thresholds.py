"""Which numbers a rule's verdict rests on, where each comes from, and the severity cap that follows."""

from __future__ import annotations

import pytest
from policycheck.checks.registry import CHECK_KINDS
from policycheck.loading.packs import load_pack
from policycheck.models.common import Severity
from policycheck.models.pack import Rule

RULE = {"id": "x-regel", "title": {"en": "A rule"}, "source": {"section": "1", "quote": "Skolen skal."},
        "modal": "skal", "bearer": "school", "school_part": "does", "severity": "required",
        "remediation": {"en": "Do it."}}


def rule_with(check: dict) -> Rule:
    return Rule.model_validate({**RULE, "check": check})


def test_a_rule_rests_on_the_parameters_of_every_part_of_its_check():
    check = {"kind": "all", "checks": [
        {"kind": "compare", "path": "a", "op": ">=", "parameter": "p_compare"},
        {"kind": "not", "check": {"kind": "count", "types": ["utviklingssamtale"], "per": "school",
                                  "min_parameter": "p_min", "max_parameter": "p_max"}},
        {"kind": "present", "path": "b"}]}
    assert rule_with(check).rests_on() == ["p_compare", "p_max", "p_min"]


@pytest.mark.parametrize("kind", sorted(CHECK_KINDS))
def test_every_parameter_field_of_every_check_kind_is_found(kind):
    """A kind that adds a field naming a parameter must report it, or its rule would escape the cap."""
    for name in (name for name in CHECK_KINDS[kind].model_fields if name.endswith("parameter")):
        check = CHECK_KINDS[kind].model_construct(**{name: "p_" + name})
        assert check.parameter_names() == {"p_" + name}


@pytest.mark.parametrize("pack_name", ["tromso", "vest"])
def test_no_bundled_rule_is_required_on_a_number_the_text_does_not_state(pack_name):
    pack = load_pack(pack_name)
    for rule in pack.rules:
        effective = pack.severity_of(rule)
        if pack.unconfirmed(rule):
            assert effective.rank <= Severity.recommended.rank, rule.id
        else:
            assert effective is rule.severity, rule.id


def test_a_number_stated_in_the_text_keeps_the_rule_required():
    pack = load_pack("tromso")
    rule = pack.rule("tro-utviklingssamtale-holdt-to-ganger")
    [threshold] = pack.thresholds(rule)
    assert threshold.origin == "text" and threshold.confirmed and "to ganger" in threshold.quote
    assert pack.severity_of(rule) is Severity.required
