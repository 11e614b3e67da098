"""Atomic writes leave files with the usual permissions (not mkstemp's 0600)."""

from __future__ import annotations

import os
import stat

from policycheck.output import write_atomic


def test_written_file_follows_the_umask(tmp_path):
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.html", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644
