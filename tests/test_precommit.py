"""The pre-commit hooks file and the per-file check hook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import MINIPACK, ROOT, run_cli
from policycheck import precommit


def test_hooks_file_names_both_hooks():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["policycheck", "policycheck-check"]


def test_check_hook_runs_each_plan_and_keeps_the_worst_exit_code(capsys):
    code = precommit.main(["--policy=tests/data/minipack", "--as-of=2025-09-01", "--fail-on=never",
                           "tests/data/plan-gaps.yaml", "tests/data/municipality/skole-03/plan.yaml"])
    assert code == 2  # the second plan is broken
    assert "Testskolen" in capsys.readouterr().out


def _hook(hook_id: str) -> list[str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(hook["entry"].split() for hook in hooks if hook["id"] == hook_id)


def _run_as_pre_commit(hook_id: str, args: list[str], files: list[str]) -> int:
    """pre-commit runs `entry args files`; here the entry's program is called in-process."""
    entry = _hook(hook_id)
    if entry[:3] == ["python", "-m", "policycheck.precommit"]:
        return precommit.main(entry[3:] + args + files)
    assert entry[0] == "policycheck"
    return run_cli(*entry[1:], *args, *files).exit_code


@pytest.fixture
def dash_folder(tmp_path, monkeypatch):
    """A repository whose top-level folder starts with '-', holding a plan with gaps."""
    (tmp_path / "-dash").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "plan-gaps.yaml", tmp_path / "-dash" / "plan.yaml")
    monkeypatch.chdir(tmp_path)
    return "-dash/plan.yaml"


def test_check_hook_checks_a_plan_whose_path_starts_with_a_dash(dash_folder, capsys):
    code = _run_as_pre_commit("policycheck-check", [f"--policy={MINIPACK}", "--as-of", "2025-09-01"], [dash_folder])
    assert code == 1 and "Testskolen" in capsys.readouterr().out


def test_validate_hook_validates_a_plan_whose_path_starts_with_a_dash(dash_folder):
    assert _run_as_pre_commit("policycheck", [], [dash_folder]) == 0
    Path(dash_folder).write_text("kind: skole-hjem-plan\nschool_year: [\n", encoding="utf-8")
    assert _run_as_pre_commit("policycheck", [], [dash_folder]) == 2


def test_options_and_plans_are_told_apart():
    assert precommit.split_arguments(["--policy", "tromso", "--redact", "-x/plan.yaml", "--", "--odd/plan.yaml"]) == (
        ["--policy", "tromso", "--redact"], ["-x/plan.yaml", "--odd/plan.yaml"])
    assert precommit.split_arguments(["-p", "vest", "--format=json", "plan.yaml"]) == (["-p", "vest", "--format=json"], ["plan.yaml"])


def test_no_doc_installs_from_a_registry_the_package_is_not_on():
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert [doc.name for doc in docs if "pip install policycheck" in doc.read_text(encoding="utf-8")] == []
