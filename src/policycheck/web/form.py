"""The form generated from a pack: one page per section of the source document, each question a widget
by its type, and the answers the browser posts read back into plan values.

A question's widget shows the answer as the engine reads it (`read_answers`: a choice as its
vocabulary id, "ingen" as the empty list); a TODO shows as unanswered. Posting leaves a question
unanswered as TODO when it was in the plan, and absent when it was not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from werkzeug.datastructures import MultiDict

from policycheck.answers import is_todo, parse_number, read_answers
from policycheck.messages import text
from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack, Rule
from policycheck.models.question import Question
from policycheck.source_text import section_heading, source_lines
from policycheck.web.planfile import MISSING, TODO, get, put

UNANSWERED = object()
SCHOOL_PAGE = "school"
ATTESTATIONS_PAGE = "attestations"


@dataclass(frozen=True)
class Page:
    """One page of the form: a section of the source document and its questions, in the document's order."""

    section: str
    questions: list[Question]
    heading: str | None = None
    """The section's heading in the document ('Utviklingssamtaler' for 3.3), when the section is a number."""


def pages(pack: PolicyPack) -> list[Page]:
    sections: dict[str, list[Question]] = {}
    for question in pack.questions:
        sections.setdefault(question.source.section, []).append(question)
    lines = source_lines(pack.folder)
    return [Page(section, questions, section_heading(section, lines)) for section, questions in sections.items()]


def rules_by_path(pack: PolicyPack) -> dict[str, list[str]]:
    """The ids of the rules that read each plan path."""
    found: dict[str, list[str]] = {}
    for rule in pack.rules:
        for path in rule.check.placeholders():
            found.setdefault(path, []).append(rule.id)
    return found


def choices(pack: PolicyPack, vocabulary: str | None, language: str) -> list[tuple[str, str]]:
    """(id, label) of a vocabulary's entries in the language."""
    if vocabulary is None:
        return []
    definition = pack.vocabularies[vocabulary]
    return [(entry.id, localize(entry.label, language)) for entry in definition.entries]


def shown_answers(pack: PolicyPack, data: dict) -> dict:
    """The plan data as the engine reads it, for the widgets."""
    return read_answers(data, pack.questions, pack.vocabularies).data


def editable(kind: str, value: Any) -> bool:
    """Whether a widget of the type can show the value without losing any of it: a value of another shape
    (a list where one word is asked, a mapping) stays as written and is edited in the YAML file."""
    if value is None:
        return True
    if kind in ("multichoice", "list-or-none"):
        return isinstance(value, list) and all(_scalar(item) for item in value)
    if kind == "records":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return _scalar(value)


def _scalar(value: Any) -> bool:
    return not isinstance(value, (list, dict))


def widget_value(value: Any) -> Any:
    """What a widget shows: nothing for a TODO or a missing answer."""
    if value is MISSING or value is None or is_todo(value):
        return None
    if isinstance(value, list):
        return [item for item in value if not is_todo(item)]
    return value


def apply_page(data: dict, page: Page, form: MultiDict, language: str) -> None:
    """Write the posted answers of the page's questions (those the page showed) into the plan data."""
    shown = set(form.getlist("shown"))
    for question in page.questions:
        if question.path in shown:
            _store(data, question.path, answer(question, form, language, get(data, question.path)))


def apply_school(data: dict, form: MultiDict) -> None:
    """The plan's metadata from the school page: name, municipality, grades, school year."""
    for path in ("school.name", "school.municipality", "school_year"):
        _store(data, path, _text(form.get(path, "")))
    low, high = (_integer(form.get(f"school.grades.{end}", "")) for end in ("min", "max"))
    if isinstance(low, int) and isinstance(high, int):
        put(data, "school.grades", {"min": low, "max": high})


def attested_rules(pack: PolicyPack) -> list[Rule]:
    """The rules no data can prove, met by a dated statement naming who attests (`attestations`)."""
    return [rule for rule in pack.rules if "attestations" in rule.check.placeholders()]


ATTESTATION_FIELDS = ("statement", "name", "role", "date")


