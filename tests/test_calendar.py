import datetime as dt

import pytest

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
    assert calendar.working_days_between(D(2030, 1, 7), D(2030, 1, 14)) == 5  # far outside: weekdays


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
