"""The pack's own copy of its source document (`source.txt` beside pack.yaml), read for its headings."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE_FILE = "source.txt"


def source_lines(folder: str | Path) -> list[str]:
    """The lines of the pack folder's source document (none when the pack has no copy)."""
    source = Path(folder) / SOURCE_FILE
    return source.read_text(encoding="utf-8").splitlines() if source.is_file() else []


def section_heading(section: str, lines: list[str]) -> str | None:
    """The first line of the document that numbers the section as a heading ('3.3. Utviklingssamtaler'):
    its title, or None when the section is not a number or the document has no such line."""
    if not re.fullmatch(r"\d+(\.\d+)*", section):
        return None
    heading = re.compile(rf"^\s*{re.escape(section)}\.\s+(\S.*?)\s*$")
    return next((match.group(1) for line in lines if (match := heading.match(line))), None)
