import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policycheck.calendar import SPRING, build_calendar, default_year, parse_school_year
from policycheck.models.calendar import CalendarFile

D = dt.date


def test_default_school_years_of_norway_and_denmark():
    assert default_year("NO", 2025) == (D(2025, 8, 18), D(2026, 6, 19))
    assert default_year("DK", 2025) == (D(2025, 8, 11), D(2026, 6, 26))


def test_working_days_skip_weekends_public_and_own_holidays():
    own = CalendarFile.model_validate({"holidays": [{"start": "2025-09-29", "end": "2025-10-03"}]})
    calendar = build_calendar(own, "NO", 2025, D(2025, 9, 1))
    assert calendar.working_days_between(D(2025, 9, 26), D(2025, 10, 6)) == 1  # autumn break
    assert calendar.working_days_between(D(2025, 12, 23), D(2026, 1, 2)) == 5  # 25, 26 Dec and 1 Jan off
    assert not calendar.is_working_day(D(2026, 5, 17))
    assert calendar.working_days_between(D(2030, 1, 7), D(2030, 1, 14)) == 5  # far outside: counted with 2030's own holidays


def test_danish_public_holidays_and_half_years():
    calendar = build_calendar(CalendarFile(country="DK"), "NO", 2025, D(2025, 9, 1))
    assert not calendar.is_working_day(D(2026, 5, 14))  # Kristi himmelfartsdag
    assert calendar.half_of(D(2026, 2, 1)) == SPRING and calendar.half_of(D(2026, 7, 1)) is None


def test_calendar_file_school_year_and_bad_labels():
    file = CalendarFile.model_validate({"school_year": {"start": "2025-08-19", "end": "2026-06-19"}})
    assert build_calendar(file, "NO", None, D(2025, 9, 1)).start == D(2025, 8, 19)
    assert build_calendar(CalendarFile(), "NO", None, D(2026, 3, 1)).label == "2025-2026"
    with pytest.raises(ValueError):
        parse_school_year("2025-2027")


# Issue 18: before 1 January of the calendar's first year, working days were counted over [a, b)
# instead of (a, b]. CALENDAR_2025 covers 2025-2026, so December 2024 lies before its span.
CALENDAR_2025 = build_calendar(CalendarFile(), "NO", 2025, D(2025, 9, 1))


def test_saturday_to_monday_before_the_span_is_one_working_day():
    assert CALENDAR_2025.working_days_between(D(2024, 12, 14), D(2024, 12, 16)) == 1


def test_thursday_to_saturday_before_the_span_is_one_working_day():
    assert CALENDAR_2025.working_days_between(D(2024, 12, 12), D(2024, 12, 14)) == 1


def test_friday_to_next_saturday_before_the_span_is_five_working_days():
    assert CALENDAR_2025.working_days_between(D(2024, 12, 13), D(2024, 12, 21)) == 5


def test_public_holidays_outside_the_span_are_not_working_days():
    # Christmas 2024 and Easter 2028 fall in years the calendar was not built for.
    assert CALENDAR_2025.working_days_between(D(2024, 12, 23), D(2024, 12, 27)) == 2
    assert CALENDAR_2025.working_days_between(D(2028, 4, 12), D(2028, 4, 18)) == 1  # Thu, Fri, Mon off


def day_by_day(calendar, earlier: dt.date, later: dt.date) -> int:
    """The plain count the calendar must agree with: working days in (earlier, later], signed."""
    if later < earlier:
        return -day_by_day(calendar, later, earlier)
    days = (earlier + dt.timedelta(days=n) for n in range(1, (later - earlier).days + 1))
    return sum(calendar.is_working_day(day) for day in days)


SPAN_DATES = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(first_year=st.integers(2020, 2029), country=st.sampled_from(["NO", "DK"]),
       earlier=SPAN_DATES, later=SPAN_DATES)
def test_working_days_between_equals_a_day_by_day_count(first_year, country, earlier, later):
    """Before, inside and after the calendar's two years, the count is the day-by-day count."""
    own = CalendarFile.model_validate({"country": country,
                                       "holidays": [{"start": f"{first_year}-10-06", "end": f"{first_year}-10-10"}]})
    calendar = build_calendar(own, country, first_year, D(first_year, 9, 1))
    assert calendar.working_days_between(earlier, later) == day_by_day(calendar, earlier, later)
