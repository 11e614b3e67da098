"""HTML: self-contained, the quote beside each gap, every input value escaped."""

from __future__ import annotations

from policycheck.reports.html import HtmlReporter

SCRIPT = "<script>alert(1)</script>"


def test_school_name_with_markup_stays_text(minireport):
    report = minireport()
    inputs = report.inputs.model_copy(update={"school": SCRIPT})
    finding = report.findings[0].model_copy(update={"message": '"><img src=x onerror=alert(1)>'})
    rendered = HtmlReporter().render(report.model_copy(update={"inputs": inputs, "findings": [finding]}))
    assert "<script" not in rendered and "<img" not in rendered
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
