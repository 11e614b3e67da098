"""A real Ctrl-C (SIGINT) sent to a running `policycheck check`: exit 130, no traceback, old report kept.

The in-process tests (test_privacy.py) raise KeyboardInterrupt at chosen places; this one
sends the signal to a separate process while it is reading a large log, as a user would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

SCHOOL = ROOT / "tests" / "data" / "logschool"
PROC = Path("/proc")


def big_log(path: Path, rows: int) -> None:
    lines = (f"m{n},2025-10-{1 + n % 28:02d},melding,S,1A,P1,kontaktlaerer,aula,," for n in range(rows))
    path.write_text("id,date,type,school,class,pupil,roles,channel,thread,flags\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")


def wait_until_reading(process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    """Block until the process has the log open, so the signal lands mid-run, not during start-up."""
    fds = PROC / str(process.pid) / "fd"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the check ended before it could be interrupted: {process.communicate()}")
        try:
            if any(os.readlink(fd) == str(log) for fd in fds.iterdir()):
                return
        except OSError:  # a descriptor closed while we looked
            pass
        time.sleep(0.005)
    pytest.fail("the check never opened the log")


@pytest.mark.skipif(not PROC.is_dir(), reason="needs /proc to see when the log is being read")
def test_sigint_while_reading_a_log_exits_130_and_keeps_the_previous_report(tmp_path):
    log = tmp_path / "log.csv"
    big_log(log, 400_000)
    report = tmp_path / "report.json"
    report.write_text("previous", encoding="utf-8")
    args = [sys.executable, "-m", "policycheck", "check", "-p", str(ROOT / "tests/data/logpack"),
            "--plan", str(SCHOOL / "plan.yaml"), "--log", str(log), "--format", "json", "-o", str(report)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_reading(process, log)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "interrupted" and "Traceback" not in stderr
    assert report.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv", "report.json"]
