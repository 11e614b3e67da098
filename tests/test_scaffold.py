"""`policycheck init`: a fresh scaffold is valid and checks as gaps; filling it in makes rules pass."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import MINIPACK, run_cli

from policycheck.engine import evaluate
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.loading.plans import answered_view
from policycheck.models.common import Status
from policycheck.models.plan import LocalPlan

PACKS = [str(MINIPACK), *bundled_pack_names()]


@pytest.mark.parametrize("pack", PACKS)
def test_fresh_scaffold_checks_as_gaps_not_errors(pack, tmp_path):
    plan = tmp_path / "plan.yaml"
    assert run_cli("init", "-p", pack, "-o", str(plan)).exit_code == 0
    assert plan.read_text().startswith("# yaml-language-server: $schema=")
    result = run_cli("check", "-p", pack, "--plan", str(plan), "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert '"status": "pass"' not in result.stdout or pack == str(MINIPACK)


@pytest.mark.parametrize("pack", PACKS)
def test_scaffold_holds_every_path_the_rules_read(pack):
    loaded = load_pack(pack)
    data = yaml.safe_load(run_cli("init", "-p", pack).stdout)
    for rule in loaded.rules:
        for path in rule.check.placeholders():
            node = data
            for part in path.split("."):
                assert part in node, f"{rule.id}: {path} missing from the scaffold"
                node = node[part]


def test_init_refuses_to_overwrite(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("keep me")
    result = run_cli("init", "-p", str(MINIPACK), "-o", str(plan))
    assert result.exit_code == 2 and plan.read_text() == "keep me"


def deep_merge(target: dict, extra: dict) -> None:
    """Merge a plan fragment in: mappings recursively, lists as a union."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            deep_merge(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key] += [item for item in value if item not in target[key]]
        else:
            target[key] = value


def statuses_of(pack, data: dict) -> dict:
    plan = LocalPlan.model_validate(data)
    report = evaluate(pack, plan, answered_view(pack, data, "example", {}, plan.attestations), as_of=dt.date(2026, 1, 15))
    return {finding.rule_id: finding for finding in report.findings}


def plan_rules(pack) -> list:
    """The rules a plan can satisfy. A log rule's `example` is log rows, not a plan fragment,
    and a plan alone leaves it `insufficient_data`: tests/test_examples.py and the packs'
    own log cases show those rules passing and failing."""
    return [rule for rule in pack.rules if not rule.check.reads_log()]


@pytest.mark.parametrize("pack", bundled_pack_names())
def test_every_rule_example_satisfies_its_rule(pack):
    loaded = load_pack(pack)
    for rule in plan_rules(loaded):
        if not rule.example:
            continue
        data = {"school": {"name": "S"}}
        deep_merge(data, yaml.safe_load(rule.example) or {})
        finding = statuses_of(loaded, data)[rule.id]
        assert finding.status in (Status.passed, Status.not_applicable), f"{rule.id}: {finding.message}"


@pytest.mark.parametrize("pack", bundled_pack_names())
def test_a_plan_filled_in_with_every_example_meets_every_rule(pack):
    loaded = load_pack(pack)
    data = {"school": {"name": "S"}}
    assert [rule.id for rule in loaded.rules if not rule.example] == []
    for rule in plan_rules(loaded):
        deep_merge(data, yaml.safe_load(rule.example) or {})
    statuses = statuses_of(loaded, data)
    unmet = {rule.id: statuses[rule.id].message for rule in plan_rules(loaded) if statuses[rule.id].status is not Status.passed}
    assert unmet == {}
