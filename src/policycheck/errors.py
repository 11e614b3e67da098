"""Typed errors raised by the library; the CLI turns them into messages and exit codes.

Library code never exits: it raises one of these, and `policycheck.cli` maps them to
exit code 2 (bad input or usage). Anything else that escapes is an internal error (3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, with where it is."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def where(self) -> str:
        """file, file:line or file:line:column."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class InputError(Exception):
    """Bad input: one or more problems, each naming file, line and column."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def at(cls, file: str, message: str, line: int | None = None, column: int | None = None) -> "InputError":
        return cls([Problem(str(file), message, line, column)])

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


class UsageError(Exception):
    """A request that cannot be carried out: an unknown pack, rule or format."""


SHOWN_CHARACTERS = 60


def shown(value: str) -> str:
    """A value from an input file, quoted for a message: control characters escaped, long text cut.

    A cell can hold a NUL, an escape sequence or a megabyte of text; none of that belongs on a terminal.
    """
    cut = value if len(value) <= SHOWN_CHARACTERS else value[:SHOWN_CHARACTERS] + "..."
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return f"'{escaped}'" + (f" ({len(value):,} characters)" if len(value) > SHOWN_CHARACTERS else "")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' suffix when a close match exists, else ''."""
    if len(word) > SHOWN_CHARACTERS:  # difflib is quadratic: a megabyte cell is no typo
        return ""
    matches = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
