"""Reading a plan's answers by meaning: one normalisation step before any check evaluates.

Each question's type says how its answer is read. `ja`, `nej`, `yes`, `false` become
booleans; a choice written in any of its vocabulary entry's words (nb, da, en, the source
document's wording; case, spacing, punctuation and æøå/diacritics folded) becomes the
entry's id; "ingen", "intet", "none" or "-" for a list is the empty list; "uke 34" is the
week 34, "2,5" the number 2.5. A value that cannot be read stays as the school typed it
and is reported as a problem (an error, or a warning for a TODO or a value an open
vocabulary does not know), with where it is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any, Callable, Literal

from policycheck.errors import SHOWN_CHARACTERS, shown
from policycheck.messages import Message
from policycheck.models.question import Question, RecordField, VocabularyDefinition
from policycheck.vocabulary import fold

Level = Literal["error", "warning"]
YES = ("ja", "jo", "yes", "true", "sand", "sant", "y", "j")
NO = ("nei", "nej", "no", "false", "falsk", "usant", "n")
NONE_WORDS = ("ingen", "intet", "ikke noen", "none", "nothing", "-", "–", "—")
NUMBER_WORDS = {
    "null": 0, "nul": 0, "zero": 0, "en": 1, "ett": 1, "et": 1, "ein": 1, "one": 1, "to": 2, "two": 2,
    "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5, "seks": 6, "six": 6, "sju": 7,
    "syv": 7, "seven": 7, "åtte": 8, "otte": 8, "eight": 8, "ni": 9, "nine": 9, "ti": 10, "ten": 10,
}
_PUNCTUATION = re.compile(r"[^\w\s]")
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\.?(?:\s+[^\d\s][^\d]*)?$")
_WEEK = re.compile(r"^\s*(?:uke|uge|week|veke|v|u)?\.?\s*(\d{1,2})\s*$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")


def meaning_key(word: str) -> str:
    """The key two spellings of one meaning share: case, spacing, punctuation and diacritics folded.

    æ, ø, å are transliterated (ae, o, aa) before other diacritics are stripped, so
    "Forældremøde", "foraeldremode" and "FORÆLDRE-MØDE" meet.
    """
    without_punctuation = _PUNCTUATION.sub(" ", word)
    folded = fold(without_punctuation)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


_NUMBER_KEYS = {meaning_key(word): number for word, number in NUMBER_WORDS.items()}


class Choices:
    """One vocabulary, found by meaning."""

    def __init__(self, name: str, definition: VocabularyDefinition) -> None:
        self.name = name
        self.definition = definition
        self._by_key = {meaning_key(word): entry.id for entry in definition.entries for word in entry.words()}
        self._spellings = {word.casefold(): entry.id for entry in definition.entries for word in entry.words()}

    def find(self, word: str) -> str | None:
        return self._by_key.get(meaning_key(word))

    def suggestion(self, word: str) -> str | None:
        """The entry id a misspelt word most likely means (over every synonym), or None."""
        if len(word) > SHOWN_CHARACTERS:  # difflib is quadratic: a page of text is no typo
            return None
        matches = get_close_matches(word.casefold(), list(self._spellings), n=1, cutoff=0.75)
        return self._spellings[matches[0]] if matches else None

    def collisions(self) -> list[tuple[str, str, str]]:
        """Words that fold to the same key but belong to different entries: (word, entry, other entry)."""
        owners: dict[str, str] = {}
        found = []
        for entry in self.definition.entries:
            for word in entry.words():
                owner = owners.setdefault(meaning_key(word), entry.id)
                if owner != entry.id:
                    found.append((word, entry.id, owner))
        return found


@dataclass(frozen=True)
class AnswerProblem:
    """An answer that could not be read as its question's type, at a path of the plan."""

    level: Level
    path: tuple
    message: Message


@dataclass
class Reading:
    """What reading the answers gave: the normalised plan data and the problems found."""

    data: Any
    problems: list[AnswerProblem]


def is_todo(value: Any) -> bool:
    return isinstance(value, str) and "TODO" in value


