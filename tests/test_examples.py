"""The bundled example schools produce exactly their expected reports (golden files): the whole
check, plan + a year of activity log + roster, judged after the school year so periods have ended."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, assert_golden, run_cli

EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/plan.yaml"))
AS_OF = "2026-07-31"  # what api.default_as_of gives for a 2025-2026 plan once the year is over
FORMATS = {"table": "expected-report.txt", "json": "expected-report.json"}
# Vest's log is an Aula export, read through the Aula column mapping
LOGS = {"tromso-fjellvegen": ["--log", "log.csv"],
        "vest-engskolen": ["--log", "aula-eksport.csv", "--mapping", "../mappings/aula.yaml"]}


def log_args(example) -> list[str]:
    """The example's --log/--mapping/--roster arguments, as paths relative to the repository."""
    args = LOGS[example.name] + ["--roster", "roster.yaml"]
    return [arg if arg.startswith("--") else str((example / arg).resolve().relative_to(ROOT)) for arg in args]


def test_every_example_has_a_log_and_a_roster():
    assert sorted(e.name for e in EXAMPLES) == sorted(LOGS)
    for example in EXAMPLES:
        assert all((ROOT / arg).exists() for arg in log_args(example) if not arg.startswith("--"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_example_report_matches_golden(example, format_name):
    policy = yaml.safe_load((example / "plan.yaml").read_text(encoding="utf-8"))["policy"]
    plan = str((example / "plan.yaml").relative_to(ROOT))
    result = run_cli("check", "-p", policy, "--plan", plan, *log_args(example), "--format", format_name, "--as-of", AS_OF)
    assert result.exit_code == 1, result.stderr
    assert_golden(example / FORMATS[format_name], result.stdout)


def test_log_evidence_is_in_the_report_language():
    example = ROOT / "examples" / "tromso-fjellvegen"
    args = ["check", "-p", "tromso", "--plan", "examples/tromso-fjellvegen/plan.yaml", *log_args(example), "--as-of", AS_OF]
    english = run_cli(*args, "--lang", "en").stdout
    assert "pupil elev-5a-04 (5A): 1 event in the school year (FJ-0089)" in english
    assert "thread H-1124: still open" in english
    assert "elev elev-5a-04 (5A): 1 hendelse i skoleåret (FJ-0089)" in run_cli(*args).stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_the_log_exported_newest_first_gives_the_same_findings(example, tmp_path):
    """Some systems export the newest message first. Rows reversed, each finding keeps its status, message and
    evidence (by event id: the lines are others); only the pair-matching kinds could tell the orders apart."""
    import json

    args = log_args(example)
    log = ROOT / args[args.index("--log") + 1]
    header, *rows = log.read_bytes().splitlines(keepends=True)
    reversed_log = tmp_path / log.name
    reversed_log.write_bytes(header + b"".join(rows[::-1]))
    policy = yaml.safe_load((example / "plan.yaml").read_text(encoding="utf-8"))["policy"]
    plan = str((example / "plan.yaml").relative_to(ROOT))

    def findings(log_path):
        given = [str(log_path) if arg == str(log.relative_to(ROOT)) else arg for arg in args]
        report = json.loads(run_cli("check", "-p", policy, "--plan", plan, *given, "--format", "json",
                                    "--as-of", AS_OF).stdout)
        return {f["rule_id"]: (f["status"], f["message"], sorted(e.get("event_id") or "" for e in f["evidence"]))
                for f in report["findings"]}

    assert findings(reversed_log) == findings(log)
