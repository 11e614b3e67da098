"""Loading a local school-home plan and checking its keys against the pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from policycheck.answers import AnswerProblem, read_answers
from policycheck.checks.base import PlanView
from policycheck.errors import InputError, Problem
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.pack import PolicyPack
from policycheck.models.plan import METADATA_KEYS, LocalPlan


@dataclass(frozen=True)
class LevelledProblem:
    """A problem with an answer, located in the plan file, as an error or a warning."""

    level: str
    problem: Problem
    key: str

    @property
    def unfinished(self) -> bool:
        """A TODO left or a question unanswered: a gap the report shows, not a wording problem."""
        return self.key in ("answer.todo", "answer.unanswered")

    def __str__(self) -> str:
        """'file:line:column: warning: message', the form editors and CI annotations read."""
        return f"{self.problem.where}: {self.level}: {self.problem.message}"


@dataclass
class PlanReading:
    """A loaded plan, the view checks read (answers normalised by the pack's questions), and
    the answers that could not be read."""

    plan: LocalPlan
    view: PlanView
    answer_problems: list[AnswerProblem] = field(default_factory=list)
    document: YamlDocument | None = None

    def located(self, language: str) -> list[LevelledProblem]:
        """Each answer problem at its file:line:column, in `language`."""
        return [LevelledProblem(item.level, _located(self.document, item, language), item.message.key)
                for item in self.answer_problems]


def load_plan(path: Path, pack: PolicyPack | None = None) -> tuple[LocalPlan, PlanView]:
    """The validated plan and the view checks read; with a pack, typos in section keys are errors."""
    reading = read_plan(path, pack)
    return reading.plan, reading.view


def read_plan(path: Path, pack: PolicyPack | None = None) -> PlanReading:
    """`load_plan`, keeping what reading the answers found (for `validate --policy` and `check`'s warnings)."""
    document = load_yaml(path)
    plan = validate_document(document, LocalPlan, "plan")
    if pack is None:
        view = PlanView(data=document.data, file=document.file, marks=document.value_marks, attestations=plan.attestations)
        return PlanReading(plan, view, document=document)
    problems = misspelt_keys(document, pack)
    if problems:
        raise InputError(problems)
    answers = read_answers(document.data, pack.questions, pack.vocabularies)
    view = PlanView(data=answers.data, file=document.file, marks=document.value_marks, attestations=plan.attestations)
    return PlanReading(plan, view, answers.problems, document)


def answered_view(pack: PolicyPack, data: dict, file: str, marks: dict, attestations: list) -> PlanView:
    """The view over plan data given as a mapping (a pack's test case, a rule's example), its answers
    normalised by the pack's questions as a loaded plan's are."""
    return PlanView(read_answers(data, pack.questions, pack.vocabularies).data, file, marks, attestations)


def _located(document: YamlDocument, item: AnswerProblem, language: str) -> Problem:
    line, column = document.locate(item.path)
    return Problem(document.file, item.message.render(language), line, column)


def known_paths(pack: PolicyPack) -> set[str]:
    return {path for rule in pack.rules for path in rule.check.placeholders()} | {q.path for q in pack.questions}


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