def attestation_values(data: dict) -> dict[str, dict]:
    """The form's fields of each rule's (first) attestation in the plan, by rule id."""
    found: dict[str, dict] = {}
    for entry in data.get("attestations") or []:
        if isinstance(entry, dict) and isinstance(entry.get("rule"), str) and entry["rule"] not in found:
            person = entry.get("attested_by") if isinstance(entry.get("attested_by"), dict) else {}
            found[entry["rule"]] = {"statement": entry.get("statement"), "name": person.get("name"),
                                    "role": person.get("role"), "date": entry.get("date")}
    return found


def apply_attestations(data: dict, form: MultiDict) -> None:
    """Each shown rule's attestation from the form, merged onto the plan's entry for the rule (other keys
    kept); one whose fields are all emptied is removed."""
    entries = list(data.get("attestations") or [])
    for rule in form.getlist("shown"):
        posted = {name: form.get(f"{rule}.{name}", "").strip() for name in ATTESTATION_FIELDS}
        index = next((i for i, entry in enumerate(entries) if isinstance(entry, dict) and entry.get("rule") == rule), None)
        if not any(posted.values()):
            if index is not None:
                entries.pop(index)
            continue
        entry = dict(entries[index]) if index is not None else {"rule": rule}
        person = _without_empty({**(entry.get("attested_by") or {}), "name": posted["name"], "role": posted["role"]})
        date = _date(posted["date"])
        entry = _without_empty({**entry, "statement": posted["statement"], "attested_by": person,
                                "date": "" if date is UNANSWERED else date})
        if index is None:
            entries.append(entry)
        else:
            entries[index] = entry
    data["attestations"] = entries


def _without_empty(mapping: dict) -> dict:
    return {key: value for key, value in mapping.items() if value not in ("", None, {})}


def _store(data: dict, path: str, value: Any) -> None:
    if value is not UNANSWERED:
        put(data, path, value)
    elif get(data, path) is not MISSING:
        put(data, path, TODO)


def answer(question: Question, form: MultiDict, language: str, before: Any = MISSING) -> Any:
    """The posted answer to a question (UNANSWERED when none was given); `before` is the plan's value."""
    name = question.path
    if question.type == "multichoice":
        picked = [word for word in form.getlist(name) if word.strip()]
        own = [line.strip() for line in form.get(f"{name}.own", "").splitlines() if line.strip()]
        return picked + [word for word in own if word not in picked] or UNANSWERED
    if question.type == "list-or-none":
        if form.get(f"{name}.none"):
            return text("web.none_word", language)
        items = [line.strip() for line in form.get(name, "").splitlines() if line.strip()]
        return items or UNANSWERED
    if question.type == "records":
        return _records(question, form, before)
    return READERS[question.type](form.get(name, ""))


def _records(question: Question, form: MultiDict, before: Any) -> Any:
    """The rows posted, each merged onto the item it was (keys the form does not show are kept); a row
    with nothing left in it is dropped."""
    earlier = before if isinstance(before, list) else []
    rows = []
    for index in range(_row_count(form.get(f"{question.path}.rows", ""))):
        row = dict(earlier[index]) if index < len(earlier) and isinstance(earlier[index], dict) else {}
        for name, field in (question.fields or {}).items():
            key = f"{question.path}.{index}.{name}"
            if key in form:
                value = READERS[field.type](form.get(key, ""))
                if value is UNANSWERED:
                    row.pop(name, None)
                else:
                    row[name] = value
        if any(not is_todo(value) for value in row.values()):
            rows.append(row)
    return rows or UNANSWERED


def _row_count(raw: str) -> int:
    return int(raw) if raw.isdigit() else 0


def _text(raw: str) -> Any:
    return raw.strip() or UNANSWERED


def _yesno(raw: str) -> Any:
    return {"ja": True, "nei": False}.get(raw, UNANSWERED)


def _date(raw: str) -> Any:
    try:
        return dt.date.fromisoformat(raw.strip()) if raw.strip() else UNANSWERED
    except ValueError:
        return raw.strip()  # as typed: the engine reports it with where it is


def _integer(raw: str) -> Any:
    return int(raw) if raw.strip().isdigit() else _text(raw)


def _number(raw: str) -> Any:
    number = parse_number(raw) if raw.strip() else None
    return number if number is not None else _text(raw)


READERS: dict[str, Callable[[str], Any]] = {"yesno": _yesno, "choice": _text, "date": _date, "week": _integer,
                                             "number": _number, "text": _text}
