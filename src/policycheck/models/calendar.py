"""The school's calendar file: its school year and its own holidays."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from policycheck.models.common import Strict


class Period(Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Holiday(Strict):
    """A closed day or range: `date`, or `start` and `end` (inclusive)."""

    name: str | None = None
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "Holiday":
        if (self.date is None) == (self.start is None or self.end is None):
            raise ValueError("give either 'date' or both 'start' and 'end'")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def days(self) -> tuple[dt.date, dt.date]:
        return (self.date, self.date) if self.date else (self.start, self.end)


class CalendarFile(Strict):
    """`calendar.yaml`: the school year's first and last day, and the school's own holidays."""

    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["school-calendar"] = "school-calendar"
    country: Literal["NO", "DK"] | None = Field(default=None, description="Whose public holidays apply")
    school_year: Period | None = None
    holidays: list[Holiday] = Field(default_factory=list)
