"""Each pack's plan schema: committed and current, shipped, met by the example plans and by a moved
`init` scaffold (as check-jsonschema and the YAML language server read it), strict where the vocabulary is."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, run_cli

from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.loading.yamlfile import load_yaml, to_json_compatible
from policycheck.plan_schema import plan_schema_name, plan_schema_text
from policycheck.resources import schemas_dir

EXAMPLES = {"tromso": "examples/tromso-fjellvegen/plan.yaml", "vest": "examples/vest-engskolen/plan.yaml"}
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def _validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")),
                                           format_checker=jsonschema.FormatChecker())


def _errors(schema_path: Path, plan: Path) -> list[str]:
    data = to_json_compatible(load_yaml(plan).data)
    return [f"{list(error.absolute_path)}: {error.message}" for error in _validator(schema_path).iter_errors(data)]


@pytest.mark.parametrize("name", bundled_pack_names())
def test_committed_plan_schema_is_current_and_shipped(name):
    pack = load_pack(name)
    committed = ROOT / "schemas" / plan_schema_name(pack)
    assert committed.read_text(encoding="utf-8") == plan_schema_text(pack), "stale: run `policycheck schemas`"
    assert (schemas_dir() / plan_schema_name(pack)).is_file()  # the wheel carries schemas/ as policycheck/_data/schemas


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_plans_validate_against_their_packs_schema(name):
    assert _errors(ROOT / "schemas" / f"plan-{name}.schema.json", ROOT / EXAMPLES[name]) == []


@pytest.mark.parametrize("name", bundled_pack_names())
def test_an_init_scaffold_moved_to_another_folder_still_validates(name, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    assert run_cli("init", "-p", name, "-o", str(first / "plan.yaml")).exit_code == 0
    moved = tmp_path / "elsewhere" / "repo"
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    plan = moved / "plan.yaml"
    (reference,) = MODELINE.findall(plan.read_text())
    schema = plan.parent / reference  # resolved against the plan, as the language server does
    assert schema.is_file() and "site-packages" not in reference and not Path(reference).is_absolute()
    assert _errors(schema, plan) == []


def test_a_printed_scaffold_names_the_schema_by_url():
    (reference,) = MODELINE.findall(run_cli("init", "-p", "vest").stdout)
    assert reference == "https://policycheck.dev/schemas/plan-vest.schema.json"
    assert json.loads((ROOT / "schemas" / "plan-vest.schema.json").read_text())["$id"] == reference


def _schema_errors_with(name: str, path: str, value, tmp_path: Path) -> list[str]:
    data = yaml.safe_load((ROOT / EXAMPLES[name]).read_text())
    node = data
    *parents, leaf = path.split(".")
    for part in parents:
        node = node[part]
    node[leaf] = value
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True))
    return _errors(ROOT / "schemas" / f"plan-{name}.schema.json", plan)


def test_a_closed_vocabulary_is_an_enum_the_schema_enforces(tmp_path):
    assert _schema_errors_with("tromso", "forventninger_til_foreldre.punkter", [{"tema": "hilsse"}], tmp_path) != []
    assert _schema_errors_with("tromso", "forventninger_til_foreldre.punkter", [{"tema": "hilser på elever og andre voksne"}], tmp_path) == []


def test_the_schema_takes_the_documents_words_ja_nei_and_ingen(tmp_path):
    assert _schema_errors_with("tromso", "foreldremoter.dialogbasert", "ja", tmp_path) == []
    assert _schema_errors_with("tromso", "gratisprinsippet.egenandeler", "ingen", tmp_path) == []
    assert _schema_errors_with("tromso", "foreldremoter.dialogbasert", "kanskje", tmp_path) != []
    assert _schema_errors_with("vest", "foraeldremoeder.start_af_skoleaaret_uge", "uge 34", tmp_path) == []
    assert _schema_errors_with("vest", "foraeldremoeder.start_af_skoleaaret_uge", 60, tmp_path) != []


def test_descriptions_are_in_the_packs_language_with_the_source_quote():
    schema = json.loads((ROOT / "schemas" / "plan-vest.schema.json").read_text())
    question = schema["properties"]["skole_hjemsamtaler"]["properties"]["dagsorden"]
    assert question["description"].startswith("Hvad er på dagsordenen ved skole/hjemsamtalen?")
    assert "§Den enkelte elev: «" in question["description"]
    assert question["anyOf"][0]["items"]["anyOf"][0] == {"$ref": "#/$defs/vocabulary-dagsorden-samtale"}
    enum = schema["$defs"]["vocabulary-dagsorden-samtale"]["anyOf"][0]["enum"]
    assert {"evaluering-af-skolegangen", "evaluering af elevens skolegang"} <= set(enum)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_plans_name_their_packs_schema(name):
    plan = ROOT / EXAMPLES[name]
    (reference,) = MODELINE.findall(plan.read_text())
    assert (plan.parent / reference).resolve() == (ROOT / "schemas" / f"plan-{name}.schema.json").resolve()
