"""Privacy and safety properties: --redact, no free text in reports, nothing executes, atomic output, inputs untouched."""

from __future__ import annotations

import ast
import hashlib
import shutil
from pathlib import Path
from unittest import mock

import pytest
from conftest import ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.errors import InputError
from policycheck.privacy import token

SCHOOL = ROOT / "tests" / "data" / "logschool"
FORMATS = ["json", "table", "markdown", "csv", "html", "junit", "sarif", "github"]
HEADER = "id,date,type,school,class,pupil,roles,channel,thread,flags,note\n"
NAMES = st.sampled_from(["Kari", "Ola", "Nordmann", "Hansen", "Ågot", "Søren", "Jensen", "Æsa"])
FULL_NAMES = st.lists(st.tuples(NAMES, NAMES).map(" ".join), min_size=1, max_size=4, unique=True)


def school(folder: Path, pupils: list[str], note: str = "Samtale med mor om mobbing") -> list[str]:
    """A school whose pupils are named like people, a log with a free-text column, and the CLI args."""
    roster = "kind: roster\nclasses:\n  - id: 1A\n    grade: 1\n    contact_teacher: Lærer Lise\n    pupils:\n"
    roster += "".join(f"      - {{id: '{p}', guardians: ['Mor {p}']}}\n" for p in pupils)
    (folder / "roster.yaml").write_text(roster, encoding="utf-8")
    rows = [f"{p[:3]}-{n},2025-09-0{1 + n % 8},utviklingssamtale,S,1A,{p},elev,mote,{p}-t,,{note} {p}\n"
            for n, p in enumerate(pupils)]
    rows.append(f"x-1,2025-09-10,henvendelse,S,1A,{pupils[0]},foresatt,aula,{pupils[0]},,{note}\n")
    (folder / "log.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    return ["check", "-p", ROOT / "tests/data/logpack", "--plan", SCHOOL / "plan.yaml", "--log", folder / "log.csv",
            "--roster", folder / "roster.yaml", "--calendar", SCHOOL / "calendar.yaml", "--as-of", "2026-06-30",
            "--fail-on", "never"]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pupils=FULL_NAMES)
def test_redacted_reports_never_contain_a_roster_name(tmp_path, pupils):
    args = school(tmp_path, pupils)
    for form in FORMATS:
        result = run_cli(*args, "--format", form, "--redact")
        assert result.exit_code == 0, result.stderr
        for name in [*pupils, "Lærer Lise", *(f"Mor {p}" for p in pupils)]:
            assert name not in result.stdout, (form, name)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pupils=FULL_NAMES, note=st.sampled_from(["Samtale med mor om mobbing", "diagnose ADHD", "barnevern"]))
def test_reports_never_copy_free_text_or_roster_fields_but_pseudonyms(tmp_path, pupils, note):
    args = school(tmp_path, pupils, note)
    for form in FORMATS:
        out = run_cli(*args, "--format", form).stdout
        assert note not in out and "Lærer Lise" not in out and "Mor " not in out, form


def test_redaction_is_stable_and_keyed(monkeypatch):
    monkeypatch.delenv("POLICYCHECK_REDACT_KEY", raising=False)
    assert token("P1") == token("P1") == "h-" + hashlib.sha256(b"P1").hexdigest()[:10]
    monkeypatch.setenv("POLICYCHECK_REDACT_KEY", "school secret")
    assert token("P1") != "h-" + hashlib.sha256(b"P1").hexdigest()[:10] and token("P1") != token("P2")


def test_redact_hashes_values_quoted_in_log_problems(tmp_path):
    args = school(tmp_path, ["Kari Nordmann"])
    with (tmp_path / "log.csv").open("a", encoding="utf-8") as log:
        log.write("Kari-9,2025-09-01,melding,S,1A,Kari Nordmann,,aula,,,x\nKari-9,2025-09-02,melding,S,1A,,,aula,,,x\n")
    out = run_cli(*args, "--format", "json", "--skip-bad-rows", "--redact").stdout
    assert "Kari" not in out and f"duplicate event id '{token('Kari-9')}'" in out


# Nothing executes: no call in the source can run code or build objects from input.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "loads", "load", "system", "popen", "execv", "spawnv",
                   "unsafe_load", "full_load", "import_module"}  # subprocess.run & co: the module is banned
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "dill"}
ALLOWED = {("json", "loads"), ("yaml", "safe_load")}


