"""`policycheck init`: a local plan a person can fill in, in the pack's language and the document's order.

Each question of the pack is written where the document asks it (sections in the document's
order; a section's keys grouped where they first appear), with comments beside it in the
pack's language: the question, its type and allowed choices, the source quote, and the
rules that read it. Every value is a TODO, so a fresh plan checks as gaps, not errors.
Paths a rule reads that have no question yet are written after them the same way.
Attestation rules get a template entry each.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from policycheck.messages import text
from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack, Rule
from policycheck.models.question import Question

TODO = "TODO"


@dataclass
class _Entry:
    """One plan path with its placeholder value and the comment lines above it."""

    path: str
    value: Any
    comments: list[str] = field(default_factory=list)
    section: str | None = None


def scaffold_plan(pack: PolicyPack, schema_reference: str) -> str:
    """The YAML text of a plan to fill in for `pack`, whose modeline names `schema_reference`."""
    language = pack.meta.language
    lines = [f"# yaml-language-server: $schema={schema_reference}",
             f"# {localize(pack.meta.title, language)} ({pack.meta.id} {pack.meta.version})",
             f"# {text('scaffold.fill_in', language)}",
             "kind: skole-hjem-plan", f"policy: {pack.meta.id}",
             "school:", f"  name: {TODO}", f"  municipality: {pack.meta.jurisdiction.municipality or TODO}",
             f"  # grades: {{min: 1, max: 7}}   # {text('scaffold.grades', language)}",
             f"school_year:  # {text('scaffold.school_year', language)}"]
    lines += _entries_lines(_entries(pack, language), language)
    lines += ["", *_attestation_lines(pack, language)]
    return "\n".join(lines) + "\n"


def _entries(pack: PolicyPack, language: str) -> list[_Entry]:
    """The questions in the document's order, then paths rules read that no question declares."""
    rules_by_path: dict[str, list[Rule]] = defaultdict(list)
    placeholders: dict[str, Any] = {}
    for rule in pack.rules:
        for path, value in rule.check.placeholders().items():
            if path != "attestations":
                rules_by_path[path].append(rule)
                placeholders[path] = _merged(placeholders[path], value) if path in placeholders else value
    entries = [_question_entry(question, pack, rules_by_path[question.path], language) for question in pack.questions]
    declared = {question.path for question in pack.questions}
    entries += [_Entry(path, placeholders[path], _rule_lines(rules_by_path[path], language))
                for path in sorted(placeholders) if path not in declared]
    return entries


def _merged(first: Any, second: Any) -> Any:
    """Two rules' placeholders for one path: a list of entries gets the fields of both, else the first stays."""
    entries = [first, second]
    if all(isinstance(value, list) and value and isinstance(value[0], dict) for value in entries):
        return [{**first[0], **second[0]}]
    return first


def _question_entry(question: Question, pack: PolicyPack, rules: list[Rule], language: str) -> _Entry:
    comments = [localize(question.label, language)]
    if question.help:
        comments.append(localize(question.help, language))
    comments.append(_type_line(question, pack, language))
    comments.append(f"§{question.source.section}: \"{_one_line(question.source.quote)}\"")
    comments += _rule_lines(rules, language)
    return _Entry(question.path, _placeholder(question), comments, question.source.section)


def _placeholder(question: Question) -> Any:
    if question.type == "records":
        return [{name: TODO for name in question.fields or {}}]
    if question.type in ("multichoice", "list-or-none"):
        return [TODO]
    return TODO


def _type_line(question: Question, pack: PolicyPack, language: str) -> str:
    if question.type == "records":
        fields = [f"{name} ({_kind(field.type, field.vocabulary, pack, language)})" for name, field in (question.fields or {}).items()]
        return text("scaffold.type.records", language, fields="; ".join(fields))
    return _kind(question.type, question.vocabulary, pack, language)


def _kind(kind: str, vocabulary: str | None, pack: PolicyPack, language: str) -> str:
    """The type in words, with the allowed choices (their ids) for a choice."""
    if vocabulary is None:
        return text(f"scaffold.type.{kind}", language)
    entries = pack.vocabularies[vocabulary].entries
    return text(f"scaffold.type.{kind}", language, choices=" | ".join(entry.id for entry in entries))


def _rule_lines(rules: list[Rule], language: str) -> list[str]:
    if not rules:
        return []
    read_by = ", ".join(f"{rule.id} ({rule.modal.value})" for rule in rules)
    return [text("scaffold.read_by", language, rules=read_by)]


def _entries_lines(entries: list[_Entry], language: str) -> list[str]:
    """The entries as YAML under section headings in the document's order: each top-level key once,
    in the section most of its questions come from (the earliest of equals)."""
    order = list(dict.fromkeys(entry.section for entry in entries))
    groups = _grouped(entries)
    homes = {top: _home(group, order) for top, group in groups.items()}
    lines: list[str] = []
    section = None
    for top in sorted(groups, key=lambda top: order.index(homes[top])):
        if homes[top] is not None and homes[top] != section:
            section = homes[top]
            lines += ["", f"# ── § {section} " + "─" * 40]
        lines += [""] + _tree_lines(groups[top], 0)
    return lines


def _home(group: list[_Entry], order: list[str | None]) -> str | None:
    counts = Counter(entry.section for entry in group)
    return max(counts, key=lambda section: (counts[section], -order.index(section)))


def _grouped(entries: list[_Entry]) -> dict[str, list[_Entry]]:
    groups: dict[str, list[_Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.path.split(".")[0], []).append(entry)
    return groups


def _tree_lines(entries: list[_Entry], depth: int) -> list[str]:
    """Entries sharing their first `depth` keys, nested by the next key in first-appearance order."""
    lines: list[str] = []
    indent = "  " * depth
    children: dict[str, list[_Entry]] = {}
    for entry in entries:
        children.setdefault(entry.path.split(".")[depth], []).append(entry)
    for key, group in children.items():
        leaf = next((entry for entry in group if len(entry.path.split(".")) == depth + 1), None)
        if leaf is not None:
            lines += [f"{indent}# {comment}" for comment in leaf.comments]
            lines.append(f"{indent}{key}: {_flow(leaf.value)}")
            continue
        lines.append(f"{indent}{key}:")
        lines += _tree_lines(group, depth + 1)
    return lines


def _attestation_lines(pack: PolicyPack, language: str) -> list[str]:
    attested = [rule for rule in pack.rules if "attestations" in rule.check.placeholders()]
    if not attested:
        return ["attestations: []"]
    lines = [f"# {text('scaffold.attestations', language)}", "attestations:"]
    for rule in attested:
        lines += [f"  # {localize(rule.title, language)} (§{rule.source.section}): \"{_one_line(rule.source.quote)}\"",
                  f"  - rule: {rule.id}", f"    statement: {TODO}",
                  f"    attested_by: {{name: {TODO}, role: {TODO}}}", f"    date:  # {text('scaffold.type.date', language)}"]
    return lines


def _flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(_flow, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    return str(value)


def _one_line(quote: str) -> str:
    return " ".join(quote.split()).replace('"', "'")

