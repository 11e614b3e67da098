"""Streaming the activity log: CSV (`,` or `;`) and JSON Lines, one pass, one event at a time.

The header is resolved once per file into column indices; each row is then cut with one
`itemgetter` call and converted through cached converters (`loading.convert`). A row that
cannot be read is never dropped silently: it becomes a `Problem` (file:line, column name)
kept in the file's `LogReading` (the first `KEEP_PROBLEMS`, and a count of all), and the
caller decides whether rejected rows fail the run (see docs/activity-log.md).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from policycheck.errors import InputError, Problem, did_you_mean, shown
from policycheck.loading.convert import RowConverter
from policycheck.loading.encoding import choose_encoding
from policycheck.models.events import EVENT_COLUMNS, REQUIRED_COLUMNS, Event
from policycheck.models.mapping import ColumnMapping
from policycheck.vocabulary import EVENT_TYPES, fold

KEEP_PROBLEMS = 20
EVERY_TYPE = frozenset(EVENT_TYPES)
DELIMITERS = (";", ",", "\t", "|")
FIELD_LIMIT = 1 << 20
csv.field_size_limit(FIELD_LIMIT)


@dataclass
class LogReading:
    """What reading one log file found: rows read and rejected, and the first problems."""

    file: str
    format: str
    rows: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    columns: frozenset[str] = frozenset()

    def reject(self, line: int, message: str) -> None:
        self.rejected += 1
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(Problem(self.file, message, line))


class LogStream:
    """The events of several files, read once and lazily, file after file.

    The engine may `narrow` the stream to the event types its checks want before reading
    starts: rows of other types are then still validated (type and date) and counted, but
    no event is built for them, which is most of the saving on a log full of messages.
    """

    def __init__(self, paths: Iterable[Path], mapping: ColumnMapping, readings: list[LogReading]) -> None:
        self.paths = [Path(path) for path in paths]
        self.mapping = mapping
        self.readings = readings
        self.wanted: frozenset[str] | None = None
        self._events: Iterator[Event] | None = None

    def narrow(self, types: Iterable[str]) -> None:
        self.wanted = frozenset(types)

    def __iter__(self) -> Iterator[Event]:
        if self._events is None:
            self._events = chain.from_iterable(map(self._open, self.paths))
        return self._events

    def _open(self, path: Path) -> Iterator[Event]:
        reading = LogReading(str(path), "jsonl" if path.suffix.lower() in (".jsonl", ".ndjson") else "csv")
        self.readings.append(reading)
        if reading.format == "jsonl":
            return read_jsonl(path, self.mapping, reading)
        return read_csv(path, self.mapping, reading, self.wanted)


def read_logs(paths: Iterable[Path], mapping: ColumnMapping, readings: list[LogReading]) -> LogStream:
    """Events of every file in turn; each file's `LogReading` is appended to `readings` as it opens."""
    return LogStream(paths, mapping, readings)


def read_csv(path: Path, mapping: ColumnMapping, reading: LogReading,
             wanted: frozenset[str] | None = None) -> Iterator[Event]:
    """Resolve the header now (file errors surface here), and return the row stream."""
    handle = path.open(encoding=choose_encoding(path, mapping.encoding), newline="")
    try:
        header_text = handle.readline()
        delimiter = mapping.delimiter or sniff_delimiter(header_text)
        header = next(csv.reader([header_text], delimiter=delimiter), [])
        indices = resolve_header(header, mapping, reading.file)
    except BaseException:
        handle.close()
        raise
    reading.columns = frozenset(name for name, index in indices.items() if index is not None)
    labels = {name: header[index].strip() for name, index in indices.items() if index is not None}
    converter = RowConverter(reading.file, mapping, labels)
    return _csv_events(handle, delimiter, indices, len(header), converter, reading, wanted)


def _csv_events(handle: TextIO, delimiter: str, indices: dict[str, int | None], width: int,
                convert: RowConverter, reading: LogReading, wanted: frozenset[str] | None) -> Iterator[Event]:
    """The hot loop, run once per row: kept flat, with every lookup bound to a local name.

    Converting inline (rather than calling `convert.event`) and building the tuple with
    `tuple.__new__` save two Python calls per row; see docs/performance.md.
    """
    rows = csv.reader(handle, delimiter=delimiter)
    canonical = list(indices.values()) == list(range(width))  # the canonical layout needs no cutting
    cut = tuple if canonical else itemgetter(*(width if index is None else index for index in indices.values()))
    dates, days, types, roles_of, channels, flags_of = (convert.dates, convert.days, convert.types, convert.roles,
                                                         convert.channels, convert.flags)
    new, file, count, first_line = tuple.__new__, convert.file, 0, {}
    wanted = EVERY_TYPE if wanted is None else wanted
    try:
        for row in rows:
            if len(row) != width:
                if row:
                    count += 1
                    reading.reject(*width_problem(row, width, rows.line_num + 1))
                continue
            count += 1
            if not canonical:
                row.append("")
                row = cut(row)
            if row[0]:
                if row[0] in first_line:
                    reading.reject(rows.line_num + 1, duplicate_id(convert, row[0], first_line[row[0]]))
                    continue
                first_line[row[0]] = rows.line_num + 1
            try:
                kind = types[row[2]]
                if kind not in wanted:
                    dates[row[1]]  # validated and counted, but no check wants it
                    continue
                id_, date, _, school, class_, pupil, roles, channel, thread, flags = row
                event = new(Event, (id_ or None, dates[date], days[date], kind, school, class_, pupil,
                                    roles_of[roles], channels[channel], thread, flags_of[flags], file, rows.line_num + 1))
            except ValueError:
                reading.reject(rows.line_num + 1, convert.diagnose(tuple(row)))
                continue
            yield event
    except csv.Error as error:
        raise InputError.at(reading.file, csv_problem(error), rows.line_num + 1) from None
    finally:
        reading.rows += count
        handle.close()


