"""Overrides with a direction: pack, then the municipality's override, then a school's own file;
a lower level may tighten what it inherits, never loosen it unless the level that set it allows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from policycheck.api import CheckRequest, run_check
from policycheck.checks.composite import NotCheck, _Composite
from policycheck.checks.compare import CompareCheck
from policycheck.checks.count import CountCheck
from policycheck.errors import InputError, UsageError
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.resources import bundled_packs_dir

KOMMUNE = """kind: policy-override
extends: tromso
parameters:
  svarfrist_virkedager: {value: 2, decided_by: Oppvekstutvalget, reference: PS 12/2025, date: 2025-03-01}
  fau_moter_per_ar: 5
rules:
  tro-svar-paa-henvendelser: {severity: required, reason: Kommunen krever svar innen fristen}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def school(folder: Path, body: str, above: str = "kommune.yaml") -> Path:
    return write(folder, "skole.yaml", f"kind: policy-override\nextends: ./{above}\n{body}")


@pytest.fixture
def kommune(tmp_path) -> Path:
    return write(tmp_path, "kommune.yaml", KOMMUNE)


def refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_pack(str(path))
    return str(caught.value)


def test_a_school_lowering_a_municipal_minimum_is_refused_naming_both_files(kommune):
    path = school(kommune.parent, "parameters:\n  fau_moter_per_ar: 3\n")
    message = refusal(path)
    assert f"{path}:4:3: parameter 'fau_moter_per_ar': 3 loosens the 5 set in {kommune}:5" in message
    assert "may only raise it: the parameter is at least" in message
    assert f"{kommune} may allow it with 'allow_loosening: [fau_moter_per_ar]'" in message


def test_a_school_raising_a_municipal_minimum_is_accepted(kommune):
    pack = load_pack(str(school(kommune.parent, "parameters:\n  fau_moter_per_ar: 6\n")))
    assert pack.parameters["fau_moter_per_ar"] == 6


def test_a_deadline_may_be_shortened_below_but_not_lengthened(kommune):
    assert load_pack(str(school(kommune.parent, "parameters:\n  svarfrist_virkedager: 1\n"))).parameters["svarfrist_virkedager"] == 1
    message = refusal(school(kommune.parent, "parameters:\n  svarfrist_virkedager: 3\n"))
    assert "3 loosens the 2 set in" in message and "may only lower it: the parameter is at most" in message


def test_a_value_the_municipality_left_as_the_pack_has_it_is_a_floor_too(kommune):
    message = refusal(school(kommune.parent, "parameters:\n  foreldremoter_per_ar: 1\n"))
    assert f"1 loosens the 2 set in {bundled_packs_dir() / 'tromso' / 'pack.yaml'}" in message  # installed or not
    assert f"{kommune} may set it and allow it with 'allow_loosening: [foreldremoter_per_ar]'" in message


def test_an_explicitly_allowed_loosening_passes(kommune):
    write(kommune.parent, "kommune.yaml", KOMMUNE + "allow_loosening: [fau_moter_per_ar]\n")
    pack = load_pack(str(school(kommune.parent, "parameters:\n  fau_moter_per_ar: 3\n")))
    assert pack.parameters["fau_moter_per_ar"] == 3


def test_an_allowance_reaches_back_only_to_the_level_that_gave_it(kommune):
    """The school lets its classes loosen what it tightened, but not below what the municipality set."""
    school(kommune.parent, "parameters:\n  fau_moter_per_ar: 7\nallow_loosening: [fau_moter_per_ar]\n")
    klasse = write(kommune.parent, "klasse.yaml", "kind: policy-override\nextends: ./skole.yaml\nparameters:\n"
                                                  "  fau_moter_per_ar: 6\n")
    assert load_pack(str(klasse)).parameters["fau_moter_per_ar"] == 6
    klasse.write_text(klasse.read_text(encoding="utf-8").replace("6", "4"), encoding="utf-8")
    assert f"4 loosens the 5 set in {kommune}:5" in refusal(klasse)


def test_a_school_may_raise_a_severity_but_not_lower_it_or_disable_the_rule(kommune):
    raised = load_pack(str(school(kommune.parent, "rules:\n  tro-fau-moter-holdt: {severity: required, reason: Skolen vil}\n")))
    assert raised.rule("tro-fau-moter-holdt").severity.value == "required"
    lowered = refusal(school(kommune.parent, "rules:\n  tro-svar-paa-henvendelser: {severity: advisory, reason: Travelt}\n"))
    assert f"rule 'tro-svar-paa-henvendelser': severity advisory loosens the required set in {kommune}:7" in lowered
    disabled = refusal(school(kommune.parent, "rules:\n  tro-fau-moter-holdt: {disabled: Vi har ikke FAU}\n"))
    assert "rule 'tro-fau-moter-holdt': disabling it loosens the rule" in disabled


def test_an_allowed_disabling_passes(kommune):
    write(kommune.parent, "kommune.yaml", KOMMUNE + "allow_loosening: [tro-svar-paa-henvendelser]\n")
    pack = load_pack(str(school(kommune.parent, "rules:\n  tro-svar-paa-henvendelser: {disabled: Loggen kommer til høsten}\n")))
    assert pack.rule("tro-svar-paa-henvendelser") is None


