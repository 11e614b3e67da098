"""The CSV log reader's two paths give one answer.

Plain blocks of lines (no quotes, every line as wide as the header) are cut and validated a
column at a time; blocks with quotes are parsed by `csv.reader` and, if their rows are clean,
validated by columns too; any other block is read row by row. These tests protect that
the split is invisible: the same events, the same line numbers, the same row count and the
same problems, whatever the block size and wherever a quoted field, a bad row or a
duplicated id falls.
"""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.loading import events as events_module
from policycheck.loading.events import CsvBlocks, LogReading, read_logs
from policycheck.models.mapping import ColumnMapping

HEADER = ["id", "date", "type", "school", "class", "pupil", "roles", "channel", "thread", "flags"]
# Mostly good values, so that many blocks are plain, and a few of every kind of trouble.
TYPES = ["svar", "henvendelse", "melding", "utviklingssamtale", "Forældremøde"] * 3 + ["svarr", ""]
DATES = ["2025-09-01", "03.09.2025", "2025-09-04T08:30"] * 3 + ["31.02.2025", "", "2025-13-01"]
TEXT = ["", "S", "1A", "P1", "aula", "elev|foresatt"] * 5 + ["a,b", 'say "hi"', "two\nlines", "cr\r\nlf", "lone\rcr"]


def read(path, wanted=None, bad_rows_fail=False):
    readings: list[LogReading] = []
    stream = read_logs([path], ColumnMapping(), readings, bad_rows_fail)
    if wanted is not None:
        stream.narrow(wanted)
    return list(stream), readings[0]


def read_row_by_row(path, monkeypatch, wanted=None):
    """The reference: every block through csv.reader and the row-by-row path."""
    with monkeypatch.context() as patch:
        patch.setattr(CsvBlocks, "_split", lambda self, lines: None)
        patch.setattr(CsvBlocks, "_columns", lambda self, rows, lines: None)
        return read(path, wanted)


def outcome(result):
    events, reading = result
    return events, reading.rows, reading.rejected, [str(problem) for problem in reading.problems]


rows = st.lists(st.one_of(
    st.tuples(st.sampled_from(["e1", "e2", "e3", "e4", ""]), st.sampled_from(DATES), st.sampled_from(TYPES),
              *[st.sampled_from(TEXT)] * 7).map(list),
    st.lists(st.sampled_from(TEXT), max_size=12),  # a row of the wrong width, or a blank line
), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=rows, line_end=st.sampled_from(["\n", "\r\n"]), block=st.sampled_from([1, 5, 40, 100, 16_384]),
       wanted=st.sampled_from([None, frozenset({"svar", "utviklingssamtale"})]),
       mixed=st.one_of(st.none(), st.integers(0, 40)), unterminated=st.booleans(), rotate=st.integers(0, 9))
def test_chunked_reading_equals_row_by_row_reading(tmp_path, monkeypatch, rows, line_end, block, wanted, mixed,
                                                   unterminated, rotate):
    buffer = io.StringIO()
    # Columns in any order (rotated: any column may be last, next to the line end).
    rows = [row[rotate:] + row[:rotate] if len(row) == len(HEADER) else row for row in [HEADER, *rows]]
    csv.writer(buffer, lineterminator=line_end).writerows(rows)
    text = buffer.getvalue()
    if mixed is not None:  # one row ends the other way (anywhere in a block), as when two exports are pasted together
        lines = text.split(line_end)
        if mixed + 1 < len(lines) - 1:
            other = "\n" if line_end == "\r\n" else "\r\n"
            lines[mixed + 1] += other + lines.pop(mixed + 2)
        text = line_end.join(lines)
    if unterminated:  # no line end after the last row
        text = text.removesuffix(line_end)
    path = tmp_path / "log.csv"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(events_module, "BLOCK", block)
    expected = outcome(read_row_by_row(path, monkeypatch, wanted))
    assert outcome(read(path, wanted)) == expected
    deferred_events, deferred = read(path, wanted, bad_rows_fail=True)
    repeated = duplicate_lines(path)
    assert outcome(([e for e in deferred_events if e.line not in repeated], deferred)) == expected


def duplicate_lines(path):
    """Lines of accepted rows whose id an earlier accepted row has: with no narrowing, every accepted row is an event.

    Ids looked over at the end of the file (`bad_rows_fail`) leave these rows' events in the stream.
    """
    first: dict[str, int] = {}
    events, _ = read(path, bad_rows_fail=True)
    return {event.line for event in events if event.id and first.setdefault(event.id, event.line) != event.line}


def test_a_quoted_field_across_a_block_boundary_keeps_later_lines_right(tmp_path, monkeypatch):
    path = tmp_path / "log.csv"
    path.write_text("id,date,type,school,class,pupil,roles,channel,thread,flags\n"
                    "e1,2025-09-01,svar,S,1A,P1,,aula,\"one\ntwo\nthree\",\n"
                    "e2,2025-09-02,svar,S,1A,P1,,aula,T2,\n"
                    "e3,2025-09-03,svar,S,1A,P1,,aula,T3,\n", encoding="utf-8")
    monkeypatch.setattr(events_module, "BLOCK", 20)  # the first block ends inside the quoted field
    events, reading = read(path)
    assert [(event.id, event.line) for event in events] == [("e1", 4), ("e2", 5), ("e3", 6)]
    assert events[0].thread == "one\ntwo\nthree" and reading.rows == 3


def test_a_duplicate_id_names_its_first_line_across_plain_blocks(tmp_path, monkeypatch):
    path = tmp_path / "log.csv"
    path.write_text("id,date,type\n" + "".join(f"e{n},2025-09-01,svar\n" for n in range(10)) + "e3,2025-09-02,svar\n",
                    encoding="utf-8")
    monkeypatch.setattr(events_module, "BLOCK", 60)  # about four lines
    events, reading = read(path)
    assert len(events) == 10 and (reading.rows, reading.rejected) == (11, 1)
    assert str(reading.problems[0]) == f"{path}:12: column 'id': duplicate event id 'e3' (first on line 5)"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_the_first_line_of_a_duplicate_is_found_in_any_encoding(tmp_path, encoding):
    path = tmp_path / "log.csv"
    path.write_bytes("id;date;type;school\nø1;2025-09-01;svar;Skøle\nø1;2025-09-02;svar;Skøle\n".encode(encoding))
    _, reading = read(path)
    assert reading.problems[0].message == "column 'id': duplicate event id 'ø1' (first on line 2)"


def test_a_bad_row_in_a_plain_file_is_found_at_its_line(tmp_path):
    path = tmp_path / "log.csv"
    good = "".join(f"e{n},2025-09-01,svar\n" for n in range(3000))
    path.write_text("id,date,type\n" + good + "x,2025-02-30,svar\n" + good.replace("e", "f"), encoding="utf-8")
    events, reading = read(path)
    assert len(events) == 6000 and (reading.rows, reading.rejected) == (6001, 1)
    assert reading.problems[0].line == 3002 and "'2025-02-30' is not a valid date" in reading.problems[0].message
