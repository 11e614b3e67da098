"""The committed JSON Schemas are what the models generate (regenerate: policycheck schemas)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from policycheck.schemas import SCHEMA_MODELS, schema_text


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_is_current(name):
    committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), f"run: PYTHONPATH=src python3 -m policycheck schemas"


def test_audit_json_validates_as_audit(run_cli, tmp_path):
    out = tmp_path / "audit.json"
    run_cli("audit", "tests/data/municipality", "--policy", "tests/data/minipack", "--as-of", "2025-09-01",
            "--jobs", "1", "--format", "json", "-o", out)
    code, printed, _ = run_cli("validate", out)
    assert code == 0 and "(audit)" in printed
