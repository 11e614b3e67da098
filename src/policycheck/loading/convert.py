"""Turning raw text values into `Event`s: one row's (`event`), or many rows' columns at once (`events`).

Values repeat (a year has ~200 school days, a dozen types, a handful of role sets), so each
converter is a dict that computes a value on its first miss (`__missing__`) and answers
every later row at C speed. The caches are bounded by distinct values, not rows.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import repeat
from typing import Callable, Sequence

from policycheck.errors import shown
from policycheck.models.events import EVENT_COLUMNS, LIST_SEPARATORS, Event
from policycheck.models.mapping import DATE_FORMATS, ColumnMapping
from policycheck.vocabulary import CHANNEL_VOCABULARY, EVENT_VOCABULARY, FLAG_VOCABULARY, ROLE_VOCABULARY, Vocabulary, fold

CACHE_LIMIT = 100_000
SHARED_LIMIT = 16  # distinct mappings whose conversions are kept in one process
NONE_IF_EMPTY = {"": None}  # an empty id is None
NORDIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_SPLIT = re.compile("|".join(re.escape(sep) for sep in LIST_SEPARATORS))


class Cache(dict):
    """value = cache[raw]: converted once per distinct raw value; ValueError when it cannot be."""

    def __init__(self, convert: Callable[[str], object]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, raw: str) -> object:
        if len(self) >= CACHE_LIMIT:  # date-times can be all distinct: stay bounded
            self.clear()
        value = self[raw] = self.convert(raw)
        return value


def parse_date(raw: str, date_format: str | None = None) -> dt.date:
    """ISO date or date-time, or dd.mm.yyyy [HH:MM]; ValueError saying what is wrong."""
    text = raw.strip()
    if not text:
        raise ValueError("is empty")
    try:
        if date_format and date_format != "iso":
            return dt.datetime.strptime(text, DATE_FORMATS[date_format]).date()
        nordic = NORDIC_DATE.match(text)
        if nordic:
            return _nordic(nordic)
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{shown(raw)} is not a valid date ({_why(error)}); expected YYYY-MM-DD or DD.MM.YYYY") from None


def _nordic(match: re.Match) -> dt.date:
    day, month, year, hour, minute, second = match.groups()
    if hour is None:
        return dt.date(int(year), int(month), int(day))
    return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))


def _why(error: ValueError) -> str:
    text = str(error)
    return text if "range" in text or "must be" in text else "not a date"


def day_of(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _mapped(value_map: dict[str, str]) -> dict[str, str]:
    return {fold(raw): target for raw, target in value_map.items()}


def _lookup(vocabulary: Vocabulary, value_map: dict[str, str], strict: bool) -> Callable[[str], str]:
    mapped = _mapped(value_map)

    def convert(raw: str) -> str:
        word = mapped.get(fold(raw), raw.strip())
        if strict:
            if not word:
                raise ValueError("is empty")
            return vocabulary.canonical(word)
        return vocabulary.open_canonical(word) if word else ""
    return convert


def _set_of(single: Callable[[str], str], separator: str | None) -> Callable[[str], frozenset[str]]:
    def convert(raw: str) -> frozenset[str]:
        parts = raw.split(separator) if separator else _SPLIT.split(raw)
        return frozenset(filter(None, (single(part) for part in parts if part.strip())))
    return convert


class Conversions:
    """The converters of one way of writing values (a mapping's value maps, date format and list separator)."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.dates = Cache(lambda raw: parse_date(raw, mapping.date_format))
        self.days = Cache(lambda raw: day_of(self.dates[raw]))
        self.types = Cache(_lookup(EVENT_VOCABULARY, mapping.types, strict=True))
        self.channels = Cache(_lookup(CHANNEL_VOCABULARY, mapping.channels, strict=False))
        self.roles = Cache(_set_of(_lookup(ROLE_VOCABULARY, mapping.roles, strict=False), mapping.list_separator))
        self.flags = Cache(_set_of(_lookup(FLAG_VOCABULARY, mapping.flags, strict=False), mapping.list_separator))


_SHARED: dict[tuple, Conversions] = {}


def conversions(mapping: ColumnMapping) -> Conversions:
    """One `Conversions` per way of writing values in this process: the files of an audit's schools share their
    caches (a school's year has the same dates, types and role sets as the next one's), so each distinct value
    is converted once per process, not once per file. A handful of mappings at most; each cache is bounded."""
    key = (mapping.date_format, mapping.list_separator,
           *(tuple(sorted(values.items())) for values in (mapping.types, mapping.roles, mapping.channels, mapping.flags)))
    if key not in _SHARED:
        if len(_SHARED) >= SHARED_LIMIT:
            _SHARED.clear()
        _SHARED[key] = Conversions(mapping)
    return _SHARED[key]


class RowConverter:
    """Converters for one file; `event(values, line)` with values in EVENT_COLUMNS order."""

    def __init__(self, file: str, mapping: ColumnMapping, labels: dict[str, str] | None = None) -> None:
        self.file = file
        self.labels = labels or {}
        shared = conversions(mapping)
        self.dates, self.days, self.types = shared.dates, shared.days, shared.types
        self.channels, self.roles, self.flags = shared.channels, shared.roles, shared.flags

    def event(self, values: tuple[str, ...], line: int) -> Event:
        id_, date, type_, school, class_, pupil, roles, channel, thread, flags = values
        return Event._make((id_ or None, self.dates[date], self.days[date], self.types[type_],
                            school, class_, pupil, self.roles[roles], self.channels[channel],
                            thread, self.flags[flags], self.file, line))

    def events(self, columns: list[Sequence[str]], kinds: Sequence[str], lines: Sequence[int]) -> list[Event]:
        """`event` for many rows at once, a column at a time in C (`map`, `zip`): `columns` in
        EVENT_COLUMNS order, `kinds` their types already converted."""
        ids, dates, _, school, class_, pupil, roles, channel, thread, flags = columns
        return list(map(tuple.__new__, repeat(Event), zip(
            map(NONE_IF_EMPTY.get, ids, ids), map(self.dates.__getitem__, dates), map(self.days.__getitem__, dates),
            kinds, school, class_, pupil, map(self.roles.__getitem__, roles), map(self.channels.__getitem__, channel),
            thread, map(self.flags.__getitem__, flags), repeat(self.file), lines)))

    def accepts(self, values: tuple[str, ...]) -> bool:
        """Whether a row's type and date are valid (what `event` and the block checks demand of every row)."""
        try:
            self.types[values[2]]
            self.dates[values[1]]
        except ValueError:
            return False
        return True

    def diagnose(self, values: tuple[str, ...]) -> str:
        """Why `event` refused these values, naming the column."""
        for column, cache in (("date", self.dates), ("type", self.types)):
            raw = values[EVENT_COLUMNS.index(column)]
            try:
                cache[raw]
            except ValueError as error:
                label = self.labels.get(column, column)
                return f"column '{label}': {error}" if raw.strip() else f"column '{label}': missing value"
        return "row could not be read"
