"""Shared fixtures: the minipack report, golden files, and running the CLI in-process."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from policycheck import api, cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"
AS_OF = dt.date(2025, 9, 1)
MINIPACK = "tests/data/minipack"
PLAN = "tests/data/plan-gaps.yaml"


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    """Relative paths in reports, as a user running from the repository root would see."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def minireport():
    def make(language: str | None = None, **options):
        return api.run_check(api.CheckRequest(policy=MINIPACK, plan=Path(PLAN), as_of=AS_OF, language=language,
                                              **options))
    return make


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; POLICYCHECK_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("POLICYCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(actual)
        return
    assert path.exists(), f"no golden file {path}; run with POLICYCHECK_UPDATE_GOLDEN=1"
    with open(path, encoding="utf-8", newline="") as stream:
        assert actual == stream.read(), f"{name} differs from the golden file"


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run `policycheck ARGS` in-process: (exit code, stdout, stderr)."""
    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["policycheck", *map(str, args)])
        code = 0
        try:
            cli.main()
        except SystemExit as exit_:
            code = exit_.code or 0
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run
