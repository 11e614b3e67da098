"""End to end: the CLI with a log, roster and calendar."""

import json

from conftest import run_cli

SCHOOL = "tests/data/logschool"


def run(*extra: str):
    return run_cli(*_args(f"{SCHOOL}/log.csv", *extra))


def test_check_with_log_reports_every_log_rule_and_the_log_section():
    result = run()
    report = json.loads(result.stdout)
    statuses = {f["rule_id"]: f["status"] for f in report["findings"]}
    assert statuses["log-aula-andel"] == "fail"
    assert all(status == "pass" for rule, status in statuses.items() if rule != "log-aula-andel")
    assert report["log"]["rows_read"] == 22 and report["log"]["rows_rejected"] == 0
    assert report["log"]["school_year"] == "2025-2026"


def _args(log, *extra):
    return ["check", "-p", "tests/data/logpack", "--plan", f"{SCHOOL}/plan.yaml", "--log", str(log),
            "--roster", f"{SCHOOL}/roster.yaml", "--calendar", f"{SCHOOL}/calendar.yaml", "--as-of", "2026-06-30",
            "--format", "json", *extra]


def test_a_rejected_row_fails_the_run_with_exit_2_unless_skipped(tmp_path):
    bad = tmp_path / "log.csv"
    text = open(f"{SCHOOL}/log.csv", encoding="utf-8").read() + "e99,31.02.2026,svar,Testskolen,1A,P1,,aula,H1,\n"
    bad.write_text(text, encoding="utf-8")
    failed = run_cli(*_args(bad))
    assert failed.exit_code == 2
    err = failed.stderr
    assert f"{bad}:24: column 'date': '31.02.2026' is not a valid date" in err and "--skip-bad-rows" in err
    skipped = run_cli(*_args(bad, "--skip-bad-rows", "--fail-on", "never"))
    assert skipped.exit_code == 0
    report = json.loads(skipped.stdout)
    assert report["log"]["rows_rejected"] == 1 and report["log"]["bad_rows"] == "skip"


def test_windows_1252_semicolon_export_through_a_mapping_gives_the_same_report(tmp_path):
    rows = open(f"{SCHOOL}/log.csv", encoding="utf-8").read().splitlines()[1:]
    header = "Meldings-ID;Dato;Hendelse;Skole;Klasse;Elev;Deltakere;Kanal;Sak;Merknad"
    lines = [header]
    for row in rows:
        cells = row.split(",")
        day = cells[1].split("-")
        cells[1] = f"{day[2]}.{day[1]}.{day[0]}"
        cells[6] = cells[6].replace("foresatt", "Foresatte").replace("kontaktlaerer", "Kontaktlærer").replace(";", ", ")
        lines.append(";".join(cells))
    export = tmp_path / "transponder.csv"
    export.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    canonical = json.loads(run().stdout)
    mapped = json.loads(run_cli(*_args(export, "--mapping", "examples/mappings/transponder.yaml")).stdout)
    assert mapped["findings"] == [
        {**f, "evidence": [{**e, "file": str(export), "line": e["line"]} if e.get("file") else e for e in f["evidence"]]}
        for f in canonical["findings"]]


def test_no_log_makes_log_rules_insufficient():
    args = ["check", "-p", "tests/data/logpack", "--plan", f"{SCHOOL}/plan.yaml", "--format", "json"]
    report = json.loads(run_cli(*args).stdout)
    assert {f["status"] for f in report["findings"]} == {"insufficient_data"}
    assert "log" not in report or report["log"] is None


def test_validate_knows_rosters_calendars_and_mappings():
    files = ["examples/mappings/aula.yaml", "examples/mappings/transponder.yaml",
             f"{SCHOOL}/roster.yaml", f"{SCHOOL}/calendar.yaml"]
    result = run_cli("validate", *files)
    assert "ok (mapping)" in result.stdout and "ok (roster)" in result.stdout and "ok (calendar)" in result.stdout


def test_a_school_whose_parents_declined_one_of_two_development_talks_is_met(tmp_path):
    """Issue 13: Tromsø 3.3 says parents "inviteres" twice; a declined invitation meets the school's duty."""
    roster = tmp_path / "roster.yaml"
    roster.write_text("kind: roster\nclasses:\n- id: 5A\n  grade: 5\n  pupils: [elev-5a-01]\n", encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_text("date,type,class,pupil,roles,thread,flags\n"
                   "2025-10-06,utviklingssamtale,5A,elev-5a-01,elev|foresatt|kontaktlaerer,,\n"
                   "2026-02-16,innkalling,5A,elev-5a-01,foresatt,U-2,avslått\n", encoding="utf-8")
    result = run_cli("check", "-p", "tromso", "--plan", "examples/tromso-fjellvegen/plan.yaml", "--log", str(log),
                     "--roster", str(roster), "--as-of", "2026-07-31", "--format", "json", "--fail-on", "never")
    findings = {f["rule_id"]: f for f in json.loads(result.stdout)["findings"]}
    talks = findings["tro-utviklingssamtale-holdt-to-ganger"]
    assert talks["status"] == "pass" and talks["message"].endswith("; 1 invitasjon ble avslått")
    assert findings["tro-utviklingssamtale-eleven-deltar"]["status"] == "pass"
    assert talks["thresholds"][0]["origin"] == "text" and talks["severity"] == "required"
