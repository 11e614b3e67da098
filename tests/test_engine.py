"""The engine: applicability, one finding per rule, and the report's summary."""

from __future__ import annotations

import datetime as dt

from conftest import DATA, MINIPACK

from policycheck.engine import evaluate
from policycheck.loading.packs import load_pack
from policycheck.loading.plans import load_plan
from policycheck.models.common import Severity, Status


def report_for(plan_path=DATA / "plan-gaps.yaml", language=None):
    pack = load_pack(str(MINIPACK))
    plan, view = load_plan(plan_path, pack)
    return evaluate(pack, plan, view, as_of=dt.date(2025, 9, 1), language=language)


def test_one_finding_per_rule_in_pack_order():
    pack = load_pack(str(MINIPACK))
    assert [f.rule_id for f in report_for().findings] == [rule.id for rule in pack.rules]


def test_rule_outside_the_schools_grades_is_not_applicable(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("school: {name: S, grades: {min: 1, max: 4}}\n", encoding="utf-8")
    finding = next(f for f in report_for(plan).findings if f.rule_id == "mini-pc")
    assert finding.status is Status.not_applicable
    assert finding.message == "gjelder trinn 5-10; skolen har trinn 1-4"


def test_summary_counts_and_exit_code_thresholds():
    report = report_for()
    assert report.summary.by_status[Status.fail] == 5
    assert report.summary.by_status[Status.needs_attestation] == 1
    assert report.summary.gaps == 6
    assert report.exit_code(Severity.required) == 1
    assert report.exit_code(None) == 0


def test_advisory_gaps_only_fail_at_advisory_threshold(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "school: {name: S, grades: {min: 1, max: 4}}\nkontaktlaerer: {kanaler: [e-post]}\n"
        "samtaler: {per_ar: 2}\norgan: {representert: [elever, foreldre]}\n", encoding="utf-8")
    report = report_for(plan)
    assert {f.rule_id for f in report.findings if f.status.is_gap} == {"mini-lytter", "mini-kanal"}
    assert report.exit_code(Severity.required) == 0
    assert report.exit_code(Severity.recommended) == 0
    assert report.exit_code(Severity.advisory) == 1


def test_remediation_only_on_unresolved_findings():
    for finding in report_for().findings:
        assert (finding.remediation is not None) == (finding.status is not Status.passed and
                                                       finding.status is not Status.not_applicable)


def test_language_changes_messages_not_statuses():
    nb, en = report_for(language="nb"), report_for(language="en")
    assert [f.status for f in nb.findings] == [f.status for f in en.findings]
    assert nb.findings[1].message != en.findings[1].message
    assert en.findings[1].title == "Talks twice"


def test_default_date_is_today_within_the_plans_school_year():
    from policycheck.api import default_as_of
    from policycheck.models.plan import LocalPlan

    plan = LocalPlan.model_validate({"school": {"name": "S"}, "school_year": "2025-2026"})
    assert default_as_of(plan, dt.date(2026, 3, 1)) == dt.date(2026, 3, 1)
    assert default_as_of(plan, dt.date(2026, 11, 21)) == dt.date(2026, 7, 31)
    assert default_as_of(LocalPlan.model_validate({"school": {"name": "S"}}), dt.date(2030, 1, 1)) == dt.date(2030, 1, 1)
