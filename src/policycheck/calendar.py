"""School years, half-years and working days, with Norwegian and Danish public holidays.

Public holidays come from the maintained `holidays` package (docs/decisions.md says why),
through an on-disk cache (holiday_cache) so most runs never import it; the school's own
holidays (autumn break, planning days) come from its calendar file.
A working day is a weekday that is neither a public holiday nor one of the school's own.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from policycheck import holiday_cache
from policycheck.models.calendar import CalendarFile
from policycheck.models.common import school_year_start

# First day: the first Monday on or after this date; last day: the Friday on or before.
DEFAULT_START = {"NO": (8, 15), "DK": (8, 8)}
DEFAULT_END = {"NO": (6, 21), "DK": (6, 27)}
AUTUMN, SPRING = "autumn", "spring"


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def parse_school_year(text: str) -> int:
    """'2025-2026' -> 2025; ValueError unless the years are consecutive."""
    return school_year_start(text)


def default_year(country: str, first_year: int) -> tuple[dt.date, dt.date]:
    """The usual first and last school day of a school year in the country."""
    start = _weekday_on_or_after(dt.date(first_year, *DEFAULT_START.get(country, (8, 15))), 0)
    end = _weekday_on_or_before(dt.date(first_year + 1, *DEFAULT_END.get(country, (6, 21))), 4)
    return start, end


def school_year_of(day: dt.date) -> int:
    """The first calendar year of the school year a day falls in (August turns the year)."""
    return day.year if day.month >= 8 else day.year - 1


@dataclass(frozen=True)
class SchoolCalendar:
    """One school year of one school: its span, its closed days, and working-day arithmetic."""

    country: str
    start: dt.date
    end: dt.date
    own_holidays: tuple[tuple[dt.date, dt.date], ...] = ()

    @property
    def label(self) -> str:
        return f"{self.start.year}-{self.start.year + 1}"

    @property
    def spring_start(self) -> dt.date:
        return dt.date(self.start.year + 1, 1, 1)

    def half_of(self, day: dt.date) -> str | None:
        """autumn, spring, or None when the day is outside the school year."""
        if not self.start <= day <= self.end:
            return None
        return AUTUMN if day < self.spring_start else SPRING

    def period_end(self, period: str) -> dt.date:
        """The last day of a period: 'school_year', 'autumn' or 'spring'."""
        return self.spring_start - dt.timedelta(days=1) if period == AUTUMN else self.end

    def is_closed(self, day: dt.date) -> bool:
        return any(first <= day <= last for first, last in self.own_holidays)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in public_holidays(self.country, day.year, day.year) \
            and not self.is_closed(day)

    def working_days_between(self, earlier: dt.date, later: dt.date) -> int:
        """Working days after `earlier` up to and including `later` (0 for the same day)."""
        ranks = self.day_ranks()
        if earlier in ranks and later in ranks:  # the common case: one dict lookup each
            return ranks[later] - ranks[earlier]
        if later < earlier:
            return -self.working_days_between(later, earlier)
        return self._rank(later) - self._rank(earlier)

    @property
    def _working_days(self) -> list[dt.date]:
        return _working_days(self.country, self.start.year, self.end.year, self.own_holidays)

    def day_ranks(self) -> dict[dt.date, int]:
        """Every day of the school year's two calendar years -> working days on or before it.

        `ranks[b] - ranks[a]` is `working_days_between(a, b)`; hot loops use it directly.
        """
        return _ranks(self.country, self.start.year, self.end.year, self.own_holidays)

    def _rank(self, day: dt.date) -> int:
        """How many working days fall on or before `day`, counted from 1 January of the first year.

        Days before the span get zero or a negative rank, days after it a rank beyond the span's,
        each counted with its own year's public holidays and the school's own closed days, so that
        `_rank(b) - _rank(a)` is always the working days in (a, b].
        """
        days = self._working_days
        first, last = dt.date(self.start.year, 1, 1), dt.date(self.end.year, 12, 31)
        if day < first:
            return -self._working_days_in(day, first - dt.timedelta(days=1))
        if day > last:
            return len(days) + self._working_days_in(last, day)
        return bisect_right(days, day)

    def _working_days_in(self, after: dt.date, up_to: dt.date) -> int:
        """Working days in (after, up_to], one calendar year at a time."""
        count = 0
        for year in range(after.year, up_to.year + 1):
            year_days = _working_days(self.country, year, year, self.own_holidays)
            count += bisect_right(year_days, up_to) - bisect_right(year_days, after)
        return count


@lru_cache(maxsize=64)
def _working_days(country: str, first_year: int, last_year: int,
                  own: tuple[tuple[dt.date, dt.date], ...]) -> list[dt.date]:
    """Every working day of the years, in order (cached: the schools of an audit share calendars)."""
    public = public_holidays(country, first_year, last_year)
    first, last = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() < 5 and day not in public
            and not any(start <= day <= end for start, end in own)]


@lru_cache(maxsize=16)
def _ranks(country: str, first_year: int, last_year: int,
           own: tuple[tuple[dt.date, dt.date], ...]) -> dict[dt.date, int]:
    days = _working_days(country, first_year, last_year, own)
    first, last = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    span = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return {day: bisect_right(days, day) for day in span}


@lru_cache(maxsize=64)
def public_holidays(country: str, first_year: int, last_year: int) -> frozenset[dt.date]:
    """Public holidays of Norway or Denmark in the years (cached per process, and on disk: holiday_cache)."""
    if country not in ("NO", "DK"):
        return frozenset()
    return holiday_cache.public_holidays(country, first_year, last_year)


def build_calendar(file: CalendarFile, country: str, first_year: int | None, today: dt.date) -> SchoolCalendar:
    """The school year asked for (else the file's, else the one `today` falls in) with its holidays."""
    country = file.country or country
    own = tuple(holiday.days() for holiday in file.holidays)
    if file.school_year and (first_year is None or file.school_year.start.year == first_year):
        return SchoolCalendar(country, file.school_year.start, file.school_year.end, own)
    start, end = default_year(country, school_year_of(today) if first_year is None else first_year)
    return SchoolCalendar(country, start, end, own)
