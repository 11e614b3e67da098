"""Loading the school's calendar file (YAML)."""

from __future__ import annotations

from pathlib import Path

from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.calendar import CalendarFile


def load_calendar(path: Path | None) -> CalendarFile:
    """The calendar file, or an empty one (country defaults) when none is given."""
    if path is None:
        return CalendarFile()
    return validate_document(load_yaml(Path(path)), CalendarFile, "calendar")
