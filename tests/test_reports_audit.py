"""Audit formats: golden output for a small municipality, escaping, and the page in a real browser."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, SKIP_REASON, assert_fits_the_screen
from conftest import ROOT, assert_golden
from policycheck.audit.run import AuditRequest, run_audit
from policycheck.reports.registry import AUDIT_REPORTERS

SCHOOLS = Path("tests/data/municipality")
HOSTILE = "<script>document.title='pwned'</script>"


@pytest.fixture
def audit():
    return run_audit(AuditRequest(policy="tests/data/minipack", schools_dir=SCHOOLS, as_of=dt.date(2025, 9, 1), jobs=1))


@pytest.mark.parametrize("name", sorted(AUDIT_REPORTERS))
def test_golden_audit_output(name, audit):
    reporter = AUDIT_REPORTERS[name]
    assert_golden(f"municipality.{reporter.extension}", reporter.render_audit(audit))


def test_hostile_school_name_stays_text(audit):
    rendered = AUDIT_REPORTERS["html"].render_audit(audit)
    assert rendered.count("<script") == 1 and "<img" not in rendered  # the one script is the table sorter
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in rendered


def test_english_audit():
    english = run_audit(AuditRequest(policy="tests/data/minipack", schools_dir=SCHOOLS, as_of=dt.date(2025, 9, 1),
                                     jobs=1, language="en"))
    for name, reporter in AUDIT_REPORTERS.items():
        if name in ("table", "markdown", "csv", "html"):  # the formats with column headings
            assert "Folder" in reporter.render_audit(english) and "Mappe" not in reporter.render_audit(english)


@pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)
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
    assert dom.count("<script") == 1 and "<img" not in dom  # the hostile name is text, not elements (one script: the sorter)
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0]  # and no script ran


def test_audit_page_leads_with_a_summary(audit):
    rendered = AUDIT_REPORTERS["html"].render_audit(audit)
    summary = rendered.split('<section class="summary"')[1].split("</section>")[0]
    assert rendered.index('<section class="summary"') < rendered.index('<svg class="heatmap"')
    compliant = sum(1 for s in audit.schools if s.error is None and not any(g.status.is_gap for g in s.gaps))
    assert f"Skoler som oppfyller alle regler: {compliant} av {len(audit.schools)}" in summary
    top = audit.most_common_gaps[0]
    title = next(rule.title for rule in audit.rules if rule.id == top.rule_id)
    assert f"{title}: {top.gaps} av {len(audit.schools)} skoler" in summary
    assert "--compare" in summary  # no earlier audit given: say how to get the change


def test_summary_charts_the_change_since_the_compared_audit(tmp_path, audit):
    earlier = tmp_path / "earlier.json"
    earlier.write_text(AUDIT_REPORTERS["json"].render_audit(audit), encoding="utf-8")
    later = run_audit(AuditRequest(policy="tests/data/minipack", schools_dir=SCHOOLS, as_of=dt.date(2025, 9, 1), jobs=1,
                                   compare=earlier))
    summary = AUDIT_REPORTERS["html"].render_audit(later).split('<section class="summary"')[1].split("</section>")[0]
    assert '<svg class="change"' in summary and "Gjennomsnittlig oppfyllelse:" in summary and "(+0 %)" in summary


def test_heatmap_groups_rules_by_source_section_with_a_drill_down(audit):
    rendered = AUDIT_REPORTERS["html"].render_audit(audit)
    sections = list(dict.fromkeys(rule.section for rule in audit.rules))
    heatmap = rendered.split('<svg class="heatmap"')[1].split("</svg>")[0]
    assert [f"§{section}" for section in sections] == [part.split("</text>")[0].split(">")[-1]
                                                     for part in heatmap.split("rotate(-45)")[1:]]
    assert rendered.count("<details>") == len(sections)
    assert '<ul class="legend"' in rendered and "✗ IKKE OPPFYLT" in rendered.split('<ul class="legend"')[1]


@pytest.fixture(scope="module")
def tromso_audit_page(tmp_path_factory):
    """Three copies of the Fjellvegen example audited against the 95 rules of the tromso pack."""
    schools = tmp_path_factory.mktemp("tromso-schools")
    for number in (1, 2, 3):
        shutil.copytree(ROOT / "examples" / "tromso-fjellvegen", schools / f"skole-{number}")
    result = run_audit(AuditRequest(policy="tromso", schools_dir=schools, as_of=dt.date(2026, 6, 1), jobs=1))
    assert len(result.rules) >= 90
    return AUDIT_REPORTERS["html"].render_audit(result)


@pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)
@pytest.mark.parametrize("width", [1280, 390])
def test_audit_page_of_a_big_pack_is_readable_in_chromium(tromso_audit_page, width, tmp_path):
    measured = assert_fits_the_screen(tromso_audit_page, width, tmp_path, "audit")
    assert measured["heatmapLabels"] > 0 and measured["heatmapLabelPx"] >= 10
    assert measured["sorted"]["ascending"] == sorted(measured["sorted"]["ascending"])
