"""`policycheck init`: a local plan skeleton holding every section the pack's rules read.

Each value is a TODO (so a fresh scaffold checks as gaps, not errors), with comments quoting
the source clauses that ask for it. Attestation rules get a template entry each.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack, Rule
from policycheck.resources import schemas_dir


def scaffold_plan(pack: PolicyPack, output: Path | None) -> str:
    """The YAML text of a plan skeleton for `pack`, to be written at `output` (or printed)."""
    language = pack.meta.language
    values, rules_by_path = _collect(pack)
    lines = [f"# yaml-language-server: $schema={_schema_reference(output)}",
             f"# {localize(pack.meta.title, language)} ({pack.meta.id} {pack.meta.version})",
             "# Fill in every TODO; `policycheck check` lists what is still missing.",
             "kind: skole-hjem-plan", f"policy: {pack.meta.id}",
             "school:", "  name: TODO", f"  municipality: {pack.meta.jurisdiction.municipality or 'TODO'}",
             "  # grades: {min: 1, max: 7}   # the school's grades (trinn / klassetrin)",
             "school_year:  # e.g. 2025-2026", ""]
    lines += _section_lines(_tree(values), rules_by_path, (), language)
    lines += ["", *_attestation_lines(pack, language)]
    return "\n".join(lines) + "\n"


def _collect(pack: PolicyPack) -> tuple[dict[str, Any], dict[str, list[Rule]]]:
    values: dict[str, Any] = {}
    rules_by_path: dict[str, list[Rule]] = defaultdict(list)
    for rule in pack.rules:
        for path, value in rule.check.placeholders().items():
            if path != "attestations":
                values[path] = _merged(values[path], value) if path in values else value
                rules_by_path[path].append(rule)
    return values, rules_by_path


def _merged(first: Any, second: Any) -> Any:
    """Two rules' placeholders for one path: a list of entries gets the fields of both, else the first stays."""
    entries = [first, second]
    if all(isinstance(value, list) and value and isinstance(value[0], dict) for value in entries):
        return [{**first[0], **second[0]}]
    return first


def _tree(values: dict[str, Any]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for path, value in sorted(values.items()):
        *parents, leaf = path.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return tree


def _section_lines(tree: dict[str, Any], rules_by_path: dict[str, list[Rule]], path: tuple, language: str) -> list[str]:
    lines = []
    indent = "  " * len(path)
    for key, value in tree.items():
        dotted = ".".join(path + (key,))
        if isinstance(value, dict):
            lines += ([""] if not path else []) + [f"{indent}{key}:"]
            lines += _section_lines(value, rules_by_path, path + (key,), language)
            continue
        for rule in rules_by_path.get(dotted, []):
            lines.append(f"{indent}# {rule.id} (§{rule.source.section}, {rule.modal}): \"{_one_line(rule.source.quote)}\"")
        lines.append(f"{indent}{key}: {_flow(value)}")
    return lines


def _attestation_lines(pack: PolicyPack, language: str) -> list[str]:
    attested = [rule for rule in pack.rules if "attestations" in rule.check.placeholders()]
    if not attested:
        return ["attestations: []"]
    lines = ["# Statements no data can prove: a dated statement naming who attests each one.", "attestations:"]
    for rule in attested:
        lines += [f"  # {localize(rule.title, language)} (§{rule.source.section}): \"{_one_line(rule.source.quote)}\"",
                  f"  - rule: {rule.id}", "    statement: TODO",
                  "    attested_by: {name: TODO, role: TODO}", "    date:  # YYYY-MM-DD"]
    return lines


def _flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(_flow, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    return str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace('"', "'")


def _schema_reference(output: Path | None) -> str:
    schema = schemas_dir() / "plan.schema.json"
    if output is None:
        return str(schema)
    return os.path.relpath(schema, Path(output).resolve().parent)
