"""A plan schema per pack: every question typed, its vocabulary as an enum, described in the pack's language.

The YAML language server reads it (through the plan's `$schema` modeline) to complete
choices and show each question with its source quote on hover. It accepts what
`policycheck.answers` reads: ja/nei for yes/no, a vocabulary entry's id or any of its
words, "ingen" for an empty list, "uke 34" for a week, and a TODO anywhere (an
unfinished plan is still a valid one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policycheck.answers import NO, NONE_WORDS, NUMBER_WORDS, YES
from policycheck.messages import text
from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack
from policycheck.models.plan import LocalPlan
from policycheck.models.question import Question, VocabularyDefinition
from policycheck.schemas import SCHEMA_BASE

TODO_SCHEMA = {"type": "string", "pattern": "TODO"}
NONE_SCHEMA = {"enum": list(NONE_WORDS)}


def plan_schema_name(pack: PolicyPack) -> str:
    return f"plan-{pack.meta.id}.schema.json"


def plan_schema_url(pack: PolicyPack) -> str:
    return SCHEMA_BASE + plan_schema_name(pack)


def plan_schema_text(pack: PolicyPack) -> str:
    """The pack's plan schema as the committed JSON text."""
    schema = LocalPlan.model_json_schema(by_alias=True, mode="validation")
    schema["properties"] = {**schema["properties"], **_sections(pack)}
    schema["$defs"] = {**schema.get("$defs", {}),
                       **{_definition(name): _choice_schema(definition, pack.meta.language)
                          for name, definition in pack.vocabularies.items()}}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": plan_schema_url(pack),
              **schema, "title": localize(pack.meta.title, pack.meta.language)}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_plan_schemas(packs: list[PolicyPack], folder: Path) -> list[Path]:
    from policycheck.output import write_atomic

    written = []
    for pack in packs:
        path = folder / plan_schema_name(pack)
        write_atomic(path, plan_schema_text(pack))
        written.append(path)
    return written


def _sections(pack: PolicyPack) -> dict[str, Any]:
    """Nested object schemas down to each question's typed leaf."""
    root: dict[str, Any] = {}
    for question in pack.questions:
        *parents, leaf = question.path.split(".")
        node = root
        for part in parents:
            node = node.setdefault(part, {"type": "object", "properties": {}})["properties"]
        node[leaf] = _question_schema(question, pack)
    return root


def _question_schema(question: Question, pack: PolicyPack) -> dict[str, Any]:
    language = pack.meta.language
    label = localize(question.label, language)
    quote = " ".join(question.source.quote.split())
    described = {"title": label,
                 "description": f"{label}\n\n§{question.source.section}: «{quote}»" + (
                     f"\n\n{localize(question.help, language)}" if question.help else ""),
                 "markdownDescription": f"**{label}**\n\n> §{question.source.section}: {quote}"}
    if question.type == "records":
        fields = {name: _value_schema(field.type, field.vocabulary) for name, field in (question.fields or {}).items()}
        records = {"type": "array", "items": {"anyOf": [{"type": "object", "properties": fields}, TODO_SCHEMA]}}
        return {**described, "anyOf": [records, NONE_SCHEMA, TODO_SCHEMA]}
    return {**described, **_value_schema(question.type, question.vocabulary)}


def _value_schema(kind: str, vocabulary: str | None) -> dict[str, Any]:
    """What an answer of this type may be written as."""
    if kind in ("choice", "multichoice"):
        choice = {"$ref": f"#/$defs/{_definition(vocabulary or '')}"}
        if kind == "choice":
            return {"anyOf": [choice, TODO_SCHEMA]}
        return {"anyOf": [{"type": "array", "items": {"anyOf": [choice, TODO_SCHEMA]}}, NONE_SCHEMA, choice, TODO_SCHEMA]}
    return {"anyOf": [*_SCALARS[kind], TODO_SCHEMA]}


def _definition(vocabulary: str) -> str:
    """The name under $defs of a vocabulary's choices (each vocabulary is written once, and referred to)."""
    return f"vocabulary-{vocabulary}"


def _choice_schema(definition: VocabularyDefinition, language: str) -> dict[str, Any]:
    """The entries' ids and words as an enum (an open vocabulary also takes the school's own words)."""
    words = list(dict.fromkeys(word for entry in definition.entries for word in entry.words()))
    enum = {"enum": words, "description": text("plan_schema.choices", language,
                                               choices=", ".join(entry.id for entry in definition.entries))}
    return {"anyOf": [enum, {"type": "string"}]} if definition.open else enum


_SCALARS: dict[str, list[dict[str, Any]]] = {
    "yesno": [{"type": "boolean"}, {"enum": [*YES, *NO, *(word.capitalize() for word in (*YES, *NO))]}],
    "list-or-none": [{"type": "array"}, NONE_SCHEMA, {"type": "string"}],
    "date": [{"type": "string", "format": "date"}, {"type": "string", "pattern": r"^\s*\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\s*$"}],
    "week": [{"type": "integer", "minimum": 1, "maximum": 53},
             {"type": "string", "pattern": r"^\s*([Uu]ke|[Uu]ge|[Ww]eek|[Vv]eke|[VvUu])?\.?\s*\d{1,2}\s*$"}],
    "number": [{"type": "number"}, {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\.?(\s+\D*)?$"},
               {"enum": sorted(NUMBER_WORDS)}],
    "text": [{"type": "string"}, {"type": "number"}, {"type": "array", "items": {"type": ["string", "number", "object"]}}],
}
