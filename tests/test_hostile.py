"""Hostile and broken files: each ends in one located message and exit 2, never a traceback."""

from __future__ import annotations

import shutil
import time

import pytest
import yaml
from conftest import MINIPACK, ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.errors import InputError
from policycheck.loading.packs import load_pack
from policycheck.loading.plans import load_plan

HOSTILE = ROOT / "tests" / "hostile"
EXPECTED: dict[str, str] = yaml.safe_load((HOSTILE / "expected.yaml").read_text(encoding="utf-8"))
# A guard against a hang (an alias bomb expanding without end), not a speed target: speed is
# measured by benchmarks/. Even on a shared, loaded machine a refusal takes seconds, not a minute.
HANG_SECONDS = 60


def assert_clean_refusal(result, file) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stderr.startswith(str(file)), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_corpus_is_complete():
    assert sorted(EXPECTED) == sorted(p.name for p in HOSTILE.glob("*.yaml") if p.name != "expected.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_plan(name):
    started = time.monotonic()
    result = run_cli("check", "-p", str(MINIPACK), "--plan", str(HOSTILE / name))
    assert_clean_refusal(result, HOSTILE / name)
    assert result.stderr.startswith(f"{HOSTILE / name}{'' if EXPECTED[name].startswith(':') else ':'}{EXPECTED[name]}")
    assert time.monotonic() - started < HANG_SECONDS


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_pack_metadata(name, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINIPACK, pack)
    shutil.copy(HOSTILE / name, pack / "pack.yaml")
    assert_clean_refusal(run_cli("rules", "-p", str(pack)), pack / "pack.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_rules_file(name, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINIPACK, pack)
    shutil.copy(HOSTILE / name, pack / "rules" / "zz.yaml")
    assert_clean_refusal(run_cli("rules", "-p", str(pack)), pack / "rules" / "zz.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_override_file(name, tmp_path):
    override = tmp_path / "override.yaml"
    shutil.copy(HOSTILE / name, override)
    assert_clean_refusal(run_cli("rules", "-p", str(override)), override)


def test_eight_megabyte_line_is_refused_by_size(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("school: {name: '" + "x" * 8_000_000 + "'}\n")
    result = run_cli("check", "-p", str(MINIPACK), "--plan", str(plan))
    assert_clean_refusal(result, plan)
    assert "over the limit of 5,242,880 bytes" in result.stderr


def test_tag_payload_never_runs(tmp_path):
    marker = tmp_path / "pwned"
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"school: !!python/object/apply:os.system ['touch {marker}']\n")
    run_cli("check", "-p", str(MINIPACK), "--plan", str(plan))
    assert not marker.exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(alphabet="school:name -[]{}'\"&*!|>#\n\t\x00ø", max_size=120).map(str.encode))
def test_any_bytes_as_a_plan_load_or_raise_input_error(tmp_path, data):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(data)
    pack = load_pack(str(MINIPACK))
    try:
        load_plan(plan, pack)
    except InputError as error:
        assert all(problem.file == str(plan) for problem in error.problems)
