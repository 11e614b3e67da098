"""Waivers: approved, dated exceptions that turn a gap into `waived` until they expire."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, RootModel

from policycheck.models.common import Strict


class Waiver(Strict):
    """One approved exception from one rule, for one school or (without `school`) for all."""

    rule: str = Field(min_length=1, description="The id of the rule waived")
    school: str | None = Field(default=None, min_length=1,
                               description="The school's name or id as in its plan; omitted = every school")
    reason: str = Field(min_length=1, description="Why the gap is accepted for now")
    approved_by: str = Field(min_length=1, description="Who approved the waiver (name and role)")
    granted: dt.date | None = Field(default=None, description="The day the waiver was approved; before it the "
                                    "waiver does not hold, so a report --as-of an earlier day keeps the gap")
    expires: dt.date = Field(description="The last day the waiver holds")

    def holds_on(self, day: dt.date) -> bool:
        return (self.granted is None or self.granted <= day) and day <= self.expires

    def covers(self, school: str | None, school_id: str | None) -> bool:
        if self.school is None:
            return True
        wanted = self.school.strip().casefold()
        return any(name is not None and name.strip().casefold() == wanted for name in (school, school_id))


class WaiversFile(RootModel[list[Waiver]]):
    """A waivers file: a YAML list of waivers."""
