"""The bundled packs are faithful to their documents, and their generated docs are current."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.reference import generated_docs

PACKS = bundled_pack_names()


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", PACKS)
def test_every_quote_is_verbatim_from_the_source_document(name):
    pack = load_pack(name)
    source = folded((ROOT / "policies" / name / "source.txt").read_text(encoding="utf-8"))
    wrong = [rule.id for rule in pack.rules if folded(rule.source.quote) not in source]
    assert wrong == [], f"quotes not found verbatim in policies/{name}/source.txt"


def test_committed_rule_reference_and_coverage_are_current():
    packs = [load_pack(name) for name in PACKS]
    for relative, content in generated_docs(packs).items():
        committed = ROOT / "docs" / relative
        assert committed.exists() and committed.read_text(encoding="utf-8") == content, \
            f"docs/{relative} is stale: run `policycheck docs`"


@pytest.mark.parametrize("name", PACKS)
def test_rules_encoding_one_statement_share_its_severity(name):
    """A plan rule and a log rule for the same statement bind equally: the severity is the statement's.

    Rules on one statement that rest on different numbers the text does not give (a parameter whose
    origin is not `text`) are different readings of it: "Rektor skal legge til rette" is required as a
    meeting plan agreed with FAU, while four meetings a year is the pack's reading, recommended.
    """
    pack = load_pack(name)
    severities: dict[tuple, set[str]] = {}
    for rule in pack.rules:
        readings = frozenset(parameter for parameter in rule.check.parameter_names()
                             if pack.meta.parameters[parameter].origin != "text")
        severities.setdefault((folded(rule.source.quote), readings), set()).add(rule.severity.value)
    assert {key: found for key, found in severities.items() if len(found) > 1} == {}
