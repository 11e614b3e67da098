"""Streaming the activity log: CSV (`,` or `;`) and JSON Lines, one pass, a batch of events at a time.

The header is resolved once per file into column indices; each row is then cut with one
`itemgetter` call and converted through cached converters (`loading.convert`). A row that
cannot be read is never dropped silently: it becomes a `Problem` (file:line, column name)
kept in the file's `LogReading` (the first `KEEP_PROBLEMS`, and a count of all), and the
caller decides whether rejected rows fail the run (see docs/activity-log.md).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from itertools import chain, compress, islice
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from policycheck.errors import InputError, Problem, did_you_mean, shown
from policycheck.loading.convert import Cache, RowConverter
from policycheck.loading.encoding import choose_encoding
from policycheck.models.events import EVENT_COLUMNS, REQUIRED_COLUMNS, Event
from policycheck.models.mapping import ColumnMapping
from policycheck.vocabulary import EVENT_TYPES, fold

KEEP_PROBLEMS = 20
EVERY_TYPE = frozenset(EVENT_TYPES)
DELIMITERS = (";", ",", "\t", "|")
FIELD_LIMIT = 1 << 20
BLOCK = 32_768  # characters (about 512 lines): a block's strings (about 300 KB) stay within a core's L2 cache (1 MiB here)
BATCH = 256  # events per batch where the input has no blocks of its own (JSON Lines, a list of events)
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
    no event is built for them, which is most of the saving on a log full of messages. It
    reads the events in `batches` (a CSV block's, or `BATCH` JSON lines); iterating the
    stream gives them one by one.
    """

    def __init__(self, paths: Iterable[Path], mapping: ColumnMapping, readings: list[LogReading],
                 bad_rows_fail: bool = False) -> None:
        self.paths = [Path(path) for path in paths]
        self.mapping = mapping
        self.readings = readings
        self.bad_rows_fail = bad_rows_fail
        self.wanted: frozenset[str] | None = None
        self._batches: Iterator[list[Event]] | None = None
        self._events: Iterator[Event] | None = None

    def narrow(self, types: Iterable[str]) -> None:
        self.wanted = frozenset(types)

    def batches(self) -> Iterator[list[Event]]:
        if self._batches is None:
            self._batches = chain.from_iterable(map(self._open, self.paths))
        return self._batches

    def __iter__(self) -> Iterator[Event]:
        if self._events is None:
            self._events = chain.from_iterable(self.batches())
        return self._events

    def _open(self, path: Path) -> Iterator[list[Event]]:
        reading = LogReading(str(path), "jsonl" if path.suffix.lower() in (".jsonl", ".ndjson") else "csv")
        self.readings.append(reading)
        if reading.format == "jsonl":
            return batched(read_jsonl(path, self.mapping, reading))
        return read_csv(path, self.mapping, reading, self.wanted, self.bad_rows_fail)


def batched(items: Iterable[Event], size: int = BATCH) -> Iterator[list[Event]]:
    """`items` cut into lists of `size` (the last one shorter), read lazily."""
    iterator = iter(items)
    return iter(lambda: list(islice(iterator, size)), [])


def read_logs(paths: Iterable[Path], mapping: ColumnMapping, readings: list[LogReading],
              bad_rows_fail: bool = False) -> LogStream:
    """Events of every file in turn; each file's `LogReading` is appended to `readings` as it opens.

    `bad_rows_fail`: the caller fails the run on any rejected row, so a row whose id repeats
    an earlier row's may be found at the end of its file, after its event was yielded
    (`DeferredIds`, cheaper); otherwise it is rejected before its event is yielded (`SeenIds`).
    """
    return LogStream(paths, mapping, readings, bad_rows_fail)


def read_csv(path: Path, mapping: ColumnMapping, reading: LogReading,
             wanted: frozenset[str] | None = None, bad_rows_fail: bool = False) -> Iterator[list[Event]]:
    """Resolve the header now (file errors surface here), and return the events a block at a time."""
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
    ids = DeferredIds() if bad_rows_fail else SeenIds()
    return _csv_events(handle, delimiter, indices, len(header), converter, reading, wanted, ids)