def test_the_municipality_over_the_pack_keeps_its_freedom_within_the_bounds(tmp_path):
    """The first level may set any value within the pack's minimum and maximum (the law's floor)."""
    pack = load_pack(str(write(tmp_path, "kommune.yaml", "kind: policy-override\nextends: tromso\nparameters:\n"
                                                          "  fau_moter_per_ar: 2\n")))
    assert pack.parameters["fau_moter_per_ar"] == 2


def test_allow_loosening_names_only_what_the_file_sets(tmp_path):
    path = write(tmp_path, "kommune.yaml", KOMMUNE + "allow_loosening: [fau_moter_per_ar, elevsamtaler_per_ar]\n")
    assert f"{path}:8:37: allow_loosening: 'elevsamtaler_per_ar' is not set in this file" in refusal(path)


def test_a_bare_file_name_in_extends_is_the_file_beside_this_one(kommune, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path.parent)  # not the folder of the files: the name is read beside the override file
    path = school(kommune.parent, "parameters:\n  fau_moter_per_ar: 6\n").read_text(encoding="utf-8")
    bare = write(kommune.parent, "skole.yaml", path.replace("extends: ./kommune.yaml", "extends: kommune.yaml"))
    assert load_pack(str(bare)).parameters["fau_moter_per_ar"] == 6


def test_a_chain_that_comes_back_to_itself_is_refused(tmp_path):
    write(tmp_path, "a.yaml", "kind: policy-override\nextends: ./b.yaml\n")
    write(tmp_path, "b.yaml", "kind: policy-override\nextends: ./a.yaml\n")
    with pytest.raises(UsageError, match="'extends' leads back to this file"):
        load_pack(str(tmp_path / "a.yaml"))


def test_the_cli_refuses_a_loosening_with_exit_2(kommune):
    path = school(kommune.parent, "parameters:\n  svarfrist_virkedager: 5\n")
    result = run_cli("validate", path)
    assert result.exit_code == 2 and "5 loosens the 2 set in" in result.stderr and "Traceback" not in result.stderr


def test_the_report_lists_the_chain_level_by_level(kommune):
    path = school(kommune.parent, "parameters:\n  fau_moter_per_ar: 6\n")
    report = run_check(CheckRequest(policy=str(path), plan=ROOT / "examples" / "tromso-fjellvegen" / "plan.yaml"))
    overrides = report.policy.overrides
    assert overrides[0] == f"level 1: {kommune} extends pack tromso"
    assert overrides[4] == f"level 2: {path} extends ./kommune.yaml"
    assert overrides[5] == f"parameter fau_moter_per_ar: 5 -> 6, no decision recorded ({path}:4)"
    assert [line.split(":")[0] for line in overrides] == ["level 1", "parameter svarfrist_virkedager", "parameter fau_moter_per_ar",
                                                          "rule tro-svar-paa-henvendelser", "level 2", "parameter fau_moter_per_ar"]


def test_the_audit_lists_the_chain(kommune, tmp_path):
    path = school(kommune.parent, "parameters:\n  fau_moter_per_ar: 6\n")
    schools = tmp_path / "schools" / "fjellvegen"
    schools.mkdir(parents=True)
    (schools / "plan.yaml").write_text((ROOT / "examples" / "tromso-fjellvegen" / "plan.yaml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    result = run_cli("audit", schools.parent, "--policy", path, "-j", "1", "--lang", "en", "--format", "markdown")
    section = result.stdout.split("## Overrides")[1].replace("\\", "")  # markdown escapes the underscores
    assert f"level 2: {path} extends ./kommune.yaml" in section and f"({path}:4)" in section


STRICTER_WHEN = {">=": "at_least", ">": "at_least", "<=": "at_most", "<": "at_most"}
FLIPPED = {"at_least": "at_most", "at_most": "at_least"}


def used_directions(check, flipped: bool = False) -> list[tuple[str, str]]:
    """(parameter, direction) as the check uses it: a plan value compared with '<=' or a count's max is a ceiling."""
    if isinstance(check, _Composite):
        return [pair for part in check.parts() for pair in used_directions(part, flipped != isinstance(check, NotCheck))]
    found = []
    if isinstance(check, CompareCheck) and check.parameter and check.op in STRICTER_WHEN:
        found.append((check.parameter, STRICTER_WHEN[check.op]))
    if isinstance(check, CountCheck):
        found += [(name, way) for name, way in ((check.min_parameter, "at_least"), (check.max_parameter, "at_most")) if name]
    return [(name, FLIPPED[way] if flipped else way) for name, way in found]


@pytest.mark.parametrize("name", bundled_pack_names())
def test_the_bundled_packs_declare_a_direction_for_every_number_as_their_rules_use_it(name):
    pack = load_pack(name)
    numbers = {key for key, parameter in pack.meta.parameters.items()
               if isinstance(parameter.default, (int, float)) and not isinstance(parameter.default, bool)}
    assert {key for key in numbers if pack.meta.parameters[key].direction is None} == set()
    used = [pair for rule in pack.rules for pair in used_directions(rule.check)]
    assert used and all(pack.meta.parameters[key].direction == way for key, way in used), used


def test_a_direction_on_a_text_parameter_is_refused():
    from pydantic import ValidationError
    from policycheck.models.pack import Parameter
    with pytest.raises(ValidationError, match="'direction' is for a number"):
        Parameter(default="aula", unit="text", origin="tool-setting", description={"en": "x"}, rationale={"en": "x"},
                  direction="at_least")
