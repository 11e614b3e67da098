"""The pack lint: a rule's severity and school part agree with its modal verb and its bearer,
and every parameter says where its number comes from."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ROOT, run_cli

from policycheck.errors import InputError
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.models.common import Severity
from policycheck.models.duty import Bearer, Modal, SchoolPart, duty_problems, severity_ceiling

MINIPACK = ROOT / "tests" / "data" / "minipack"


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def minipack_with(tmp_path, old: str, new: str):
    folder = tmp_path / "pack"
    shutil.copytree(MINIPACK, folder)
    rules = folder / "rules" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert old in text
    rules.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_required_rule_whose_bearer_is_the_parents_is_refused_at_its_line(tmp_path):
    folder = minipack_with(tmp_path, "    modal: indikativ\n    bearer: school\n    school_part: does\n",
                           "    modal: indikativ\n    bearer: parents\n    school_part: communicates\n")
    with pytest.raises(InputError) as caught:
        load_pack(str(folder))
    [problem] = caught.value.problems
    assert problem.line == 8 and problem.file.endswith("rules.yaml")
    assert "rule 'mini-kontaktlaerer'" in problem.message
    assert "severity 'required' is above 'recommended'" in problem.message and "bearer 'parents'" in problem.message


def test_a_severity_above_the_modal_ceiling_is_refused(tmp_path):
    folder = minipack_with(tmp_path, "    modal: skal\n", "    modal: bør\n")
    with pytest.raises(InputError) as caught:
        load_pack(str(folder))
    assert "above 'recommended' (modal 'bør'" in caught.value.problems[0].message


def test_the_school_part_must_match_the_bearer(tmp_path):
    folder = minipack_with(tmp_path, "    bearer: school\n    school_part: does\n",
                           "    bearer: school\n    school_part: communicates\n")
    with pytest.raises(InputError) as caught:
        load_pack(str(folder))
    assert "school_part must be 'does'" in caught.value.problems[0].message


@pytest.mark.parametrize("modal", list(Modal))
@pytest.mark.parametrize("bearer", list(Bearer))
def test_the_ceiling_is_the_lower_of_the_modal_and_the_bearer(modal, bearer):
    ceiling = severity_ceiling(modal, bearer)
    assert ceiling.rank <= (3 if bearer.is_school else 2)
    part = SchoolPart.does if bearer.is_school else SchoolPart.communicates
    for severity in Severity:
        allowed = not duty_problems(modal, bearer, part, severity)
        assert allowed == (severity.rank <= ceiling.rank)


@pytest.mark.parametrize("name", bundled_pack_names())
def test_a_parameter_from_the_text_quotes_it_verbatim(name):
    pack = load_pack(name)
    source = folded((ROOT / "policies" / name / "source.txt").read_text(encoding="utf-8"))
    quoted = {key: p.quote for key, p in pack.meta.parameters.items() if p.origin == "text"}
    assert quoted, "each bundled pack has numbers its text states"
    assert [key for key, quote in quoted.items() if folded(quote) not in source] == []


PARENTS_REQUIRED = ("    modal: forventning\n    bearer: parents\n    school_part: communicates\n    severity: advisory\n",
                    "    modal: skal\n    bearer: parents\n    school_part: communicates\n    severity: required\n")


@pytest.mark.parametrize("command", [["test", "{pack}"], ["validate", "{pack}"], ["validate", "{pack}/pack.yaml"],
                                     ["validate", "{pack}/rules/rules.yaml"]])
def test_test_and_validate_refuse_a_required_rule_of_the_parents_with_its_location(tmp_path, command):
    folder = minipack_with(tmp_path, *PARENTS_REQUIRED)
    result = run_cli(*(part.format(pack=folder) for part in command))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"{folder}/rules/rules.yaml:39:15: rule 'mini-lytter': severity 'required' is above "
                                     "'recommended' (bearer 'parents' is not the school; see docs/pack-format.md)")


def test_validate_accepts_the_bundled_packs_as_folders():
    result = run_cli("validate", str(ROOT / "policies" / "tromso"), str(ROOT / "policies" / "vest"))
    assert result.exit_code == 0 and result.stdout.count(": ok (pack)") == 2


def test_a_remembered_pack_is_read_again_when_a_file_changes_and_is_never_shared(tmp_path):
    """load_pack remembers a parsed pack; an edited file is read anew, and no caller sees another's changes."""
    import shutil

    from policycheck.loading.packs import load_pack

    pack_dir = tmp_path / "pack"
    shutil.copytree(ROOT / "tests" / "data" / "minipack", pack_dir)
    first = load_pack(str(pack_dir))
    first.parameters["samtaler_per_ar"] = 99  # what an override file does to the pack it extends
    assert load_pack(str(pack_dir)).parameters["samtaler_per_ar"] == 2
    rules = pack_dir / "rules" / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("Kontaktlærer er oppgitt", "Kontaktlæreren er oppgitt"),
                     encoding="utf-8")
    assert load_pack(str(pack_dir)).rule("mini-kontaktlaerer").title["nb"] == "Kontaktlæreren er oppgitt"
