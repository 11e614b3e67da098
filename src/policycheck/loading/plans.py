"""Loading a local school-home plan and checking its keys against the pack."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any

from policycheck.checks.base import PlanView
from policycheck.errors import InputError, Problem
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.pack import PolicyPack
from policycheck.models.plan import METADATA_KEYS, LocalPlan


def load_plan(path: Path, pack: PolicyPack | None = None) -> tuple[LocalPlan, PlanView]:
    """The validated plan and the view checks read; with a pack, typos in section keys are errors."""
    document = load_yaml(path)
    plan = validate_document(document, LocalPlan, "plan")
    if pack is not None:
        problems = misspelt_keys(document, pack)
        if problems:
            raise InputError(problems)
    view = PlanView(data=document.data, file=document.file, marks=document.value_marks, attestations=plan.attestations)
    return plan, view


def known_paths(pack: PolicyPack) -> set[str]:
    return {path for rule in pack.rules for path in rule.check.placeholders()}


def misspelt_keys(document: YamlDocument, pack: PolicyPack) -> list[Problem]:
    """Keys the pack's rules never read but that closely resemble one they do (likely typos).

    Keys with no close match are the school's own additions and pass.
    """
    tree = _path_tree(known_paths(pack))
    tree.update({key: {} for key in METADATA_KEYS if key not in tree})
    return list(_walk(document, document.data, tree, ()))


def _path_tree(paths: set[str]) -> dict[str, dict]:
    tree: dict[str, dict] = {}
    for path in paths:
        node = tree
        for part in path.split("."):
            node = node.setdefault(part, {})
    return tree


def _walk(document: YamlDocument, data: Any, tree: dict, path: tuple) -> Any:
    if not isinstance(data, dict) or not tree:
        return
    for key, value in data.items():
        if key in tree:
            yield from _walk(document, value, tree[key], path + (key,))
            continue
        match = get_close_matches(key, list(tree), n=1, cutoff=0.8)
        if match:
            line, column = document.locate(path + (key,), key=True)
            where = ".".join(path) or "the plan"
            message = f"unknown key '{key}' in {where} (did you mean '{match[0]}'?)"
            yield Problem(document.file, message, line, column)
