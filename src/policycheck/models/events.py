"""One row of the activity log.

`Event` is what the engine streams: a NamedTuple, because a log has millions of rows and a
pydantic model per row would cost more than parsing the file. `EventRecord` is the
pydantic twin that documents the canonical columns and generates `event.schema.json`.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any, Callable, NamedTuple

from pydantic import Field

from policycheck.models.common import Strict

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "type", "school", "class", "pupil", "roles", "channel", "thread", "flags",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("date", "type")
LIST_SEPARATORS = ("|", ";", "+")


class Event(NamedTuple):
    """One event, with its canonical type and where it was read (file, line)."""

    id: str | None
    date: dt.date  # a datetime when the log gives a time of day
    day: dt.date
    type: str
    school: str
    class_: str
    pupil: str
    roles: frozenset[str]
    channel: str
    thread: str
    flags: frozenset[str]
    file: str
    line: int

    @property
    def source(self) -> tuple[str, int]:
        return self.file, self.line


def event_fields(*names: str) -> Callable[[Event], Any]:
    """A getter of these fields of an event (one field: its value; several: a tuple), by position.

    For the hot paths: reading a NamedTuple's attribute goes through Python's generic attribute
    lookup (about 150 machine instructions in CPython 3.11); `itemgetter` indexes the tuple in C.
    """
    return itemgetter(*(Event._fields.index(name) for name in names))


class EventRecord(Strict):
    """The canonical columns of an activity log (CSV header or JSON Lines keys)."""

    id: str | None = Field(default=None, description="The event's id in the source system")
    date: dt.date | dt.datetime = Field(description="ISO 2025-09-03 (or a date-time), or 03.09.2025")
    type: str = Field(description="An event type id or alias from policycheck.vocabulary, e.g. utviklingssamtale")
    school: str | None = None
    class_: str | None = Field(default=None, alias="class", description="Class id as in the roster, e.g. 5A")
    pupil: str | None = Field(default=None, description="Pupil pseudonym as in the roster")
    roles: str | list[str] | None = Field(default=None, description="Participant roles, separated by | ; or +")
    channel: str | None = Field(default=None, description="aula, transponder, e-post, telefon, mote ...")
    thread: str | None = Field(default=None, description="Reference id linking inquiry/reply and invitation/talk")
    flags: str | list[str] | None = Field(default=None, description="sensitive, cost; separated by | ; or +")