def width_problem(row: list[str], width: int, end_line: int) -> tuple[int, str]:
    """(line, message) for a row of the wrong width; a field spanning lines means an unclosed quote."""
    newlines = sum(cell.count("\n") for cell in row)
    spanned = newlines - row[-1].endswith("\n")  # a quote left open at the end swallows the last newline
    if newlines:
        return (end_line - spanned, f"a quoted field runs on to line {end_line} (an unclosed quote?); "
                                    f"the row has {len(row)} fields, the header has {width}")
    return end_line, f"row has {len(row)} fields, the header has {width}"


def csv_problem(error: csv.Error) -> str:
    """A CSV syntax error in plain words (the field limit is hit by an unclosed quote or a non-CSV file)."""
    if "field limit" in str(error):
        return (f"a field is longer than {FIELD_LIMIT:,} characters; expected a CSV file "
                "(an unclosed quote, or a file that is not CSV?)")
    return f"not valid CSV: {error}"


def duplicate_id(convert: RowConverter, id_: str, first: int) -> str:
    return f"column '{convert.labels.get('id', 'id')}': duplicate event id {shown(id_)} (first on line {first})"


def sniff_delimiter(header_line: str) -> str:
    """The most frequent of ; , tab | in the header line (comma when none occurs)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def resolve_header(header: list[str], mapping: ColumnMapping, file: str) -> dict[str, int | None]:
    """Canonical field -> column index (None when absent); InputError when a required one is missing."""
    positions = {fold(name.lstrip("\ufeff")): index for index, name in enumerate(header)}
    indices = {name: positions.get(fold(mapping.columns.get(name, name))) for name in EVENT_COLUMNS}
    missing = [mapping.columns.get(name, name) for name in REQUIRED_COLUMNS if indices[name] is None]
    if missing:
        hints = "".join(did_you_mean(name, header) for name in missing)
        expected = ", ".join(mapping.columns.get(name, name) for name in EVENT_COLUMNS)
        raise InputError.at(file, f"header lacks the required column(s) {', '.join(missing)}{hints}; "
                                  f"found: {', '.join(header) or 'nothing'}; expected columns: {expected}", 1)
    return indices


def read_jsonl(path: Path, mapping: ColumnMapping, reading: LogReading) -> Iterator[Event]:
    """JSON Lines: one object per line, keys as the canonical fields (or as mapped)."""
    encoding = choose_encoding(path, mapping.encoding)  # file errors surface when the file is opened
    return _jsonl_events(path, encoding, mapping, reading)


def _jsonl_events(path: Path, encoding: str, mapping: ColumnMapping, reading: LogReading) -> Iterator[Event]:
    keys = [mapping.columns.get(name, name) for name in EVENT_COLUMNS]
    convert = RowConverter(reading.file, mapping, dict(zip(EVENT_COLUMNS, keys)))
    seen: set[str] = set()
    first_line: dict[str, int] = {}
    with path.open(encoding=encoding) as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            reading.rows += 1
            values = _json_values(text, keys, reading, line)
            if values is None:
                continue
            if values[0] and first_line.setdefault(values[0], line) != line:
                reading.reject(line, duplicate_id(convert, values[0], first_line[values[0]]))
                continue
            seen.update(name for name, value in zip(EVENT_COLUMNS, values) if value)
            try:
                yield convert.event(values, line)
            except ValueError:
                reading.reject(line, convert.diagnose(values))
    reading.columns = frozenset(seen)


def _json_values(text: str, keys: list[str], reading: LogReading, line: int) -> tuple[str, ...] | None:
    try:
        record = json.loads(text)
    except ValueError as error:
        reading.reject(line, f"not valid JSON: {error}")
        return None
    if not isinstance(record, dict):
        reading.reject(line, "expected a JSON object per line")
        return None
    return tuple(_as_text(record.get(key)) for key in keys)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_as_text(item) for item in value)
    return value if isinstance(value, str) else json.dumps(value)
