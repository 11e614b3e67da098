"""The process settings of `policycheck` and of each audit worker (policycheck.runtime)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from policycheck.audit import run as audit_run
from policycheck.runtime import YOUNG_THRESHOLD, settle_process


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def young_threshold(_job: object) -> int:
    return gc.get_threshold()[0]


def test_settle_process_freezes_what_is_loaded_and_raises_the_young_threshold(restored_collector):
    middle, old = gc.get_threshold()[1:]
    settle_process()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (YOUNG_THRESHOLD, middle, old)


REPORT_AT_EXIT = "import atexit, gc; atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count() > 0)); "


@pytest.mark.parametrize("entry", [
    "import sys; sys.argv = ['policycheck', '--version']; from policycheck.cli import main; main()",
    "import runpy, sys; sys.argv = ['policycheck-check']; runpy.run_module('policycheck.precommit', run_name='__main__')",
], ids=["policycheck", "pre-commit hook"])
def test_each_command_settles_its_process(entry):
    result = subprocess.run([sys.executable, "-c", REPORT_AT_EXIT + entry], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [str(YOUNG_THRESHOLD), "True"]


def test_each_audit_worker_settles_its_process(monkeypatch, restored_collector):
    gc.set_threshold(700, *gc.get_threshold()[1:])  # CPython's default here: a forked worker inherits it unless settled
    monkeypatch.setattr(audit_run, "check_school", young_threshold)
    assert audit_run.map_schools([Path("a"), Path("b")], 2, lambda: None) == [YOUNG_THRESHOLD] * 2
