"""A policy pack: one source document as metadata, parameters and rules."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from policycheck.checks.registry import AnyCheck
from policycheck.models.common import GradeRange, Language, LocalizedText, Severity, Strict
from policycheck.models.duty import Bearer, Modal, SchoolPart
from policycheck.models.question import Question, VocabularyDefinition
from policycheck.models.source import Source

RULE_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$"


def _require_english(text: LocalizedText, what: str) -> None:
    if "en" not in text:
        raise ValueError(f"{what} needs an English text ('en') beside the pack's language")


ParameterOrigin = Literal["text", "interpretation", "municipal-decision", "tool-setting"]


class Decision(Strict):
    """Who set a number, in which decision, and when (a municipal vedtak, a skoleleder's decision)."""

    decided_by: str = Field(min_length=2, description="The body or office that decided, e.g. 'Hovedutvalg for oppvekst'")
    reference: str = Field(min_length=2, description="The decision's reference, e.g. 'sak 15/25'")
    date: dt.date


class Parameter(Strict):
    """A number or setting a rule uses, with its default, why, and where the number comes from.

    `origin`: `text` (the document states the number: `quote` it), `interpretation` (the pack's
    reading of a vague word such as "regelmæssigt"; `rationale` gives the reasoning),
    `municipal-decision` (set by a decision: `decision` records it), or `tool-setting` (how the
    tool works, not a demand of the document, e.g. how long an attestation stays valid).
    """

    default: int | float | str | bool | list[str]
    unit: Literal["count", "days", "working_days", "weeks", "percent", "text", "list", "grade"]
    origin: ParameterOrigin
    quote: str | None = Field(default=None, description="For origin 'text': the words of the document that state the number, verbatim")
    decision: Decision | None = Field(default=None, description="For origin 'municipal-decision': who decided it and when")
    description: LocalizedText
    rationale: LocalizedText
    minimum: float | None = None
    maximum: float | None = None

    @model_validator(mode="after")
    def _provenance(self) -> "Parameter":
        if (self.origin == "text") != (self.quote is not None):
            raise ValueError("give 'quote' exactly when the origin is 'text'")
        if (self.origin == "municipal-decision") != (self.decision is not None):
            raise ValueError("give 'decision' exactly when the origin is 'municipal-decision'")
        return self


class Jurisdiction(Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166 code, e.g. NO, DK")
    municipality: str | None = None
    region: str | None = None


class SourceDocument(Strict):
    title: str
    reference: str | None = None
    url: str | None = None


class LegalBasis(Strict):
    """A provision a rule rests on, with the period it applies (laws are replaced: opplæringslova 1998 -> 2023)."""

    cite: str = Field(min_length=3, description="e.g. 'opplæringslova (2023) § 10-5'")
    valid_from: dt.date | None = None
    valid_until: dt.date | None = Field(default=None, description="The last day the provision applied")
    note: str | None = Field(default=None, description="e.g. why the section number could not be verified")

    def in_force(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_until is None or day <= self.valid_until)

    def label(self) -> str:
        """The citation as a reader sees it, with its period and note."""
        period = ""
        if self.valid_from or self.valid_until:
            period = f" ({self.valid_from or ''}–{self.valid_until or ''})"
        return self.cite + period + (f" [{self.note}]" if self.note else "")


class Applicability(Strict):
    grades: GradeRange | None = Field(default=None, description="Applies when the school has any grade in the range")


class Rule(Strict):
    """One normative statement of the source document, with the check that shows it is met."""

    id: str = Field(pattern=RULE_ID_PATTERN)
    title: LocalizedText
    description: LocalizedText | None = None
    source: Source
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    modal: Modal = Field(description="The verb or form the severity is read from (docs/pack-format.md)")
    bearer: Bearer = Field(description="Who the statement obliges: the school's own people, or the home, FAU, ...")
    school_part: SchoolPart = Field(description="The school's part: does (its own duty), facilitates or communicates another's")
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

    def legal_basis_on(self, day: dt.date) -> list[str]:
        """The provisions in force on a day (e.g. the first day of the school year checked)."""
        return [basis.label() for basis in self.legal_basis if basis.in_force(day)]


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
    questions: list[Question] = Field(default_factory=list, description="The plan's questions in the document's order")
    vocabularies: dict[str, VocabularyDefinition] = Field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def question(self, path: str) -> Question | None:
        return next((question for question in self.questions if question.path == path), None)
