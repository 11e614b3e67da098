"""End to end: the CLI with a log, roster and calendar."""

import json

from click.testing import CliRunner

from policycheck.cli import cli

SCHOOL = "tests/data/logschool"


def run(*extra: str):
    args = ["check", "-p", "tests/data/logpack", "--plan", f"{SCHOOL}/plan.yaml", "--log", f"{SCHOOL}/log.csv",
            "--roster", f"{SCHOOL}/roster.yaml", "--calendar", f"{SCHOOL}/calendar.yaml",
            "--as-of", "2026-06-30", "--format", "json", *extra]
    return CliRunner().invoke(cli, args, standalone_mode=False, catch_exceptions=False)


def test_check_with_log_reports_every_log_rule_and_the_log_section():
    result = run()
    report = json.loads(result.output)
    statuses = {f["rule_id"]: f["status"] for f in report["findings"]}
    assert statuses["log-aula-andel"] == "fail"
    assert all(status == "pass" for rule, status in statuses.items() if rule != "log-aula-andel")
    assert report["log"]["rows_read"] == 22 and report["log"]["rows_rejected"] == 0
    assert report["log"]["school_year"] == "2025-2026"
