"""The pre-commit hooks file and the per-file check hook."""

from __future__ import annotations

import yaml

from conftest import ROOT
from policycheck import precommit


def test_hooks_file_names_both_hooks():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["policycheck", "policycheck-check"]


def test_check_hook_runs_each_plan_and_keeps_the_worst_exit_code(capsys):
    code = precommit.main(["--policy=tests/data/minipack", "--as-of=2025-09-01", "--fail-on=never",
                           "tests/data/plan-gaps.yaml", "tests/data/municipality/skole-03/plan.yaml"])
    assert code == 2  # the second plan is broken
    assert "Testskolen" in capsys.readouterr().out
