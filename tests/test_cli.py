"""The CLI as a user meets it: exit codes, messages, and no tracebacks."""

from __future__ import annotations

import json

import click
import jsonschema

from conftest import DATA, MINIPACK, ROOT, run_cli
from policycheck import cli as cli_module

PLAN = str(DATA / "plan-gaps.yaml")


def test_check_with_gaps_exits_1_and_prints_table():
    result = run_cli("check", "--policy", str(MINIPACK), "--plan", PLAN, "--as-of", "2025-09-01")
    assert result.exit_code == 1
    assert "IKKE OPPFYLT" in result.stdout and "mini-samtaler" in result.stdout


def test_fail_on_never_exits_0():
    result = run_cli("check", "-p", str(MINIPACK), "--plan", PLAN, "--fail-on", "never", "--as-of", "2025-09-01")
    assert result.exit_code == 0


def test_json_report_validates_against_published_schema():
    result = run_cli("check", "-p", str(MINIPACK), "--plan", PLAN, "--format", "json", "--as-of", "2025-09-01")
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    jsonschema.validate(json.loads(result.stdout), schema)


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "out" / "report.json"
    result = run_cli("check", "-p", str(MINIPACK), "--plan", PLAN, "--format", "json", "-o", str(target), "--as-of", "2025-09-01")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text())["summary"]["gaps"] == 6
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_broken_plan_gives_one_located_message_and_exit_2(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("school:\n  name: X\nsamtaler: [1, 2\n", encoding="utf-8")
    result = run_cli("check", "-p", str(MINIPACK), "--plan", str(plan))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{plan}:4:1: not valid YAML")
    assert "Traceback" not in result.stderr + result.stdout


def test_misspelt_plan_key_gets_did_you_mean(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("school:\n  name: X\nsamtalr:\n  per_ar: 2\n", encoding="utf-8")
    result = run_cli("check", "-p", str(MINIPACK), "--plan", str(plan))
    assert result.exit_code == 2
    assert f"{plan}:3:1: unknown key 'samtalr' in the plan (did you mean 'samtaler'?)" in result.stderr


def test_unknown_pack_is_a_usage_error_with_suggestion():
    result = run_cli("check", "-p", "tromsoo", "--plan", PLAN)
    assert result.exit_code == 2
    assert "unknown policy pack 'tromsoo'" in result.stderr


def test_missing_plan_file_exit_2():
    result = run_cli("check", "-p", str(MINIPACK), "--plan", "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml: no such file" in result.stderr


def test_bad_option_exit_2():
    result = run_cli("check", "-p", str(MINIPACK), "--plan", PLAN, "--format", "pdf")
    assert result.exit_code == 2


def test_validate_infers_kinds():
    result = run_cli("validate", str(MINIPACK / "pack.yaml"), str(MINIPACK / "rules" / "rules.yaml"), PLAN)
    assert result.exit_code == 0, result.stderr
    assert "ok (pack)" in result.stdout and "ok (rules)" in result.stdout and "ok (plan)" in result.stdout


def test_validate_reports_each_bad_file(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - id: x-y\n    titel: {en: a}\n", encoding="utf-8")
    result = run_cli("validate", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3:5: unknown key 'titel' in rules.0 (did you mean 'title'?)" in result.stderr


def test_rules_lists_every_rule():
    result = run_cli("rules", "-p", str(MINIPACK))
    assert result.exit_code == 0
    assert all(rule in result.stdout for rule in ("mini-kontaktlaerer", "mini-organ", "mini-kanal"))


def test_explain_shows_quote_legal_basis_and_what_satisfies():
    result = run_cli("explain", "mini-organ", "-p", str(MINIPACK), "--lang", "en")
    assert result.exit_code == 0
    assert '"elever og foreldre er representert"' in result.stdout
    assert "opplæringslova § 10-5" in result.stdout
    assert "includes elever and foreldre" in result.stdout


def test_explain_unknown_rule_exit_2():
    result = run_cli("explain", "mini-orgn", "-p", str(MINIPACK))
    assert result.exit_code == 2 and "did you mean 'mini-organ'" in result.stderr


def test_help_documents_exit_codes():
    result = run_cli("check", "--help")
    assert "bad input or usage" in result.stdout


def test_each_command_documents_its_own_exit_codes(invoke):
    for name in cli_module.cli.commands:
        code, out, _ = invoke(name, "--help")
        assert code == 0 and "Exit codes:" in out and "  3  internal error" in out, name
    assert "--fail-on" not in invoke("validate", "--help")[1].split("Exit codes:")[1]
    assert "every file is valid" in invoke("validate", "--help")[1]
    assert "inputs are broken" in invoke("audit", "--help")[1] and "inputs are broken" not in invoke("check", "--help")[1]


def test_every_option_has_help():
    missing = [f"{name} {param.opts[0]}" for name, command in cli_module.cli.commands.items()
               for param in command.params if isinstance(param, click.Option) and not param.help]
    assert missing == []


def test_policy_completes_bundled_pack_names_and_files():
    command = cli_module.cli.commands["check"]
    policy = next(param for param in command.params if param.name == "policy")
    items = policy.shell_complete(click.Context(command), "tr")
    assert [(item.type, item.value) for item in items] == [("plain", "tromso"), ("file", "tr")]
    assert {item.value for item in policy.shell_complete(click.Context(command), "")} >= {"tromso", "vest"}
