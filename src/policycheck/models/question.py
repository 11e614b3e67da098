"""A pack's plan questions and the vocabularies their choices come from.

Every plan path a rule reads is a question declared once in the pack
(`questions/*.yaml`), with a type that says how an answer is read: yes/no, a choice
or several from a named vocabulary (`vocabularies.yaml`), a list that may be "none", a
date, a week, a number, free text, or a list of records with typed fields. The plan
is normalised through these types once, before any check reads it (`policycheck.answers`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from policycheck.models.common import Language, LocalizedText, Strict
from policycheck.models.source import Source

QuestionType = Literal["yesno", "choice", "multichoice", "list-or-none", "date", "week", "number", "text", "records"]
FieldType = Literal["yesno", "choice", "date", "week", "number", "text"]
SynonymSource = Literal["nb", "da", "en", "source"]
PATH_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CHOICE_TYPES = ("choice", "multichoice")


def _vocabulary_given(kind: str, vocabulary: str | None, what: str) -> None:
    if (kind in CHOICE_TYPES) != (vocabulary is not None):
        raise ValueError(f"{what}: give 'vocabulary' exactly when the type is choice or multichoice")


class RecordField(Strict):
    """One field of a record in a `records` question (e.g. `tema` of a `punkter` item)."""

    type: FieldType
    vocabulary: str | None = Field(default=None, description="For a choice: the vocabulary's name")
    label: LocalizedText | None = None

    @model_validator(mode="after")
    def _choice_named(self) -> "RecordField":
        _vocabulary_given(self.type, self.vocabulary, "record field")
        return self


class Question(Strict):
    """One plan field: where it is, how its answer is read, and the clause that asks for it."""

    path: str = Field(pattern=PATH_PATTERN, description="The dotted plan path, e.g. utviklingssamtaler.tema")
    type: QuestionType
    vocabulary: str | None = Field(default=None, description="For choice and multichoice: the vocabulary's name")
    fields: dict[str, RecordField] | None = Field(default=None, description="For records: the typed fields of each item")
    label: LocalizedText
    help: LocalizedText | None = None
    source: Source

    @model_validator(mode="after")
    def _shape(self) -> "Question":
        _vocabulary_given(self.type, self.vocabulary, f"question '{self.path}'")
        if (self.type == "records") != (self.fields is not None):
            raise ValueError(f"question '{self.path}': give 'fields' exactly when the type is records")
        return self


class QuestionsFile(Strict):
    """One file of questions, usually one section of the source document."""

    schema_: str | None = Field(default=None, alias="$schema")
    questions: list[Question]


class VocabularyEntry(Strict):
    """One meaning a choice can have: its id, its labels, and the words that mean it."""

    id: str = Field(pattern=ID_PATTERN, description="ASCII id (æ -> ae, ø -> o, å -> aa), e.g. behov-for-stotte")
    label: LocalizedText
    synonyms: dict[SynonymSource, list[str]] = Field(
        default_factory=dict, description="Other words for it in nb, da, en, and the source document's own wording")

    def words(self) -> list[str]:
        """Every spelling that means this entry: the id, the labels and the synonyms."""
        return [self.id, *self.label.values(), *(word for words in self.synonyms.values() for word in words)]

    def source_words(self) -> list[str]:
        return self.synonyms.get("source", [])


class VocabularyDefinition(Strict):
    """A named list of entries. An open vocabulary lets a school add its own entries."""

    open: bool = Field(default=True, description="Whether values outside the vocabulary are the school's own (true) or errors")
    description: LocalizedText | None = None
    entries: list[VocabularyEntry]

    def label(self, entry_id: str, language: Language) -> str:
        entry = next(entry for entry in self.entries if entry.id == entry_id)
        return entry.label.get(language) or entry.label.get("en") or entry.id


class VocabulariesFile(Strict):
    """`vocabularies.yaml`: the pack's vocabularies by name."""

    schema_: str | None = Field(default=None, alias="$schema")
    vocabularies: dict[str, VocabularyDefinition]