def _csv_events(handle: TextIO, delimiter: str, indices: dict[str, int | None], width: int, convert: RowConverter,
                reading: LogReading, wanted: frozenset[str] | None,
                ids: "SeenIds | DeferredIds") -> Iterator[list[Event]]:
    blocks = CsvBlocks(handle, delimiter, indices, width, convert, reading, EVERY_TYPE if wanted is None else wanted,
                       ids)
    try:
        yield from blocks.batches()
    finally:
        handle.close()


class CsvBlocks:
    """One CSV file's rows, validated and converted a block of lines at a time.

    Most blocks are plain: no quote character, every line as wide as the header, known
    types, valid dates and new ids. Such a block is cut and checked a column at a time with
    C-level `str.split`, slicing, `map` and `set` calls, and events are built only for the
    rows of wanted types: no Python code runs per row. A block with quotes is parsed by
    `csv.reader` (a quoted field may run on over later lines) and, when its rows are one line
    each and as wide as the header, checked by columns the same way. Any other block is read
    row by row (`_row_by_row`), which finds each problem's line and column. All paths give the
    same events and problems (tests/test_log_chunks.py); docs/performance.md has the figures.

    A row whose id repeats that of an earlier accepted row is rejected as a duplicate; only
    rows that are otherwise valid take part. `ids` tracks the accepted rows' ids (`SeenIds`
    or `DeferredIds`); when an id repeats, the file is read once more at its end to name the
    lines (`_report_repeats`).
    """

    def __init__(self, handle: TextIO, delimiter: str, indices: dict[str, int | None], width: int,
                 convert: RowConverter, reading: LogReading, wanted: frozenset[str],
                 ids: "SeenIds | DeferredIds") -> None:
        self.handle = handle
        self.delimiter = delimiter
        self.positions = tuple(indices.values())
        self.width = width
        self.converter = convert
        self.reading = reading
        # raw type -> whether some check wants it (ValueError for an unknown type): one pass validates and picks
        self.wanted_raw = Cache(lambda raw: convert.types[raw] in wanted)
        self.ids = ids

    def batches(self) -> Iterator[list[Event]]:
        """The events of each block (an empty list when no row of it is wanted)."""
        line = 1  # lines read so far: the header
        while text := self._block():
            rows, plain = None, self._split(text)
            if plain is not None:
                columns, end = plain[0], line + plain[1]
            else:  # quoted, or irregular: csv.reader's rows may still be clean columns
                rows, end = self._parse(text, line)
                columns = self._columns(rows, end - line)
            events = None if columns is None else self._clean(columns, range(line + 1, end + 1))
            if events is None:
                if rows is None:
                    rows, end = self._parse(text, line)
                events = self._row_by_row(rows)
            line = end
            yield events
        if self.ids.repeated():
            self._report_repeats()

    def _block(self) -> str:
        """About `BLOCK` characters of whole lines, '' at the end of the file."""
        text = self.handle.read(BLOCK)
        if text and not text.endswith("\n"):
            text += self.handle.readline()
        return text

    def _columns(self, rows: list[tuple[list[str], int]], lines: int) -> list[Sequence[str]] | None:
        """The canonical columns of parsed rows, or None unless each is one line as wide as the header."""
        if len(rows) != lines or any(len(row) != self.width for row, _ in rows):
            return None
        in_file = list(zip(*(row for row, _ in rows)))
        blank = ("",) * len(rows)
        return [blank if index is None else in_file[index] for index in self.positions]

    def _split(self, text: str) -> tuple[list[Sequence[str]], int] | None:
        """The block's canonical columns and its number of lines, or None unless it is plain:
        no quotes, every line as wide as the header, one kind of line end.

        A block longer than the field limit goes to `csv.reader` too, which enforces that limit.
        """
        if '"' in text or "\0" in text or len(text) > FIELD_LIMIT:
            return None
        newline = text.find("\n")
        end = "\r\n" if newline > 0 and text[newline - 1] == "\r" else "\n"  # Excel on Windows writes \r\n
        if not text.endswith(end):  # the file's last line has no line end
            text += end
        # Each line end becomes a field of its own, NUL (a one-character string Python shares):
        # every line is as wide as the header exactly when every (width+1)th field is that NUL.
        # The growth of the text counts the line ends (`str.count` is a slow loop; `in` is memchr).
        delimiter, width = self.delimiter, self.width
        marker = f"{delimiter}\0{delimiter}"
        marked = text.replace(end, marker)
        if "\r" in marked or "\n" in marked:
            return None  # a lone \r or \n: mixed line ends
        count = (len(marked) - len(text)) // (len(marker) - len(end))
        fields = marked.split(delimiter)
        if len(fields) != count * (width + 1) + 1 or fields[width::width + 1].count("\0") != count:
            return None
        blank = ("",) * count
        return [blank if index is None else fields[index::width + 1] for index in self.positions], count

    def _parse(self, text: str, line: int) -> tuple[list[tuple[list[str], int]], int]:
        """Rows of the block with the line each ends on; a quoted field may read on into the file."""
        lines = list(io.StringIO(text, newline=""))  # lines as the file splits them (\n, \r\n or \r)
        reader = csv.reader(chain(lines, self.handle), delimiter=self.delimiter)
        rows = []
        try:
            for row in reader:
                rows.append((row, line + reader.line_num))
                if reader.line_num >= len(lines):
                    break
        except csv.Error as error:
            raise InputError.at(self.reading.file, csv_problem(error), line + reader.line_num) from None
        return rows, line + reader.line_num

    def _clean(self, columns: list[Sequence[str]], lines: range) -> list[Event] | None:
        """The block's events, or None when some row needs a closer look."""
        convert = self.converter
        try:
            wanted = list(map(self.wanted_raw.__getitem__, columns[2]))
            for date in set(columns[1]):
                convert.dates[date]
            events = self._events(columns, wanted, lines)
        except ValueError:
            return None
        if not self.ids.add_block(columns[0]):
            return None
        self.reading.rows += len(wanted)
        return events

    def _events(self, columns: list[Sequence[str]], wanted: list[bool], lines: range) -> list[Event]:
        """Events of the rows of wanted types only."""
        picked = list(compress(range(len(wanted)), wanted))
        if not picked:
            return []
        pick = itemgetter(*picked) if len(picked) > 1 else lambda values: (values[picked[0]],)
        picks = list(map(pick, columns))
        return self.converter.events(picks, list(map(self.converter.types.__getitem__, picks[2])), pick(lines))

    def _row_by_row(self, rows: list[tuple[list[str], int]]) -> list[Event]:
        """Every row on its own, each problem recorded at its line."""
        events, reading, width, convert = [], self.reading, self.width, self.converter
        for row, line in rows:
            if len(row) != width:
                if row:
                    reading.rows += 1
                    reading.reject(*width_problem(row, width, line))
                continue
            reading.rows += 1
            values = self._values(row)
            try:
                event = convert.event(values, line) if self.wanted_raw[values[2]] else None
                convert.dates[values[1]]  # validated and counted even when no check wants the row
            except ValueError:
                reading.reject(line, convert.diagnose(values))
                continue
            if not self.ids.add(values[0]):
                reading.rejected += 1
            elif event is not None:
                events.append(event)
        return events

    def _values(self, row: list[str]) -> tuple[str, ...]:
        """A parsed row's values in canonical column order ('' for a column the file lacks)."""
        return tuple("" if index is None else row[index] for index in self.positions)

    def _report_repeats(self) -> None:
        """Name each repeated id's line and first line, reading the file once more (only a file with repeats).

        `SeenIds` counted these rows as rejected as it read them; `DeferredIds` rows count now.
        Problems stay the first `KEEP_PROBLEMS` by line, whichever kind they are.
        """
        repeats = list(self._repeats())
        if not self.ids.rejects_as_read:
            self.reading.rejected += len(repeats)
        found = [Problem(self.reading.file, duplicate_id(self.converter, id_, first), line)
                 for line, id_, first in repeats[:KEEP_PROBLEMS]]
        self.reading.problems = sorted(self.reading.problems + found, key=lambda problem: problem.line)[:KEEP_PROBLEMS]

    def _repeats(self) -> Iterator[tuple[int, str, int]]:
        """(line, id, first line) of every accepted row whose id an earlier accepted row has."""
        first: dict[str, int] = {}
        with open(self.handle.name, encoding=self.handle.encoding, newline="") as handle:
            handle.readline()
            reader = csv.reader(handle, delimiter=self.delimiter)
            for row in reader:
                if len(row) != self.width:
                    continue
                values = self._values(row)
                if values[0] and self.converter.accepts(values):
                    line = reader.line_num + 1
                    earlier = first.setdefault(values[0], line)
                    if earlier != line:
                        yield line, values[0], earlier


