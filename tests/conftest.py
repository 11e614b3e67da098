"""Shared test helpers: paths to test data, golden files, and running the CLI in-process."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from policycheck import api
from policycheck.cli import run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"
MINIPACK = DATA / "minipack"
PLAN = "tests/data/plan-gaps.yaml"
AS_OF = dt.date(2025, 9, 1)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Result:
    """Run the CLI through its error boundary and capture exit code, stdout and stderr."""
    runner = CliRunner()
    with runner.isolation() as streams:
        code = run([str(arg) for arg in args])
        stdout, stderr = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    return Result(code, stdout, stderr)


@pytest.fixture
def invoke():
    """`run_cli` as a fixture giving (exit code, stdout, stderr)."""
    def run_(*args) -> tuple[int, str, str]:
        result = run_cli(*args)
        return result.exit_code, result.stdout, result.stderr
    return run_


@pytest.fixture
def minireport():
    """The minipack report of tests/data/plan-gaps.yaml, with any CheckRequest options."""
    def make(language: str | None = None, **options):
        return api.run_check(api.CheckRequest(policy=str(MINIPACK), plan=Path(PLAN), as_of=AS_OF,
                                              language=language, **options))
    return make


def assert_golden(name: str | Path, actual: str) -> None:
    """Compare with a golden file (a name under tests/golden/, or a path); POLICYCHECK_UPDATE_GOLDEN=1 rewrites it.

    Files are compared byte for byte (no newline translation: CSV golden files keep their CRLF).
    """
    path = name if isinstance(name, Path) else GOLDEN / name
    if os.environ.get("POLICYCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(actual)
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; run with POLICYCHECK_UPDATE_GOLDEN=1 to create it")
    with open(path, encoding="utf-8", newline="") as stream:
        assert actual == stream.read(), f"output differs from {path} (POLICYCHECK_UPDATE_GOLDEN=1 to accept)"


@pytest.fixture(autouse=True, scope="session")
def _holiday_cache_in_tmp(tmp_path_factory):
    """Keep the suite (and the processes it starts) off the real ~/.cache: the holiday cache writes here."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLICYCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    """Paths in reports are as given on the command line: run from the repository root, outside GitHub Actions."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def data() -> Path:
    """The test data folder."""
    return DATA
