"""Helpers for log tests: build events and run one check over them."""

from __future__ import annotations

import datetime as dt
import itertools

from policycheck.calendar import SchoolCalendar
from policycheck.checks.base import CheckContext, LogInputs, Outcome, PlanView
from policycheck.loading.events import LogReading
from policycheck.models.events import EVENT_COLUMNS, Event
from policycheck.models.roster import Roster

CALENDAR = SchoolCalendar("NO", dt.date(2025, 8, 18), dt.date(2026, 6, 19), ((dt.date(2025, 9, 29), dt.date(2025, 10, 3)),))
ROSTER = Roster.model_validate({"classes": [
    {"id": "1A", "grade": 1, "pupils": ["P1", "P2"]},
    {"id": "8A", "grade": 8, "pupils": ["P3"]},
]})
YEAR_END = dt.date(2026, 6, 30)
_lines = itertools.count(2)


def ev(day: str, type_: str, *, pupil: str = "", class_: str = "", roles=(), channel: str = "", thread: str = "",
       flags=(), id: str | None = None, file: str = "log.csv") -> Event:
    date = dt.date.fromisoformat(day)
    return Event(id, date, date, type_, "S", class_, pupil, frozenset(roles), channel, thread, frozenset(flags),
                 file, next(_lines))


def start_check(check, *, as_of: dt.date = YEAR_END, roster: Roster | None = ROSTER,
                parameters: dict | None = None, log: bool = True):
    """The check started on the test calendar and roster, with a log of every canonical column (or none)."""
    inputs = None
    if log:
        inputs = LogInputs(CALENDAR, roster, [LogReading("log.csv", "csv", columns=frozenset(EVENT_COLUMNS))])
    return check.start(CheckContext("r-1", PlanView({}, "plan.yaml", {}), parameters or {}, as_of, log=inputs))


def run_check(check, events, *, as_of: dt.date = YEAR_END, roster: Roster | None = ROSTER,
              parameters: dict | None = None, log: bool = True) -> Outcome:
    evaluation = start_check(check, as_of=as_of, roster=roster, parameters=parameters, log=log)
    for event in events:
        if event.type in evaluation.event_types:
            evaluation.observe(event)
    return evaluation.finish()