def test_no_code_execution_in_the_source():
    found = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                found += [f"{path}: import {name}" for name in names if name.split(".")[0] in FORBIDDEN_MODULES]
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
                if name in FORBIDDEN_CALLS and (owner, name) not in ALLOWED and owner not in {"cli", "json", "re"}:
                    found.append(f"{path}:{node.lineno}: {owner + '.' if owner else ''}{name}()")
    assert found == []


# Every loader is total: generated broken YAML and CSV end in a correct load or an InputError.
YAML_TEXT = st.text(alphabet="kind: roster classes- id5A grade pupils[]{},'\"&*!|>#\n\t\x00ø2024-02-31", max_size=150)
CSV_TEXT = st.text(alphabet="id,date;type\t|\"\n\r\x00ø 2025-09-01.melding5AP1", max_size=200)


def _loaders():
    from policycheck.api import validate_file
    from policycheck.loading.calendar import load_calendar
    from policycheck.loading.mapping import load_mapping
    from policycheck.loading.packs import load_pack
    from policycheck.loading.roster import load_roster
    from policycheck.waivers import load_waivers
    return {"plan": lambda p: validate_file(p, "plan"), "rules": lambda p: validate_file(p, "rules"),
            "override": lambda p: load_pack(str(p)), "waivers": load_waivers, "roster": load_roster,
            "calendar": load_calendar, "mapping": load_mapping}


@pytest.mark.parametrize("kind", sorted(_loaders()))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=YAML_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")) | st.binary(max_size=120))
def test_broken_yaml_for_every_loader(tmp_path, kind, data):
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes(data)
    try:
        _loaders()[kind](path)
    except InputError:
        pass


@pytest.mark.parametrize("kind", ["log.csv", "log.jsonl", "roster.csv"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=CSV_TEXT.map(lambda t: t.encode("utf-8")) | st.binary(max_size=120))
def test_broken_csv_for_every_loader(tmp_path, kind, data):
    from collections import deque

    from policycheck.loading.events import read_logs
    from policycheck.loading.roster import load_roster
    from policycheck.models.mapping import ColumnMapping
    path = tmp_path / kind
    path.write_bytes(data)
    try:
        if kind.startswith("roster"):
            load_roster(path)
        else:
            deque(read_logs([path], ColumnMapping(), []), maxlen=0)
    except InputError:
        pass


# Nothing lost or half-written.
def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_run_never_modifies_its_inputs_even_writing_into_their_folder(tmp_path):
    folder = tmp_path / "school"
    shutil.copytree(SCHOOL, folder)
    before = _digest(folder)
    args = ["check", "-p", ROOT / "tests/data/logpack", "--plan", folder / "plan.yaml", "--log", folder / "log.csv",
            "--roster", folder / "roster.yaml", "--calendar", folder / "calendar.yaml", "--as-of", "2026-06-30"]
    result = run_cli(*args, "--format", "json", "--format", "csv", "--output-dir", folder, "--redact")
    assert result.exit_code in (0, 1), result.stderr
    after = _digest(folder)
    assert {name: after[name] for name in before} == before
    assert sorted(set(after) - set(before)) == [str(folder / "report.csv"), str(folder / "report.json")]


@pytest.mark.parametrize("where", ["policycheck.reports.json_report.JsonReporter.render", "os.fsync"])
def test_ctrl_c_leaves_the_previous_report_and_no_temporary_file(tmp_path, where):
    report = tmp_path / "report.json"
    report.write_text("previous", encoding="utf-8")
    args = ["check", "-p", ROOT / "tests/data/logpack", "--plan", SCHOOL / "plan.yaml", "--format", "json", "-o", report]
    with mock.patch(where, side_effect=KeyboardInterrupt):
        result = run_cli(*args)
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert report.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_ctrl_c_between_formats_leaves_every_previous_report(tmp_path):
    """All formats are rendered before any is written: an interrupt never mixes old and new files."""
    for name in ("report.json", "report.csv"):
        (tmp_path / name).write_text("previous", encoding="utf-8")
    args = ["check", "-p", ROOT / "tests/data/logpack", "--plan", SCHOOL / "plan.yaml", "--format", "json",
            "--format", "csv", "--output-dir", tmp_path]
    with mock.patch("policycheck.reports.csv_report.CsvReporter.render", side_effect=KeyboardInterrupt):
        assert run_cli(*args).exit_code == 130
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {
        "report.json": "previous", "report.csv": "previous"}
