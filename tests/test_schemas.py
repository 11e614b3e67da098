"""The published schemas match the models, and every report validates against its schema."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from conftest import MINIPACK, ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.checks.base import PlanView
from policycheck.engine import evaluate
from policycheck.loading.packs import load_pack
from policycheck.models.plan import LocalPlan
from policycheck.schemas import SCHEMA_MODELS, schema_text

PACK = load_pack(str(MINIPACK))
REPORT_SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_is_current(name):
    committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), f"schemas/{name}.schema.json is stale: run `policycheck schemas`"


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=8),
                    st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)
sections = st.fixed_dictionaries({}, optional={
    "kontaktlaerer": st.fixed_dictionaries({}, optional={"kanaler": values}),
    "samtaler": st.fixed_dictionaries({}, optional={"per_ar": values}),
    "organ": st.fixed_dictionaries({}, optional={"representert": values}),
    "kanal": values,
    "pc": st.dictionaries(st.sampled_from(["kontrakt", "kostnad"]), values),
})
attestations = st.lists(st.fixed_dictionaries(
    {"rule": st.sampled_from([rule.id for rule in PACK.rules])},
    optional={"statement": st.text(max_size=5), "date": st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
              "attested_by": st.fixed_dictionaries({}, optional={"name": st.text(max_size=4), "role": st.text(max_size=4)})}),
    max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sections, attestations, st.sampled_from(["nb", "da", "en"]))
def test_report_of_any_plan_validates_against_schema(content, attests, language):
    data = {"school": {"name": "S"}, **content, "attestations": attests}
    plan = LocalPlan.model_validate(data)
    view = PlanView(data, "plan.yaml", {}, plan.attestations)
    report = evaluate(PACK, plan, view, as_of=dt.date(2025, 9, 1), language=language)
    jsonschema.validate(json.loads(report.model_dump_json(by_alias=True)), REPORT_SCHEMA)
    assert len(report.findings) == len(PACK.rules)


def test_audit_json_validates_as_audit(tmp_path):
    out = tmp_path / "audit.json"
    run_cli("audit", "tests/data/municipality", "--policy", "tests/data/minipack", "--as-of", "2025-09-01",
            "--jobs", "1", "--format", "json", "-o", str(out))
    result = run_cli("validate", str(out))
    assert result.exit_code == 0 and "(audit)" in result.stdout
