"""Reading activity logs: formats, encodings, delimiters, dates, and every kind of bad row."""

import datetime as dt
import json

import pytest

from policycheck.errors import InputError
from policycheck.loading import encoding
from policycheck.loading.events import LogReading, read_logs
from policycheck.models.mapping import ColumnMapping

HEADER = "id,date,type,school,class,pupil,roles,channel,thread,flags\n"


def read(tmp_path, text, name="log.csv", mapping=ColumnMapping(), encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    readings: list[LogReading] = []
    events = list(read_logs([path], mapping, readings))
    return events, readings[0]


def test_canonical_csv_with_aliases_dates_and_lists(tmp_path):
    events, reading = read(tmp_path, HEADER + "e1,03.09.2025,Forældremøde,S,1A,,forelder;Kontaktlærer,Aula,,\n"
                                              "e2,2025-09-04T08:30,skole/hjemsamtale,S,1A,P1,elev|foresatt,møte,T1,Sensitiv\n")
    first, second = events
    assert (first.type, first.day, first.roles, first.channel) == (
        "foreldremote", dt.date(2025, 9, 3), frozenset({"foresatt", "kontaktlaerer"}), "aula")
    assert second.date == dt.datetime(2025, 9, 4, 8, 30) and second.day == dt.date(2025, 9, 4)
    assert second.flags == {"sensitive"} and second.source == (str(tmp_path / "log.csv"), 3)
    assert reading.rows == 2 and reading.rejected == 0


def test_semicolon_and_bom_are_detected(tmp_path):
    text = "\ufeffdate;type\n2025-09-03;svar\n"
    events, _ = read(tmp_path, text)
    assert events[0].type == "svar"


@pytest.mark.parametrize("row, expected", [
    ("e1,2025-09-03,svar,S\n", "row has 4 fields, the header has 10"),
    ("e1,31.02.2025,svar,S,,,,,,\n", "column 'date': '31.02.2025' is not a valid date (day is out of range for month)"),
    ("e1,2025-09-03,utviklingsamtale,S,,,,,,\n", "did you mean 'utviklingssamtale'?"),
    ("e1,,svar,S,,,,,,\n", "column 'date': missing value"),
    ("e1,2025-09-03,,S,,,,,,\n", "column 'type': missing value"),
])
def test_each_bad_row_is_a_problem_with_line_and_column(tmp_path, row, expected):
    events, reading = read(tmp_path, HEADER + "ok,2025-09-01,svar,S,,,,,,\n" + row)
    assert len(events) == 1 and reading.rows == 2 and reading.rejected == 1
    problem = reading.problems[0]
    assert problem.line == 3 and expected in problem.message


@pytest.mark.parametrize("tail, where", [
    (b"\xb8x,\xff\n", (2, 7, 0xFF)),  # a character split by the chunk boundary, then a bad byte (byte columns)
    (b"x,y\n", (2, 3, 0xC3)),  # a character cut short, then only ASCII: found where it is, not at the end
])
def test_a_bad_byte_after_a_chunk_boundary_is_located_exactly(tmp_path, monkeypatch, tail, where):
    monkeypatch.setattr(encoding, "CHUNK", 8)
    path = tmp_path / "log.csv"
    path.write_bytes(b"date\nab\xc3" + tail)  # the first chunk ends inside the two bytes of \xc3\xb8 ('\xf8')
    assert encoding._first_bad_byte(path, "utf-8-sig") == where


def test_bad_encoding_names_line_and_column(tmp_path):
    mapping = ColumnMapping(encoding="utf-8")
    with pytest.raises(InputError) as error:
        read(tmp_path, (HEADER + "e1,2025-09-03,svar,Sk\xf8le,,,,,,\n").encode("cp1252"), mapping=mapping)
    problem = error.value.problems[0]
    assert (problem.line, problem.column) == (2, 22) and "0xf8" in problem.message


def test_undecodable_bytes_without_declared_encoding(tmp_path):
    with pytest.raises(InputError) as error:
        read(tmp_path, HEADER.encode() + b"e1,2025-09-03,svar,\x81\xff,,,,,,\n")
    assert "UTF-8 nor Windows-1252" in str(error.value)
    assert error.value.problems[0].line == 2


def test_missing_required_column_is_a_file_error_with_did_you_mean(tmp_path):
    with pytest.raises(InputError) as error:
        read(tmp_path, "id,dato,type\n1,2025-09-03,svar\n")
    problem = error.value.problems[0]
    assert problem.line == 1 and "date" in problem.message and "expected columns" in problem.message


def test_jsonl_rows_and_bad_lines(tmp_path):
    lines = [json.dumps({"date": "2025-09-03", "type": "reply", "roles": ["elev", "foresatt"], "thread": 7}),
             "{not json", json.dumps(["a"]), json.dumps({"date": "2025-09-03"})]
    events, reading = read(tmp_path, "\n".join(lines) + "\n", name="log.jsonl")
    assert events[0].type == "svar" and events[0].thread == "7" and events[0].roles == {"elev", "foresatt"}
    assert reading.rows == 4 and reading.rejected == 3
    assert [p.line for p in reading.problems] == [2, 3, 4]
    assert "column 'type': missing value" in reading.problems[2].message


def test_transponder_style_export_through_a_mapping(tmp_path):
    from policycheck.loading.mapping import load_mapping

    mapping = load_mapping("examples/mappings/transponder.yaml")
    text = ("Meldings-ID;Dato;Hendelse;Skole;Klasse;Elev;Deltakere;Kanal;Sak;Merknad\n"
            "M1;03.09.2025;Foreldremøte;Fjellvegen;5A;;Foresatte, Kontaktlærer;Transponder;;Sensitiv\n")
    events, reading = read(tmp_path, text, mapping=mapping, encoding="cp1252")
    assert reading.rejected == 0
    event = events[0]
    assert (event.type, event.day, event.channel, event.flags) == (
        "foreldremote", dt.date(2025, 9, 3), "transponder", {"sensitive"})
    assert event.roles == {"foresatt", "kontaktlaerer"}


def test_a_narrowed_stream_still_validates_and_counts_rows_no_rule_wants(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(HEADER + "a,2025-09-01,svar,S,,,,,,\nb,31.02.2025,melding,S,,,,,,\nc,2025-09-02,melding,S,,,,,,\n"
                             "d,2025-09-02,mystery,S,,,,,,\n", encoding="utf-8")
    readings: list[LogReading] = []
    stream = read_logs([path], ColumnMapping(), readings)
    stream.narrow({"svar"})
    assert [event.id for event in stream] == ["a"]
    assert readings[0].rows == 4 and readings[0].rejected == 2
    assert [p.line for p in readings[0].problems] == [3, 5]


def test_files_read_the_same_way_share_conversions_and_other_ways_never_do():
    """An audit reads thousands of schools' files: each distinct value is converted once per mapping, not per file,
    and a value converted under one mapping's value maps or date format is never reused under another's."""
    from policycheck.loading.convert import RowConverter

    plain, again = RowConverter("a.csv", ColumnMapping()), RowConverter("b.csv", ColumnMapping())
    assert plain.dates is again.dates and plain.types is again.types and plain.file != again.file
    aula = RowConverter("c.csv", ColumnMapping(types={"Samtale": "utviklingssamtale"}))
    day_first = RowConverter("d.csv", ColumnMapping(date_format="dd-mm-yyyy"))
    assert aula.types is not plain.types and day_first.dates is not plain.dates
    assert aula.types["Samtale"] == "utviklingssamtale"
    with pytest.raises(ValueError):
        plain.types["Samtale"]
    assert day_first.dates["03-09-2025"] == dt.date(2025, 9, 3)
    with pytest.raises(ValueError):
        plain.dates["03-09-2025"]