class SeenIds:
    """The ids of the accepted rows in a set: a row whose id repeats is rejected before its event is yielded."""

    rejects_as_read = True

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.repeats = 0

    def add(self, id_: str) -> bool:
        """Add one row's id; False (the row is a duplicate, counted as rejected by the caller) when it repeats."""
        if id_ in self.seen:
            self.repeats += 1
            return False
        if id_:
            self.seen.add(id_)
        return True

    def add_block(self, ids: Sequence[str]) -> bool:
        """Add a block's ids; False (and nothing added) when one repeats: the block is then read row by row."""
        seen = self.seen
        if not seen.isdisjoint(ids):
            return False
        before = len(seen)
        seen.update(ids)
        seen.discard("")
        if len(seen) - before != len(ids) - ids.count(""):
            seen.difference_update(ids)
            return False
        return True

    def repeated(self) -> bool:
        return self.repeats > 0


class DeferredIds:
    """The ids of the accepted rows, one joined string per block, looked over once at the end of the file.

    Keeping a set of a million small strings, each cut from a different block, slows the whole
    reader by scattering later allocations (docs/performance.md). A block's ids joined are one
    allocation, freed at the end of the file. A row whose id repeats is yielded and rejected
    only at the end, which is right only when any rejected row fails the run.
    """

    SEPARATOR = "\n"
    rejects_as_read = False

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.count = 0

    def add(self, id_: str) -> bool:
        self.texts.append(id_)
        self.count += 1
        return True

    def add_block(self, ids: Sequence[str]) -> bool:
        self.texts.append(self.SEPARATOR.join(ids))
        self.count += len(ids)
        return True

    def repeated(self) -> bool:
        """True when some non-empty id repeats (or an id holds the separator, so that only a closer look can tell).

        Asked once, at the end of the file: it lets go of the ids it kept.
        """
        if not self.texts:
            return False
        ids = self.SEPARATOR.join(self.texts).split(self.SEPARATOR)
        self.texts = []
        distinct = dict.fromkeys(ids)  # a dict's table of small indices stays in cache where a set's does not
        distinct.pop("", None)
        return len(ids) != self.count or len(distinct) != len(ids) - ids.count("")


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


def duplicate_id(convert: RowConverter, id_: str, first: int | None) -> str:
    where = f" (first on line {first})" if first is not None else ""
    return f"column '{convert.labels.get('id', 'id')}': duplicate event id {shown(id_)}{where}"


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
            try:
                event = convert.event(values, line)
            except ValueError:
                reading.reject(line, convert.diagnose(values))
                continue
            if values[0] and first_line.setdefault(values[0], line) != line:
                reading.reject(line, duplicate_id(convert, values[0], first_line[values[0]]))
                continue
            seen.update(name for name, value in zip(EVENT_COLUMNS, values) if value)
            yield event
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
