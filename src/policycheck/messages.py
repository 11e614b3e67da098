"""Finding messages in Norwegian (bokmål), Danish and English.

Checks return a `Message` (a key and its parameters) rather than text, so that one
evaluation can be reported in any language (`--lang`). The texts live in gettext catalogues,
`locale/<language>/LC_MESSAGES/policycheck.po`, read through Babel when first needed: the msgid
is the message key, a vocabulary id is the msgid `term.<id>`, and a text that prints a count is
a plural entry whose form is chosen by its parameter `n`. Numbers are formatted for the
language (decimal comma in nb and da) and booleans become yes/no. docs/reports.md tells a
translator how to edit a catalogue.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from policycheck.models.common import LANGUAGES

FALLBACK = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "policycheck"


@dataclass(frozen=True)
class Catalogue:
    """One language's texts: a key's template, or its plural forms, and the plural rule."""

    entries: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]

    def template(self, key: str, count: Any) -> str | None:
        """The key's text (the form for `count` of a plural entry), or None when this catalogue lacks it."""
        entry = self.entries.get(key)
        if isinstance(entry, tuple):
            if count is None:
                raise ValueError(f"message {key!r} has plural forms, so it needs the count 'n'")
            return entry[min(self.plural(count), len(entry) - 1)]
        return entry


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def catalogue(language: str) -> Catalogue:
    """The language's .po catalogue; an empty or fuzzy entry is left out, so English is shown for it."""
    with open(catalogue_path(language), "rb") as file:
        po = read_po(file, locale=language, domain=DOMAIN)
    entries: dict[str, str | tuple[str, ...]] = {}
    for entry in po:
        if not entry.id or entry.fuzzy or not all(entry.string if entry.pluralizable else [entry.string]):
            continue
        key = entry.id[0] if entry.pluralizable else entry.id
        entries[key] = tuple(entry.string) if entry.pluralizable else entry.string
    return Catalogue(entries, gettext.c2py(po.plural_expr))


def _template(key: str, language: str, count: Any) -> str:
    for lang in (language, FALLBACK):
        if lang in LANGUAGES:
            found = catalogue(lang).template(key, count)
            if found is not None:
                return found
    raise KeyError(f"no message {key!r} in the catalogues")


class Terms(tuple):
    """Vocabulary ids, shown in the report's language and joined with commas.

    `count` picks the singular or plural of a count noun (an event type): `Terms(["fau-mote"], count=4)`
    reads "FAU-møter"; the default, 1, reads the singular.
    """

    conjunction: str | None = None

    def __new__(cls, ids: Any = (), count: int = 1) -> "Terms":
        terms = super().__new__(cls, ids)
        terms.count = count
        return terms

    def render(self, language: str) -> str:
        words = [_term(term, language, self.count) for term in self]
        return join_words(words, language, self.conjunction) if self.conjunction else ", ".join(words)


class AllTerms(Terms):
    """Vocabulary ids that all hold: 'a, b and c'."""

    conjunction = "list.and"


class AnyTerms(Terms):
    """Vocabulary ids of which one is enough: 'a, b or c'."""

    conjunction = "list.or"


class NoneOf(AnyTerms):
    """'no parent meeting or information meeting': the first id with its negative determiner, which
    agrees with the noun's gender ('intet forældremøde', 'ingen udviklingssamtale')."""

    def render(self, language: str) -> str:
        if not self:
            return ""
        first, *rest = self
        try:
            negated = _template(f"term.{first}.none", language, None)
        except KeyError:
            negated = text("term.none", language, term=_term(first, language, 1))
        return join_words([negated, *(_term(term, language, 1) for term in rest)], language, self.conjunction)


def _term(term: str, language: str, count: int) -> str:
    """A vocabulary id in the language (its plural for a count other than one); an unknown id as it is."""
    try:
        return _template(f"term.{term}", language, count)
    except KeyError:
        return term


def text(key: str, language: str, **params: Any) -> str:
    """A catalog text (a label or heading) in the language."""
    return Message(key, params).render(language)


@dataclass(frozen=True)
class Message:
    """A message key with its parameters; rendered in a language on demand.

    A message whose catalogue entry has plural forms takes its count as the parameter `n`.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str) -> str:
        template = _template(self.key, language, self.params.get("n"))
        values = {name: _render_value(value, language) for name, value in self.params.items()}
        return template.format(**values)


def _render_value(value: Any, language: str) -> Any:
    if isinstance(value, (Message, Terms)):
        return value.render(language)
    if isinstance(value, bool):
        return text("value.yes" if value else "value.no", language)
    if isinstance(value, (int, float)):
        return format_number(value, language)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Message) for item in value):
        return "; ".join(item.render(language) for item in value)
    if isinstance(value, (list, tuple)):
        return join_words([_render_value(item, language) for item in value], language)
    return value


def format_number(number: int | float, language: str) -> str:
    """A number as the language writes it: '97,0' in nb and da, '97.0' in en; a float keeps its decimals."""
    if isinstance(number, int):
        return format_decimal(number, locale=_locale(language))
    decimals = max(1, len(repr(number).partition(".")[2]))
    return format_decimal(number, format="#,##0." + "0" * decimals, locale=_locale(language))


def _locale(language: str) -> str:
    return language if language in LANGUAGES else FALLBACK


def join_words(words: list[Any], language: str, conjunction: str = "list.and") -> str:
    """'a', 'a and b', 'a, b and c' in the language ('a, b or c' with the conjunction 'list.or')."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + text(conjunction, language) + words[-1]
