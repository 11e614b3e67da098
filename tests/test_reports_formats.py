"""Every output format: golden output for the minipack report, and the language it is in."""

from __future__ import annotations

import pytest

from conftest import assert_golden
from policycheck.reports.registry import REPORTERS


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_golden_output(name, minireport):
    reporter = REPORTERS[name]
    assert_golden(f"minipack.{reporter.extension}", reporter.render(minireport()))


@pytest.mark.parametrize("name", sorted(REPORTERS))
@pytest.mark.parametrize("language, message, label", [
    ("en", "still holds a TODO", "FAIL"),
    ("da", "indeholder stadig TODO", "IKKE OPFYLDT"),
    ("nb", "inneholder fortsatt TODO", "IKKE OPPFYLT"),
])
def test_every_format_honours_the_language(name, language, message, label, minireport):
    rendered = REPORTERS[name].render(minireport(language))
    assert message in rendered
    if name not in ("json", "sarif", "github", "oscal"):  # these carry no status labels, only messages
        assert label in rendered


def test_several_formats_written_to_output_dir(tmp_path, invoke):
    code, out, _ = invoke("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml",
                           "--as-of", "2025-09-01", "--format", "sarif", "--format", "html", "--format", "csv",
                           "--output-dir", tmp_path)
    assert code == 1 and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "report.html", "report.sarif"]


def test_several_formats_without_output_dir_is_a_usage_error(invoke):
    code, _, err = invoke("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml",
                           "--format", "json", "--format", "csv")
    assert code == 2 and "--output-dir" in err
