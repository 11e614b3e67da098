"""Vocabulary shared by packs, plans and reports."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Language = Literal["nb", "da", "en"]
LANGUAGES: tuple[str, ...] = ("nb", "da", "en")

# Text in the pack's language with English beside it, e.g. {"nb": "...", "en": "..."}.
LocalizedText = dict[Language, str]


def localize(text: LocalizedText | None, language: str, fallback: str = "en") -> str:
    """The text in `language`, else the fallback, else any language given."""
    if not text:
        return ""
    return text.get(language) or text.get(fallback) or next(iter(text.values()))


class Strict(BaseModel):
    """Base for input models: unknown keys are errors, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


ParameterOrigin = Literal["text", "interpretation", "municipal-decision", "tool-setting"]


class Decision(Strict):
    """Who set a number, in which decision, and when (a municipal vedtak, a skoleleder's decision)."""

    decided_by: str = Field(min_length=2, description="The body or office that decided, e.g. 'Hovedutvalg for oppvekst'")
    reference: str = Field(min_length=2, description="The decision's reference, e.g. 'sak 15/25'")
    date: dt.date


class Severity(str, Enum):
    """How binding a rule is, from the modal verb of its source statement."""

    required = "required"        # skal / må / indicative statements of duty
    recommended = "recommended"  # bør
    advisory = "advisory"        # kan / expectations

    @property
    def rank(self) -> int:
        return {"required": 3, "recommended": 2, "advisory": 1}[self.value]


class Status(str, Enum):
    """The outcome of one rule for one school."""

    passed = "pass"
    fail = "fail"
    not_applicable = "not_applicable"
    insufficient_data = "insufficient_data"
    waived = "waived"
    needs_attestation = "needs_attestation"

    @property
    def is_gap(self) -> bool:
        """A rule that is not met and that the school can act on."""
        return self in (Status.fail, Status.needs_attestation)


class GradeRange(Strict):
    """Inclusive range of grades (trinn / klassetrin); 0 is the Danish børnehaveklasse."""

    min: int = Field(ge=0, le=13)
    max: int = Field(ge=0, le=13)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> "GradeRange":
        if self.min > self.max:
            raise ValueError(f"grades from {self.min} to {self.max}: min must not be above max")
        return self

    def overlaps(self, other: "GradeRange") -> bool:
        return self.min <= other.max and other.min <= self.max


def school_year_start(text: str) -> int:
    """'2025-2026' -> 2025; ValueError unless the two years follow each other."""
    first, _, second = text.partition("-")
    if not (len(first) == len(second) == 4 and first.isdigit() and second.isdigit() and int(second) == int(first) + 1):
        raise ValueError(f"'{text}' is not a school year such as 2025-2026 (two years in a row)")
    return int(first)


def _school_year(text: str) -> str:
    school_year_start(text)
    return text


# A school year as plans and rosters write it, e.g. 2025-2026 (the JSON Schema keeps the pattern).
SchoolYear = Annotated[str, Field(pattern=r"^\d{4}-\d{4}$"), AfterValidator(_school_year)]
