"""`policycheck catalog`: each bundled pack as an OSCAL catalog that NIST's published schema
accepts, with every rule a control carrying its verbatim quote; the controls the assessment
results (`--format oscal`) name."""

from __future__ import annotations

import json

import pytest

from policycheck.loading.packs import load_pack
from test_reports_oscal import OSCAL_SCHEMAS, schema_errors

CATALOG_SCHEMA = json.loads((OSCAL_SCHEMAS / "oscal_catalog_schema.json").read_text())


def _catalog(invoke, pack: str) -> dict:
    code, out, err = invoke("catalog", "--policy", pack)
    assert code == 0, err
    return json.loads(out)["catalog"]


def _controls(catalog: dict) -> dict[str, dict]:
    return {control["id"]: control for group in catalog["groups"] for control in group["controls"]}


@pytest.mark.parametrize("pack", ["tromso", "vest"])
def test_the_catalog_validates_and_holds_every_rule_with_its_quote(invoke, pack):
    catalog = _catalog(invoke, pack)
    assert schema_errors({"catalog": catalog}, CATALOG_SCHEMA) == []
    rules = load_pack(pack).rules
    controls = _controls(catalog)
    assert list(controls) == [rule.id for rule in rules]
    for rule in rules:
        statement = next(part for part in controls[rule.id]["parts"] if part["name"] == "statement")
        assert statement == {"id": f"{rule.id}_smt", "name": "statement", "prose": rule.source.quote}


def test_sections_are_groups_titled_as_the_document_heads_them(invoke):
    groups = {group["id"]: group["title"] for group in _catalog(invoke, "tromso")["groups"]}
    assert groups["s-3.3"] == "3.3. Utviklingssamtaler"
    assert list(groups)[:2] == ["s-forord", "s-1"]


def test_parameters_carry_their_value_and_origin(invoke):
    params = {param["id"]: param for param in _catalog(invoke, "tromso")["params"]}
    talks = params["utviklingssamtaler_per_ar"]
    assert talks["values"] == ["2"]
    assert {prop["name"]: prop["value"] for prop in talks["props"]}["origin"] == "text"


def test_the_controls_are_the_targets_the_assessment_results_name(invoke):
    controls = set(_controls(_catalog(invoke, "tromso")))
    code, out, _ = invoke("check", "--policy", "tromso", "--plan", "examples/tromso-fjellvegen/plan.yaml",
                          "--format", "oscal")
    targets = {finding["target"]["target-id"] for finding in json.loads(out)["assessment-results"]["results"][0]["findings"]}
    assert targets and targets <= controls


def test_the_same_pack_gives_the_same_catalog(invoke):
    assert _catalog(invoke, "vest") == _catalog(invoke, "vest")
