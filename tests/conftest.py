"""Shared test helpers: paths to test data and a CLI runner that goes through main()'s error boundary."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck.cli import run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"
MINIPACK = DATA / "minipack"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Result:
    """Run the CLI through its error boundary and capture exit code, stdout and stderr."""
    runner = CliRunner()
    with runner.isolation() as streams:
        code = run(list(args))
        stdout, stderr = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    return Result(code, stdout, stderr)


def assert_golden(name: str | Path, actual: str) -> None:
    """Compare with a golden file (a name under tests/golden/, or a path); POLICYCHECK_UPDATE_GOLDEN=1 rewrites it."""
    path = name if isinstance(name, Path) else GOLDEN / name
    if os.environ.get("POLICYCHECK_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; run with POLICYCHECK_UPDATE_GOLDEN=1 to create it")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (POLICYCHECK_UPDATE_GOLDEN=1 to accept)"


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    """Paths in reports are as given on the command line: run from the repository root."""
    monkeypatch.chdir(ROOT)
