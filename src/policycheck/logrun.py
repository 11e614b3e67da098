"""Preparing a run's activity log: the calendar, roster, mapping, event stream and the report's log section.

Rejected rows never pass silently: by default any rejected row fails the run with exit
code 2, listing the first problems; with `skip_bad_rows` they are counted in the report's
`log` section instead (docs/activity-log.md).
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from policycheck.calendar import build_calendar, parse_school_year
from policycheck.checks.base import LogInputs
from policycheck.errors import InputError, Problem, UsageError
from policycheck.loading.calendar import load_calendar
from policycheck.loading.events import KEEP_PROBLEMS, LogReading, read_logs
from policycheck.loading.mapping import load_mapping
from policycheck.loading.roster import load_roster
from policycheck.models.events import Event
from policycheck.models.report import LogFile, LogSection


@dataclass(frozen=True)
class LogOptions:
    logs: tuple[Path, ...] = ()
    roster: Path | None = None
    calendar: Path | None = None
    mapping: Path | None = None
    school_year: str | None = None
    skip_bad_rows: bool = False


@dataclass
class PreparedLog:
    """The inputs log checks read, and the event stream the engine consumes once."""

    inputs: LogInputs | None
    events: Iterator[Event] | tuple = ()
    readings: list[LogReading] = field(default_factory=list)


def prepare(options: LogOptions, country: str, plan_year: str | None, today: dt.date) -> PreparedLog:
    """Load roster, calendar and mapping (file errors surface here, before any event is read)."""
    roster = load_roster(options.roster) if options.roster else None
    label = options.school_year or plan_year or (roster.school_year if roster else None)
    first_year = _first_year(label)
    calendar = build_calendar(load_calendar(options.calendar), country, first_year, today)
    if not options.logs:
        return PreparedLog(None)
    mapping = load_mapping(options.mapping)
    readings: list[LogReading] = []
    inputs = LogInputs(calendar=calendar, roster=roster, readings=readings)
    events = read_logs(options.logs, mapping, readings, bad_rows_fail=not options.skip_bad_rows)
    return PreparedLog(inputs, events, readings)


def _first_year(label: str | None) -> int | None:
    if label is None:
        return None
    try:
        return parse_school_year(label)
    except ValueError as error:
        raise UsageError(str(error)) from None


def finish(prepared: PreparedLog, options: LogOptions) -> LogSection | None:
    """Read what the engine left unread, then fail on rejected rows or describe them."""
    deque(prepared.events, maxlen=0)
    if prepared.inputs is None:
        return None
    rejected = sum(reading.rejected for reading in prepared.readings)
    if rejected and not options.skip_bad_rows:
        raise InputError(_row_problems(prepared.readings, rejected))
    return _section(prepared, options)


def _row_problems(readings: list[LogReading], rejected: int) -> list[Problem]:
    problems = [problem for reading in readings for problem in reading.problems][:KEEP_PROBLEMS]
    summary = (f"{rejected} row(s) rejected in all (first {len(problems)} shown); fix them, "
               "or give --skip-bad-rows to check the rest and count them in the report")
    return problems + [Problem(readings[0].file if len(readings) == 1 else "activity log", summary)]


def _section(prepared: PreparedLog, options: LogOptions) -> LogSection:
    files = [LogFile(file=r.file, format=r.format, rows_read=r.rows, rows_rejected=r.rejected,
                     problems=[str(problem) for problem in r.problems]) for r in prepared.readings]
    return LogSection(files=files, rows_read=sum(f.rows_read for f in files),
                      rows_rejected=sum(f.rows_rejected for f in files),
                      bad_rows="skip" if options.skip_bad_rows else "fail",
                      roster=str(options.roster) if options.roster else None,
                      calendar=str(options.calendar) if options.calendar else None,
                      school_year=prepared.inputs.calendar.label)
