"""The local school-home plan (skole-hjem-plan): fixed metadata plus the sections a pack reads.

The sections are the pack's business (each rule names the paths it reads), so the plan
model only fixes what every plan has and lets the rest through; `loading.plans` then
checks the plan's keys against the paths the pack's rules read.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policycheck.models.common import GradeRange, SchoolYear, Strict


class School(Strict):
    name: str = Field(min_length=1)
    id: str | None = None
    municipality: str | None = None
    grades: GradeRange | None = Field(default=None, description="Grades the school has (trinn / klassetrin)")
    type: str | None = None


class Person(Strict):
    name: str | None = None
    role: str | None = Field(default=None, description="e.g. rektor, skoleleder, FAU-leder")


class Attestation(Strict):
    """A dated statement, naming who attests, that a rule no data can prove is met."""

    rule: str = Field(description="The id of the rule attested")
    statement: str | None = None
    attested_by: Person | None = None
    date: dt.date | None = None


class LocalPlan(BaseModel):
    """A school's local plan. Keys beyond these are the plan's sections."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    kind: Literal["skole-hjem-plan"] = "skole-hjem-plan"
    policy: str | None = Field(default=None, description="The pack this plan follows, e.g. tromso")
    school: School
    school_year: SchoolYear | None = None
    updated: dt.date | None = None
    attestations: list[Attestation] = Field(default_factory=list)

METADATA_KEYS = frozenset(LocalPlan.model_fields) | {"$schema", "notes", "notater"}
