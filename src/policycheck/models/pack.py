"""A policy pack: one source document as metadata, parameters and rules."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from policycheck.checks.registry import AnyCheck
from policycheck.models.common import Decision, GradeRange, Language, LocalizedText, ParameterOrigin, Severity, Strict
from policycheck.models.duty import UNCONFIRMED_CEILING, Bearer, Modal, SchoolPart, capped
from policycheck.models.question import Question, VocabularyDefinition
from policycheck.models.report import Threshold
from policycheck.models.source import Source

RULE_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$"


def _require_english(text: LocalizedText, what: str) -> None:
    if "en" not in text:
        raise ValueError(f"{what} needs an English text ('en') beside the pack's language")


class ParameterChange(Strict):
    """A new value of a parameter from a day on (a municipal decision, a new law): OpenFisca's dated parameters."""

    from_: dt.date = Field(alias="from", description="The first day the value applies (a check of a school year "
                                                      "uses the value in force on 1 August of that year)")
    value: int | float | str | bool | list[str]
    note: str | None = Field(default=None, description="Why the value changed (a decision, a revision)")


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
    direction: Literal["at_least", "at_most"] | None = Field(
        default=None, description="Which way is stricter: at_least (a floor such as meetings per year: raising it "
                                  "tightens) or at_most (a ceiling such as a reply limit: lowering it tightens). An "
                                  "override file extending another may only tighten (docs/pack-format.md)")
    changes: list[ParameterChange] = Field(default_factory=list, description="Values that replace the default "
                                                                               "from a day on, oldest first")

    def value_on(self, day: dt.date | None) -> int | float | str | bool | list[str]:
        """The value in force on a day: the latest change on or before it, else the default (None: today's)."""
        day = day or dt.date.today()
        in_force = [change for change in self.changes if change.from_ <= day]
        return max(in_force, key=lambda change: change.from_).value if in_force else self.default

    @model_validator(mode="after")
    def _provenance(self) -> "Parameter":
        if (self.origin == "text") != (self.quote is not None):
            raise ValueError("give 'quote' exactly when the origin is 'text'")
        if (self.origin == "municipal-decision") != (self.decision is not None):
            raise ValueError("give 'decision' exactly when the origin is 'municipal-decision'")
        if self.direction is not None and (isinstance(self.default, bool) or not isinstance(self.default, (int, float))):
            raise ValueError("'direction' is for a number: a text or list has no stricter way")
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

    def rests_on(self) -> list[str]:
        """The pack parameters the rule's verdict rests on, read from its check (parts of composites included)."""
        return sorted(self.check.parameter_names())

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


class PackVersion(BaseModel):
    """One version of a pack folder: the top folder is the newest, `versions/<name>/` hold earlier ones."""

    version: str
    effective_date: dt.date
    folder: str


class Floor(BaseModel):
    """A value (a parameter's, or a rule's severity) an override file set, which the files below it may not loosen."""

    value: int | float | str | bool | list[str] | None = Field(description="None for a rule switched off")
    where: str = Field(description="file:line of the override that set it (the pack's pack.yaml for its own value)")
    file: str | None = Field(default=None, description="The override file that set it; None for the pack's own value")
    loosenable: bool = Field(default=False, description="The file that set it lets lower levels loosen it")


class PolicyPack(BaseModel):
    """A loaded pack: its metadata, its rules in file order, and where it came from.

    `versions` lists every version of the pack's folder (with their effective dates), so a check of
    a school year can load the one in force then; `revision` is a digest of the files loaded.
    """

    meta: PackMeta
    rules: list[Rule]
    folder: str
    parameters: dict[str, int | float | str | bool | list[str]]
    overrides: list[str] = Field(default_factory=list)
    versions: list[PackVersion] = Field(default_factory=list)
    revision: str = ""
    chosen_on: dt.date | None = Field(default=None, description="The day whose version was loaded, when the pack has several")

    questions: list[Question] = Field(default_factory=list, description="The plan's questions in the document's order")
    vocabularies: dict[str, VocabularyDefinition] = Field(default_factory=dict)
    set_without_decision: dict[str, str] = Field(
        default_factory=dict, description="Parameter -> the override file:line that set its value with no decision")
    chain: list[str] = Field(default_factory=list, description="The override files applied, the highest level first")
    floors: dict[str, list[Floor]] = Field(
        default_factory=dict, description="Parameter name or rule id -> the values override files set it to, the "
                                          "highest level first: what each lower level may not loosen")

    @property
    def dated(self) -> bool:
        """Whether the day checked can change what is loaded: other versions, or dated parameter values."""
        return len(self.versions) > 1 or any(parameter.changes for parameter in self.meta.parameters.values())

    def threshold(self, name: str) -> Threshold:
        """A parameter's value and where it comes from (a plain override value drops the pack's quote or decision)."""
        definition = self.meta.parameters[name]
        set_in = self.set_without_decision.get(name)
        return Threshold(parameter=name, value=self.parameters[name], origin=definition.origin, set_in=set_in,
                         quote=None if set_in else definition.quote, decision=None if set_in else definition.decision)

    def thresholds(self, rule: Rule) -> list[Threshold]:
        return [self.threshold(name) for name in rule.rests_on()]

    def unconfirmed(self, rule: Rule) -> list[str]:
        """The parameters of the rule that are neither the document's number nor a recorded decision."""
        return [threshold.parameter for threshold in self.thresholds(rule) if not threshold.confirmed]

    def severity_of(self, rule: Rule) -> Severity:
        """The rule's effective severity: at most recommended while a number it rests on is unconfirmed."""
        return capped(rule.severity, UNCONFIRMED_CEILING) if self.unconfirmed(rule) else rule.severity

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def question(self, path: str) -> Question | None:
        return next((question for question in self.questions if question.path == path), None)
