"""Finding and loading policy packs: bundled ones by name, others by path."""

from __future__ import annotations

import re
from pathlib import Path

from policycheck.errors import InputError, Problem, UsageError, did_you_mean
from policycheck.loading.overrides import is_override_file, load_override
from policycheck.loading.questions import load_questions, resolve_rule_choices
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.duty import duty_problems
from policycheck.models.pack import PackMeta, PolicyPack, Rule, RulesFile
from policycheck.resources import bundled_packs_dir

PACK_FILE = "pack.yaml"


def bundled_pack_names() -> list[str]:
    root = bundled_packs_dir()
    return sorted(p.name for p in root.iterdir() if (p / PACK_FILE).is_file()) if root.is_dir() else []


def resolve_pack_folder(reference: str) -> Path:
    """The folder of a pack given by bundled name, folder path or path to its pack.yaml."""
    path = Path(reference)
    if path.is_file() and path.name == PACK_FILE:
        return path.parent
    if (path / PACK_FILE).is_file():
        return path
    bundled = bundled_packs_dir() / reference
    if "/" not in reference and (bundled / PACK_FILE).is_file():
        return bundled
    names = bundled_pack_names()
    raise UsageError(
        f"unknown policy pack '{reference}'{did_you_mean(reference, names)}; "
        f"give a bundled pack ({', '.join(names) or 'none installed'}) or a folder holding {PACK_FILE}"
    )


def load_pack(reference: str) -> PolicyPack:
    """Load a pack by name or folder, or an override file that extends one."""
    if is_override_file(Path(reference)):
        return load_override(Path(reference), load_pack)
    return _load_pack_folder(resolve_pack_folder(reference))


def _load_pack_folder(folder: Path) -> PolicyPack:
    """Load and cross-check a pack: metadata, every rules file, unique ids, known parameters."""
    meta = validate_document(load_yaml(folder / PACK_FILE), PackMeta, "pack")
    rules: list[Rule] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for rules_path in sorted((folder / "rules").glob("*.yaml"), key=_section_order):
        document = load_yaml(rules_path)
        rules_file = validate_document(document, RulesFile, "rules file")
        problems += _cross_check(rules_file, document, meta, seen)
        rules += rules_file.rules
    questions, vocabularies, question_problems = load_questions(folder, _section_order)
    problems += question_problems
    if problems:
        raise InputError(problems)
    resolve_rule_choices(rules, questions, vocabularies)
    parameters = {name: parameter.default for name, parameter in meta.parameters.items()}
    return PolicyPack(meta=meta, rules=rules, folder=str(folder), parameters=parameters,
                      questions=questions, vocabularies=vocabularies)


def _section_order(path: Path) -> list:
    """Files named by section sort as the document numbers them: 3.2 before 3.10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\-_]", path.stem)]


def _cross_check(rules_file: RulesFile, document: YamlDocument, meta: PackMeta, seen: dict[str, str]) -> list[Problem]:
    """Problems no schema can see: duplicate ids, undefined parameters, missing pack language,
    a severity or school part that contradicts the rule's modal and bearer (the pack lint)."""
    problems = []
    for index, rule in enumerate(rules_file.rules):
        def problem(message: str, *path: str | int) -> None:
            line, column = document.locate(("rules", index, *path))
            problems.append(Problem(document.file, f"rule '{rule.id}': {message}", line, column))

        if rule.id in seen:
            problem(f"duplicate rule id (first defined at {seen[rule.id]})", "id")
        seen.setdefault(rule.id, f"{document.file}:{document.locate(('rules', index, 'id'))[0]}")
        for name in sorted(rule.check.parameter_names() - set(meta.parameters)):
            problem(f"check uses undefined parameter '{name}'{did_you_mean(name, meta.parameters)}", "check")
        for field in ("title", "remediation"):
            if meta.language not in getattr(rule, field):
                problem(f"{field} needs a text in the pack's language '{meta.language}'", field)
        for message in duty_problems(rule.modal, rule.bearer, rule.school_part, rule.severity):
            problem(message, "severity")
    return problems
