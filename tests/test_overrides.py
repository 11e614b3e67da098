"""An override file extends a pack without editing it, and the report says what changed."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA, MINIPACK, run_cli

from policycheck.errors import InputError, UsageError
from policycheck.loading.packs import load_pack

OVERRIDE = """kind: policy-override
extends: ./minipack
parameters:
  samtaler_per_ar: 1
rules:
  mini-pc: {disabled: Ikke aktuelt hos oss}
  mini-kanal: {severity: recommended, reason: Kommunen vil ha faste kanaler}
"""

DECIDED = """kind: policy-override
extends: ./minipack
parameters:
  samtaler_per_ar: {value: 3, decided_by: Oppvekstutvalget, reference: PS 12/2025, date: 2025-03-01}
"""


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(MINIPACK, tmp_path / "minipack")
    return tmp_path


def write(folder, text):
    path = folder / "kommune.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_override_changes_parameter_severity_and_disables(folder):
    pack = load_pack(str(write(folder, OVERRIDE)))
    assert pack.parameters["samtaler_per_ar"] == 1
    assert pack.rule("mini-pc") is None
    assert pack.rule("mini-kanal").severity.value == "recommended"
    assert len(pack.overrides) == 3
    assert pack.overrides[0].startswith("parameter samtaler_per_ar: 2 -> 1, no decision recorded (")
    assert pack.overrides[2].startswith("rule mini-kanal: severity advisory -> recommended: Kommunen vil ha faste kanaler (")


def test_report_shows_overrides_and_the_changed_outcome(folder):
    result = run_cli("check", "-p", str(write(folder, OVERRIDE)), "--plan", str(DATA / "plan-gaps.yaml"),
                     "--as-of", "2025-09-01", "--lang", "en")
    assert "Overrides applied: parameter samtaler_per_ar: 2 -> 1" in result.stdout
    assert "mini-pc" not in result.stdout.split("Overrides applied")[1].split("\n", 1)[1]
    assert "'samtaler.per_ar' is 1 (expected at least 1)" in result.stdout


@pytest.mark.parametrize("text, message", [
    (OVERRIDE.replace("samtaler_per_ar: 1", "samtaler_pr_ar: 1"), "unknown parameter 'samtaler_pr_ar' (did you mean 'samtaler_per_ar'?)"),
    (OVERRIDE.replace("samtaler_per_ar: 1", "samtaler_per_ar: to"), "parameter 'samtaler_per_ar': expected a value like the default 2, got 'to'"),
    (OVERRIDE.replace("mini-pc:", "mini-pcc:"), "unknown rule 'mini-pcc' (did you mean 'mini-pc'?)"),
])
def test_bad_override_is_located(folder, text, message):
    with pytest.raises(InputError) as caught:
        load_pack(str(write(folder, text)))
    assert message in str(caught.value) and "kommune.yaml:" in str(caught.value)


def test_extends_cannot_leave_the_override_folder(folder):
    with pytest.raises(UsageError, match="reaches outside"):
        load_pack(str(write(folder, OVERRIDE.replace("./minipack", "../../etc"))))


def finding(report, rule_id):
    return next(f for f in report.findings if f.rule_id == rule_id)


def test_a_number_the_text_does_not_state_caps_the_rule_at_recommended(minireport):
    samtaler = finding(minireport("en"), "mini-samtaler")
    assert (samtaler.severity.value, samtaler.pack_severity.value) == ("recommended", "required")
    assert samtaler.severity_note == ("required in the pack; at most recommended until the municipality "
                                      "confirms samtaler_per_ar by a decision in an override file")
    [threshold] = samtaler.thresholds
    assert (threshold.parameter, threshold.value, threshold.origin) == ("samtaler_per_ar", 2, "interpretation")
    assert threshold.note == "the threshold 2 (samtaler_per_ar) is the pack's reading of the text, not the document's words"


def test_a_recorded_decision_turns_the_rule_back_to_its_pack_severity(folder):
    pack = load_pack(str(write(folder, DECIDED)))
    threshold = pack.threshold("samtaler_per_ar")
    assert threshold.origin == "municipal-decision" and threshold.decision.reference == "PS 12/2025"
    assert pack.severity_of(pack.rule("mini-samtaler")).value == "required"
    assert "decided by Oppvekstutvalget (PS 12/2025, 2025-03-01)" in pack.overrides[0]


def test_a_plain_value_changes_the_number_but_stays_capped(folder):
    pack = load_pack(str(write(folder, OVERRIDE)))
    threshold = pack.threshold("samtaler_per_ar")
    assert threshold.value == 1 and threshold.decision is None and threshold.set_in.endswith("kommune.yaml:4")
    assert pack.severity_of(pack.rule("mini-samtaler")).value == "recommended"


@pytest.mark.parametrize("override, language, note", [
    (DECIDED, "nb", "[terskelen 3 (samtaler_per_ar) er vedtatt av Oppvekstutvalget (PS 12/2025, 2025-03-01)]"),
    (OVERRIDE, "en", "the threshold 1 (samtaler_per_ar) is the override file's value ("),
])
def test_the_report_says_where_the_number_of_a_gap_comes_from(folder, override, language, note):
    plan = folder / "plan.yaml"
    plan.write_text((DATA / "plan-gaps.yaml").read_text(encoding="utf-8").replace("per_ar: 1", "per_ar: 0"), encoding="utf-8")
    result = run_cli("check", "-p", str(write(folder, override)), "--plan", str(plan), "--as-of", "2025-09-01",
                     "--lang", language, "--format", "markdown")
    assert note in result.stdout.replace("\\", "")


def test_the_report_without_override_says_the_number_is_the_packs_reading(folder):
    result = run_cli("check", "-p", str(MINIPACK), "--plan", str(DATA / "plan-gaps.yaml"), "--as-of", "2025-09-01",
                     "--lang", "nb")
    line = result.stdout.split("mini-samtaler", 1)[1]
    assert "terskelen 2 (samtaler_per_ar) er pakkens tolkning av teksten, ikke dokumentets ord" in " ".join(line.split())


def test_an_override_cannot_raise_a_rule_above_its_modal_and_bearer(folder):
    text = OVERRIDE.replace("mini-kanal: {severity: recommended, reason: Kommunen vil ha faste kanaler}",
                            "mini-lytter: {severity: required, reason: Foreldre skal lytte}")
    with pytest.raises(InputError) as caught:
        load_pack(str(write(folder, text)))
    assert "kommune.yaml:7:3: rule 'mini-lytter': severity 'required' is above 'advisory'" in str(caught.value)


def test_a_decision_without_its_reference_is_located(folder):
    with pytest.raises(InputError) as caught:
        load_pack(str(write(folder, DECIDED.replace("reference: PS 12/2025, ", ""))))
    assert "kommune.yaml:4" in str(caught.value) and "reference" in str(caught.value)


def test_a_decided_number_makes_the_report_required_again(folder):
    result = run_cli("check", "-p", str(write(folder, DECIDED)), "--plan", str(DATA / "plan-gaps.yaml"),
                     "--as-of", "2025-09-01", "--format", "json", "--fail-on", "never")
    samtaler = next(f for f in json.loads(result.stdout)["findings"] if f["rule_id"] == "mini-samtaler")
    assert samtaler["severity"] == "required" and "pack_severity" not in samtaler and "severity_note" not in samtaler
    assert samtaler["thresholds"][0]["decision"] == {"decided_by": "Oppvekstutvalget", "reference": "PS 12/2025",
                                                     "date": "2025-03-01"}


def test_validate_reads_an_override_file_as_one(folder):
    assert run_cli("validate", str(write(folder, DECIDED))).stdout.endswith(": ok (override)\n")
    broken = run_cli("validate", str(write(folder, DECIDED.replace("reference: PS 12/2025, ", ""))))
    assert broken.exit_code == 2
    assert broken.stderr.strip().endswith("kommune.yaml:4:20: parameters.samtaler_per_ar: missing required key 'reference'")