def is_none_word(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() in NONE_WORDS


def read_answers(data: Any, questions: list[Question], vocabularies: dict[str, VocabularyDefinition]) -> Reading:
    """The plan data with every question's answer normalised, and the problems met on the way."""
    reader = _Reader({name: Choices(name, definition) for name, definition in vocabularies.items()})
    if not isinstance(data, dict):
        return Reading(data, [])
    normalised = _copy_tree(data)
    for question in questions:
        parts = tuple(question.path.split("."))
        parent = _parent(normalised, parts)
        if parent is not None and parts[-1] in parent:
            parent[parts[-1]] = reader.question(question, parent[parts[-1]], parts)
    return Reading(normalised, reader.problems)


def _copy_tree(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_tree(item) for item in value]
    return value


def _parent(data: dict, parts: tuple) -> dict | None:
    node: Any = data
    for part in parts[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else None


class _Reader:
    """Reads one answer after another, collecting problems."""

    def __init__(self, choices: dict[str, Choices]) -> None:
        self.choices = choices
        self.problems: list[AnswerProblem] = []

    def question(self, question: Question, value: Any, path: tuple) -> Any:
        if value is None:
            return self._warn(path, "answer.unanswered", value)
        if is_todo(value):
            return self._warn(path, "answer.todo", value)
        if question.type == "records":
            return self._records(question, value, path)
        return self.value(question.type, question.vocabulary, value, path)

    def value(self, kind: str, vocabulary: str | None, value: Any, path: tuple) -> Any:
        reader: Callable[..., Any] = getattr(self, "_" + kind.replace("-", "_"))
        return reader(value, path, vocabulary) if kind in ("choice", "multichoice") else reader(value, path)

    def _warn(self, path: tuple, key: str, answer: Any, **params: Any) -> Any:
        """Note a warning; the answer stays as written."""
        self.problems.append(AnswerProblem("warning", path, Message(key, {"path": _dotted(path), **params})))
        return answer

    def _error(self, path: tuple, key: str, answer: Any, **params: Any) -> Any:
        """Note an error; the answer stays as written."""
        self.problems.append(AnswerProblem("error", path, Message(key, {"path": _dotted(path), "value": _shown(answer), **params})))
        return answer

    def _yesno(self, value: Any, path: tuple) -> Any:
        if isinstance(value, bool):
            return value
        word = str(value).strip().casefold()
        if word in YES:
            return True
        if word in NO:
            return False
        return self._error(path, "answer.not_yesno", value)

    def _choice(self, value: Any, path: tuple, vocabulary: str) -> Any:
        if isinstance(value, (dict, list)):
            return self._error(path, "answer.not_one_choice", value)
        if is_todo(value):
            return self._warn(path, "answer.todo", value)
        choices = self.choices[vocabulary]
        found = choices.find(str(value))
        if found is not None:
            return found
        suggestion = choices.suggestion(str(value))
        if suggestion is not None:
            return self._error(path, "answer.unknown_choice_hint", value, vocabulary=vocabulary, suggestion=suggestion)
        if choices.definition.open:
            return self._warn(path, "answer.own_choice", value, value=_shown(value), vocabulary=vocabulary)
        return self._error(path, "answer.unknown_choice", value, vocabulary=vocabulary,
                           choices=", ".join(entry.id for entry in choices.definition.entries))

    def _multichoice(self, value: Any, path: tuple, vocabulary: str) -> Any:
        items = self._as_list(value, path)
        if not isinstance(items, list):
            return items
        return [self._choice(item, path + (index,), vocabulary) for index, item in enumerate(items)]

    def _list_or_none(self, value: Any, path: tuple) -> Any:
        items = self._as_list(value, path)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if is_todo(item):
                    self._warn(path + (index,), "answer.todo", item)
        return items

    def _as_list(self, value: Any, path: tuple) -> Any:
        """A list as written; "ingen"/"none"/"-" as the empty list; one value as a list of one."""
        if isinstance(value, list):
            return value
        if is_none_word(value):
            return []
        if isinstance(value, dict):
            return self._error(path, "answer.not_list", value)
        return [value]

    def _records(self, question: Question, value: Any, path: tuple) -> Any:
        items = [] if is_none_word(value) else value
        if not isinstance(items, list):
            return self._error(path, "answer.not_records", value)
        return [self._record(question.fields or {}, item, path + (index,)) for index, item in enumerate(items)]

    def _record(self, fields: dict[str, RecordField], item: Any, path: tuple) -> Any:
        if is_todo(item):
            return self._warn(path, "answer.todo", item)
        if not isinstance(item, dict):
            return self._error(path, "answer.not_record", item)
        read = dict(item)
        for name, field in fields.items():
            if name in read and read[name] is not None:
                where = path + (name,)
                read[name] = self._warn(where, "answer.todo", read[name]) if is_todo(read[name]) else \
                    self.value(field.type, field.vocabulary, read[name], where)
        return read

    def _date(self, value: Any, path: tuple) -> Any:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        day_month_year = _DAY_MONTH_YEAR.match(text)
        try:
            if day_month_year:
                day, month, year = map(int, day_month_year.groups())
                return dt.date(year, month, day)
            return dt.date.fromisoformat(text)
        except ValueError:
            return self._error(path, "answer.not_date", value)

    def _week(self, value: Any, path: tuple) -> Any:
        week = value if isinstance(value, int) and not isinstance(value, bool) else None
        match = _WEEK.match(str(value)) if week is None and not isinstance(value, bool) else None
        week = int(match.group(1)) if match else week
        if week is None or not 1 <= week <= 53:
            return self._error(path, "answer.not_week", value)
        return week

    def _number(self, value: Any, path: tuple) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        number = parse_number(str(value)) if not isinstance(value, (bool, dict, list)) else None
        return self._error(path, "answer.not_number", value) if number is None else number

    def _text(self, value: Any, path: tuple) -> Any:
        if isinstance(value, (bool, dict)):
            return self._error(path, "answer.not_text", value)
        return value


def parse_number(text: str) -> int | float | None:
    """'3', '2,5', '2.5', '14 dage', '1. trinn', 'to' as numbers; None for anything else."""
    match = _LEADING_NUMBER.match(text)
    if match:
        digits = match.group(1).replace(",", ".")
        return float(digits) if "." in digits else int(digits)
    return _NUMBER_KEYS.get(meaning_key(text))


def _dotted(path: tuple) -> str:
    return ".".join(map(str, path))


def _shown(value: Any) -> Any:
    """A value for a message: quoted text, or a mapping or list named as such in the report's language."""
    if isinstance(value, dict):
        return Message("answer.a_mapping")
    if isinstance(value, list):
        return Message("answer.a_list")
    return shown(str(value))
