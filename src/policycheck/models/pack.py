"""A policy pack: one source document as metadata, parameters and rules."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from policycheck.checks.registry import AnyCheck
from policycheck.models.common import GradeRange, Language, LocalizedText, Severity, Strict

RULE_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$"


def _require_english(text: LocalizedText, what: str) -> None:
    if "en" not in text:
        raise ValueError(f"{what} needs an English text ('en') beside the pack's language")


class Parameter(Strict):
    """A number or setting the source text leaves open, with its default and why."""

    default: int | float | str | bool | list[str]
    unit: Literal["count", "days", "working_days", "weeks", "percent", "text", "list", "grade"]
    description: LocalizedText
    rationale: LocalizedText
    minimum: float | None = None
    maximum: float | None = None


class Jurisdiction(Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166 code, e.g. NO, DK")
    municipality: str | None = None
    region: str | None = None


class SourceDocument(Strict):
    title: str
    reference: str | None = None
    url: str | None = None


class Source(Strict):
    """The clause a rule encodes: section as the document numbers it, the quote verbatim."""

    section: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class Applicability(Strict):
    grades: GradeRange | None = Field(default=None, description="Applies when the school has any grade in the range")


class Rule(Strict):
    """One normative statement of the source document, with the check that shows it is met."""

    id: str = Field(pattern=RULE_ID_PATTERN)
    title: LocalizedText
    description: LocalizedText | None = None
    source: Source
    legal_basis: list[str] = Field(default_factory=list)
    modal: str = Field(description="The verb or form the severity is read from: skal, bør, kan, må, forventning ...")
    severity: Severity
    applies_to: Applicability | None = None
    check: AnyCheck
    remediation: LocalizedText
    example: str | None = Field(default=None, description="A plan fragment (YAML) that satisfies the rule; for a log rule, log rows (CSV, canonical columns)")

    @model_validator(mode="after")
    def _english_beside(self) -> "Rule":
        _require_english(self.title, "title")
        _require_english(self.remediation, "remediation")
        return self


class RulesFile(Strict):
    """One file of rules, usually one section of the source document."""

    schema_: str | None = Field(default=None, alias="$schema")
    rules: list[Rule]


class PackMeta(Strict):
    """`pack.yaml`: what the pack is and the parameters its rules use."""

    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["policy-pack"] = "policy-pack"
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    title: LocalizedText
    issuer: str
    jurisdiction: Jurisdiction
    language: Language
    effective_date: dt.date
    source_document: SourceDocument
    parameters: dict[str, Parameter] = Field(default_factory=dict)


class PolicyPack(BaseModel):
    """A loaded pack: its metadata, its rules in file order, and where it came from."""

    meta: PackMeta
    rules: list[Rule]
    folder: str
    parameters: dict[str, int | float | str | bool | list[str]]
    overrides: list[str] = Field(default_factory=list)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
