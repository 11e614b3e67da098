"""Hostile logs, rosters, calendars, mappings and waivers: one located message, exit 2, no traceback.

Each folder under tests/hostile/ holds small files of one kind and an `expected.yaml` giving the
start of the error each must end in. The generic YAML corpus (tests/hostile/*.yaml) is also
given as each YAML kind. Big cases (an 8 MB line, a million rows) are generated here.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from conftest import MINIPACK, ROOT, run_cli
from test_hostile import EXPECTED, HOSTILE, HANG_SECONDS, assert_clean_refusal

SCHOOL = ROOT / "tests" / "data" / "logschool"
BASE = ["check", "-p", ROOT / "tests" / "data" / "logpack", "--plan", SCHOOL / "plan.yaml", "--as-of", "2026-06-30"]
WITH_LOG = [*BASE, "--log", SCHOOL / "log.csv"]
OPTION = {"log": [*BASE, "--log"], "roster": [*WITH_LOG, "--roster"], "calendar": [*WITH_LOG, "--calendar"],
          "mapping": [*WITH_LOG, "--mapping"], "waivers": [*BASE, "--waivers"]}
HEADER = "id,date,type,school,class,pupil,roles,channel,thread,flags\n"


def corpus(kind: str) -> dict[str, str]:
    return yaml.safe_load((HOSTILE / kind / "expected.yaml").read_text(encoding="utf-8"))


CASES = [(kind, name) for kind in OPTION for name in sorted(corpus(kind))]


@pytest.mark.parametrize("kind", sorted(OPTION))
def test_each_corpus_is_complete(kind):
    files = sorted(p.name for p in (HOSTILE / kind).iterdir() if p.name != "expected.yaml")
    assert sorted(corpus(kind)) == files


@pytest.mark.parametrize(("kind", "name"), CASES)
def test_hostile_file(kind, name):
    path = HOSTILE / kind / name
    started = time.monotonic()
    result = run_cli(*OPTION[kind], path)
    assert_clean_refusal(result, path)
    expected = corpus(kind)[name]
    assert result.stderr.startswith(f"{path}{'' if expected.startswith(':') else ':'}{expected}"), result.stderr
    assert time.monotonic() - started < HANG_SECONDS


# The generic YAML corpus as every YAML kind (an empty waivers file is a valid file with no waivers).
# Bombs and deep nesting are refused by the shared reader before any kind is known: tried once
# per kind's limits (the roster's are larger), not four times.
PARSER_ONLY = {"billion-laughs.yaml", "deep-nesting.yaml"}
YAML_KINDS = [(kind, name) for kind in ("roster", "calendar", "mapping", "waivers") for name in sorted(EXPECTED)
              if (kind, name) != ("waivers", "empty.yaml") and (kind == "roster" or name not in PARSER_ONLY)]


@pytest.mark.parametrize(("kind", "name"), YAML_KINDS)
def test_yaml_corpus_as_each_kind(kind, name, tmp_path):
    path = tmp_path / f"{kind}.yaml"
    path.write_bytes((HOSTILE / name).read_bytes())
    assert_clean_refusal(run_cli(*OPTION[kind], path), path)


def test_empty_waivers_file_is_no_waivers(tmp_path):
    path = tmp_path / "waivers.yaml"
    path.write_bytes(b"")
    assert run_cli(*OPTION["waivers"], path, "--fail-on", "never").exit_code == 0


def test_eight_megabyte_line_in_a_csv_log(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text(HEADER + "e1,2025-09-01,melding,S,1A,P1,,aula,," + "x" * 8_000_000 + "\n", encoding="utf-8")
    started = time.monotonic()
    result = run_cli(*OPTION["log"], log)
    assert_clean_refusal(result, log)
    assert result.stderr.startswith(f"{log}:2: a field is longer than 1,048,576 characters")
    assert time.monotonic() - started < HANG_SECONDS


def test_eight_megabyte_line_in_a_jsonl_log_is_one_located_row_problem(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text('{"date": "2025-09-01", "type": "' + "x" * 8_000_000 + '"}\n', encoding="utf-8")
    result = run_cli(*OPTION["log"], log)
    assert_clean_refusal(result, log)
    assert result.stderr.startswith(f"{log}:1: column 'type': unknown event type 'xxx") and "(8,000,000 characters)" in result.stderr
    assert len(result.stderr) < 1000


def test_a_million_rows_with_one_broken_row_names_it_within_seconds(tmp_path):
    """1,000,000 rows (about 40 MB): the broken row near the end is found and located."""
    log = tmp_path / "big.csv"
    row = "e,2025-09-0{},melding,S,1A,P1,foresatt,aula,,\n"
    rows = [row.format(1 + n % 9) for n in range(10)]
    with log.open("w", encoding="utf-8") as stream:
        stream.write(HEADER)
        block = "".join(rows).replace("e,", ",")  # no ids: a million distinct ids would test memory, not speed
        stream.write(block * 99_990)
        stream.write("e1,2025-02-30,melding,S,1A,P1,,aula,,\n")
        stream.write(block * 9)
    started = time.monotonic()
    result = run_cli(*OPTION["log"], log)
    elapsed = time.monotonic() - started
    assert_clean_refusal(result, log)
    assert result.stderr.startswith(f"{log}:999902: column 'date': '2025-02-30' is not a valid date"), result.stderr
    assert "1 row(s) rejected in all" in result.stderr
    assert elapsed < 10


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    log = tmp_path / "log.csv"
    log.write_bytes((SCHOOL / "log.csv").read_text(encoding="utf-8").encode("utf-16"))
    utf8 = run_cli(*OPTION["log"], SCHOOL / "log.csv", "--format", "json", "--fail-on", "never")
    utf16 = run_cli(*OPTION["log"], log, "--format", "json", "--fail-on", "never")
    assert utf16.exit_code == 0 and utf16.stdout.replace(str(log), "LOG") == utf8.stdout.replace(str(SCHOOL / "log.csv"), "LOG")


def test_windows_1252_roster_csv_is_read(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_bytes("class;grade;pupil\n1A;1;Pø1\n".encode("cp1252"))
    assert run_cli(*OPTION["roster"], roster, "--fail-on", "never").exit_code == 0


def test_the_same_id_in_two_files_is_not_a_duplicate(tmp_path):
    """Systems number their own events: ids are unique within one file."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        path.write_text(HEADER + "e1,2025-09-01,melding,S,1A,P1,,aula,,\n", encoding="utf-8")
    assert run_cli(*BASE, "--log", first, "--log", second, "--fail-on", "never").exit_code == 0


def test_duplicate_rows_are_skipped_and_counted_with_skip_bad_rows():
    import json
    path = HOSTILE / "log" / "duplicate-id.csv"
    result = run_cli(*OPTION["log"], path, "--skip-bad-rows", "--format", "json", "--fail-on", "never")
    log = json.loads(result.stdout)["log"]
    assert log["rows_read"] == 3 and log["rows_rejected"] == 1
    assert log["files"][0]["problems"] == [f"{path}:4: column 'id': duplicate event id 'e1' (first on line 2)"]


def test_minipack_rejects_hostile_log_options_before_reading(tmp_path):
    """A missing or folder path for any file option is one located message."""
    for kind in OPTION:
        for path in (tmp_path / "missing.csv", tmp_path):
            result = run_cli(*OPTION[kind], path)
            assert_clean_refusal(result, path)
    assert MINIPACK.exists()
