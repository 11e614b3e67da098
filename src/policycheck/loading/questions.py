"""Loading a pack's plan questions (`questions/*.yaml`) and vocabularies (`vocabularies.yaml`).

Questions are read in the document's section order (files named by section, like the rules
files). Each rule's check then reads the choices it names as vocabulary ids, so plan answers
(normalised to ids by `policycheck.answers`) match by meaning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from policycheck.answers import Choices
from policycheck.errors import Problem, did_you_mean
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.pack import Rule
from policycheck.models.question import Question, QuestionsFile, VocabulariesFile, VocabularyDefinition

QUESTIONS_FOLDER = "questions"
VOCABULARIES_FILE = "vocabularies.yaml"


def load_questions(folder: Path, section_order: Callable[[Path], list]) -> tuple[list[Question], dict[str, VocabularyDefinition], list[Problem]]:
    """The pack's questions and vocabularies, and the problems no schema can see."""
    vocabularies: dict[str, VocabularyDefinition] = {}
    if (folder / VOCABULARIES_FILE).is_file():
        vocabularies = validate_document(load_yaml(folder / VOCABULARIES_FILE), VocabulariesFile, "vocabularies file").vocabularies
    questions: list[Question] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in sorted((folder / QUESTIONS_FOLDER).glob("*.yaml"), key=section_order):
        document = load_yaml(path)
        for index, question in enumerate(validate_document(document, QuestionsFile, "questions file").questions):
            for message in _question_problems(question, vocabularies, seen):
                line, column = document.locate(("questions", index))
                problems.append(Problem(document.file, message, line, column))
            seen.add(question.path)
            questions.append(question)
    return questions, vocabularies, problems


def _question_problems(question: Question, vocabularies: dict[str, VocabularyDefinition], seen: set[str]) -> list[str]:
    problems = [f"question '{question.path}' is declared twice"] if question.path in seen else []
    named = [question.vocabulary, *(field.vocabulary for field in (question.fields or {}).values())]
    for name in filter(None, named):
        if name not in vocabularies:
            problems.append(f"question '{question.path}': unknown vocabulary '{name}'{did_you_mean(name, vocabularies)}")
    return problems


def resolve_rule_choices(rules: list[Rule], questions: list[Question], vocabularies: dict[str, VocabularyDefinition]) -> None:
    """Let each rule's check read the choices it names as vocabulary ids."""
    resolver = ChoiceResolution(questions, vocabularies)
    for rule in rules:
        rule.check.resolve_choices(resolver)


class ChoiceResolution:
    """Which vocabulary a plan path (or a record field at it) takes, and the id a word means there."""

    def __init__(self, questions: list[Question], vocabularies: dict[str, VocabularyDefinition]) -> None:
        self.questions = {question.path: question for question in questions}
        self.choices = {name: Choices(name, definition) for name, definition in vocabularies.items()}

    def vocabulary(self, path: str, key: str | None) -> str | None:
        question = self.questions.get(path)
        if question is None:
            return None
        if key is not None:
            field = (question.fields or {}).get(key)
            return field.vocabulary if field else None
        return question.vocabulary

    def __call__(self, path: str, key: str | None, word: str) -> str | None:
        name = self.vocabulary(path, key)
        return self.choices[name].find(word) if name in self.choices else None
