"""HTML: self-contained, the quote beside each gap, every input value escaped."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from browser import CHROMIUM, SKIP_REASON, assert_fits_the_screen
from policycheck import api
from policycheck.reports.html import HtmlReporter
from policycheck.reports.htmlkit import SCRIPT_HASH, SORT_SCRIPT, markdown_paragraphs

SCRIPT = "<script>alert(1)</script>"


def test_school_name_with_markup_stays_text(minireport):
    report = minireport()
    inputs = report.inputs.model_copy(update={"school": SCRIPT})
    finding = report.findings[0].model_copy(update={"message": '"><img src=x onerror=alert(1)>'})
    rendered = HtmlReporter().render(report.model_copy(update={"inputs": inputs, "findings": [finding]}))
    assert rendered.count("<script") == 1 and "<img" not in rendered  # the one script is the table sorter
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_self_contained_and_printable(minireport):
    rendered = HtmlReporter().render(minireport())
    assert "@media print" in rendered
    assert "http://" not in rendered and "https://" not in rendered and "src=" not in rendered


def test_quote_beside_each_gap(minireport):
    report = minireport()
    rendered = HtmlReporter().render(report)
    assert rendered.count('class="gap"') == report.summary.gaps
    assert "<blockquote>elever og foreldre er representert" in rendered


def test_the_one_script_is_the_sorter_allowed_by_its_hash(minireport):
    rendered = HtmlReporter().render(minireport())
    assert rendered.count("<script") == 1 and f"<script>{SORT_SCRIPT}</script>" in rendered
    assert f"script-src 'sha256-{SCRIPT_HASH}'" in rendered and "unsafe-inline'; script-src" in rendered
    assert SCRIPT_HASH == base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode()).digest()).decode()


def test_each_status_has_a_symbol_beside_its_colour(minireport):
    rendered = HtmlReporter().render(minireport("en"))
    assert '<span class="badge s-fail">✗ FAIL</span>' in rendered
    assert 'style="background' not in rendered  # colours come from classes, not inline styles


def test_remediation_markdown_is_rendered_and_everything_else_escaped():
    paragraphs = markdown_paragraphs("Fill in `kontaktlaerer.kanaler` **now**, see [the guide](https://example.org/a?b=1&c=2)."
                           " <img src=x onerror=alert(1)> *soon*\n\nSecond paragraph.")
    html = "".join(paragraphs)
    assert "<code>kontaktlaerer.kanaler</code>" in html and "<strong>now</strong>" in html and "<em>soon</em>" in html
    assert '<a href="https://example.org/a?b=1&amp;c=2">the guide</a>' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert len(paragraphs) == 2 and paragraphs[1] == "Second paragraph."
    assert markdown_paragraphs("`<b>`") == ["<code>&lt;b&gt;</code>"]
    assert markdown_paragraphs("[x](javascript:alert(1))") == ["[x](javascript:alert(1))"]


def test_long_titles_are_cut_for_the_tab(minireport):
    title = HtmlReporter().render(minireport()).split("<title>")[1].split("</title>")[0]
    assert len(title) <= 70


def test_print_is_sized_for_a4(minireport):
    assert "@page{size:A4" in HtmlReporter().render(minireport())


@pytest.fixture(scope="module")
def tromso_page():
    example = Path("examples/tromso-fjellvegen")
    log = api.logrun.LogOptions(logs=(example / "log.csv",), roster=example / "roster.yaml")
    return HtmlReporter().render(api.run_check(api.CheckRequest(policy="tromso", plan=example / "plan.yaml", log=log)))


@pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)
@pytest.mark.parametrize("width", [1280, 390])
def test_school_page_fits_the_screen_in_chromium(tromso_page, width, tmp_path):
    measured = assert_fits_the_screen(tromso_page, width, tmp_path, "check")
    assert measured["sorted"]["first"] == "✗ IKKE OPPFYLT"  # the status column sorted by the page's own script
    assert measured["sorted"]["ascending"] == list(reversed(measured["sorted"]["descending"]))
