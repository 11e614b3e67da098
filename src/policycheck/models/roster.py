"""The school's roster: classes, their grade and contact teacher, pupils as pseudonyms."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field, model_validator

from policycheck.models.common import SchoolYear, Strict


class Pupil(Strict):
    id: str = Field(min_length=1, description="Pseudonym, as in the activity log's pupil column")
    guardians: int | list[str] = Field(default=1, description="Number of guardians, or their pseudonyms")


class SchoolClass(Strict):
    id: str = Field(min_length=1, description="Class id as in the log's class column, e.g. 5A")
    grade: int = Field(ge=0, le=13)
    contact_teacher: str | None = Field(default=None, description="Pseudonym of the kontaktlærer")
    pupils: list[Pupil | str] = Field(default_factory=list, description="Pupils (a pseudonym alone means one guardian)")

    def pupil_ids(self) -> list[str]:
        return [pupil if isinstance(pupil, str) else pupil.id for pupil in self.pupils]


class Roster(Strict):
    """`roster.yaml`: every class and pupil, so that a pupil with no events is still seen."""

    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["roster"] = "roster"
    school: str | None = None
    school_year: SchoolYear | None = None
    classes: list[SchoolClass]

    @model_validator(mode="after")
    def _unique_ids(self) -> "Roster":
        classes = [school_class.id for school_class in self.classes]
        pupils = [pupil for school_class in self.classes for pupil in school_class.pupil_ids()]
        for what, ids in (("class", classes), ("pupil", pupils)):
            duplicates = sorted(item for item, seen in Counter(ids).items() if seen > 1)
            if duplicates:
                raise ValueError(f"{what} listed twice: {', '.join(duplicates[:5])}")
        return self

    def class_of(self) -> dict[str, str]:
        """Pupil pseudonym -> class id."""
        return {pupil: c.id for c in self.classes for pupil in c.pupil_ids()}

    def grade_of(self) -> dict[str, int]:
        """Class id -> grade."""
        return {c.id: c.grade for c in self.classes}
