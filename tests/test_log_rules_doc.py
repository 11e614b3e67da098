"""docs/log-rules-for-packs.md names exactly the log rules of the bundled packs; each log rule's example rows,
read as a log, satisfy it (a plan fragment cannot: tests/test_scaffold.py leaves log rules out)."""

import csv
import datetime as dt
import io
import re

import pytest
import yaml
from conftest import ROOT

from policycheck.api import evaluate_with_log
from policycheck.checks.base import PlanView
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.logrun import LogOptions
from policycheck.models.common import Status
from policycheck.models.plan import LocalPlan

DOC = (ROOT / "docs" / "log-rules-for-packs.md").read_text(encoding="utf-8")
PACKS = [load_pack(name) for name in bundled_pack_names()]
LOG_RULES = [rule.id for pack in PACKS for rule in pack.rules if rule.check.reads_log()]


def test_the_doc_lists_every_log_rule_of_the_packs_and_no_other():
    assert re.findall(r"^\| `([a-z0-9-]+)` \|", DOC, re.M) == LOG_RULES


def _row(pack, rule) -> str:
    """The table row the doc must have for a log rule: check, what it counts, numbers and their origin, severities."""
    kind = f"`{rule.check.kind}`" + (f" ({rule.check.counts})" if rule.check.kind == "count" else "")
    numbers = ", ".join(f"`{t.parameter}` ({t.value!r}, {t.origin})" for t in pack.thresholds(rule)) or "-"
    return (f"| `{rule.id}` | {rule.source.section} | {kind} | {numbers} | {rule.severity.value} | "
            f"{pack.severity_of(rule).value} |")


def test_the_docs_tables_agree_with_the_packs():
    """Severity, what is counted and where each number comes from, as the packs say (issue 13: docs and packs agree)."""
    rows = re.findall(r"^\| `[a-z0-9-]+` \|.*$", DOC, re.M)
    assert rows == [_row(pack, rule) for pack in PACKS for rule in pack.rules if rule.check.reads_log()]


def test_every_log_rule_has_log_rows_as_example():
    for pack in PACKS:
        for rule in pack.rules:
            if rule.check.reads_log():
                assert rule.example and rule.example.startswith("date,type"), rule.id


def _roster_for(rows: list[dict]) -> dict:
    """A roster holding exactly the classes and pupils the example rows name (a class 1A when none)."""
    classes: dict[str, set] = {}
    for row in rows:
        if row.get("class"):
            classes.setdefault(row["class"], set()).update({row["pupil"]} if row.get("pupil") else set())
    classes = classes or {"1A": set()}
    return {"kind": "roster", "classes": [
        {"id": cid, "grade": int(re.match(r"\d+", cid).group()), "pupils": sorted(pupils) or [f"elev-{cid.lower()}-01"]}
        for cid, pupils in classes.items()]}


@pytest.mark.parametrize("rule_id", LOG_RULES)
def test_a_log_rules_example_rows_satisfy_it(rule_id, tmp_path):
    pack = next(pack for pack in PACKS if pack.rule(rule_id))
    example = pack.rule(rule_id).example
    (tmp_path / "log.csv").write_text(example, encoding="utf-8")
    roster = _roster_for(list(csv.DictReader(io.StringIO(example))))
    (tmp_path / "roster.yaml").write_text(yaml.safe_dump(roster), encoding="utf-8")
    plan = LocalPlan.model_validate({"kind": "skole-hjem-plan", "policy": pack.meta.id, "school": {"name": "S"},
                                     "school_year": "2025-2026"})
    options = LogOptions(logs=(tmp_path / "log.csv",), roster=tmp_path / "roster.yaml")
    report = evaluate_with_log(pack, plan, PlanView({}, "plan", {}), dt.date(2026, 7, 31), "en", options)
    finding = next(f for f in report.findings if f.rule_id == rule_id)
    assert finding.status is Status.passed, finding.message
