"""An override file extends a pack without editing it, and the report says what changed."""

from __future__ import annotations

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
  mini-lytter: {severity: required}
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
    assert pack.rule("mini-lytter").severity.value == "required"
    assert len(pack.overrides) == 3 and pack.overrides[0].startswith("parameter samtaler_per_ar: 2 -> 1 (")


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
