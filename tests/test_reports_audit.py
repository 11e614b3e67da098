"""Audit formats: golden output for a small municipality, escaping, and the page in a real browser."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import assert_golden
from policycheck.audit.run import AuditRequest, run_audit
from policycheck.reports.registry import AUDIT_REPORTERS

SCHOOLS = Path("tests/data/municipality")
HOSTILE = "<script>document.title='pwned'</script>"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def audit():
    return run_audit(AuditRequest(policy="tests/data/minipack", schools_dir=SCHOOLS, as_of=dt.date(2025, 9, 1), jobs=1))


@pytest.mark.parametrize("name", sorted(AUDIT_REPORTERS))
def test_golden_audit_output(name, audit):
    reporter = AUDIT_REPORTERS[name]
    assert_golden(f"municipality.{reporter.extension}", reporter.render_audit(audit))


def test_hostile_school_name_stays_text(audit):
    rendered = AUDIT_REPORTERS["html"].render_audit(audit)
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in rendered


def test_english_audit():
    english = run_audit(AuditRequest(policy="tests/data/minipack", schools_dir=SCHOOLS, as_of=dt.date(2025, 9, 1),
                                     jobs=1, language="en"))
    for name, reporter in AUDIT_REPORTERS.items():
        if name in ("table", "markdown", "csv", "html"):  # the formats with column headings
            assert "Folder" in reporter.render_audit(english) and "Mappe" not in reporter.render_audit(english)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium; .ci/run does this)")
def test_audit_page_in_headless_chromium(audit, tmp_path):
    page = tmp_path / "audit.html"
    page.write_text(AUDIT_REPORTERS["html"].render_audit(audit), encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
               "--dump-dom", page.as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
    assert '<svg class="heatmap"' in dom
    for school in audit.schools:
        assert f'id="school-{school.folder}"' in dom
    assert "<script" not in dom and "<img" not in dom  # the hostile name is text, not elements
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0]  # and no script ran
