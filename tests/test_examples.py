"""The bundled example schools produce exactly their expected reports (golden files)."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, assert_golden, run_cli

EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/plan.yaml"))
AS_OF = "2026-01-15"
FORMATS = {"table": "expected-report.txt", "json": "expected-report.json"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_example_report_matches_golden(example, format_name):
    policy = yaml.safe_load((example / "plan.yaml").read_text(encoding="utf-8"))["policy"]
    plan = str((example / "plan.yaml").relative_to(ROOT))
    result = run_cli("check", "-p", policy, "--plan", plan, "--format", format_name, "--as-of", AS_OF)
    assert result.exit_code == 1, result.stderr
    assert_golden(example / FORMATS[format_name], result.stdout)
