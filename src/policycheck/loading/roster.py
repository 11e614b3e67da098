"""Loading the roster: YAML (classes with their pupils) or CSV (one row per pupil).

CSV columns: `class`, `grade`, `pupil`, and optionally `contact_teacher` and `guardians`
(a count). A municipality's export is usually a pupil list, so CSV is the cheap path for
large schools; both build the same `Roster` model (docs/activity-log.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

from policycheck.errors import InputError, did_you_mean, shown
from policycheck.loading.encoding import choose_encoding
from policycheck.loading.events import csv_problem, sniff_delimiter, width_problem
from policycheck.loading.text import check_size
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, YamlLimits, load_yaml
from policycheck.models.roster import Roster

# A large school's roster is tens of thousands of values: more than the default plan limit.
ROSTER_LIMITS = YamlLimits(max_bytes=50 * 1024 * 1024, max_nodes=2_000_000)
MAX_GRADE = 13
CSV_COLUMNS = ("class", "grade", "pupil", "contact_teacher", "guardians")


def load_roster(path: Path) -> Roster:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return load_roster_csv(path)
    document = load_yaml(path, ROSTER_LIMITS)
    _check_unique_ids(document)
    return validate_document(document, Roster, "roster")


def _check_unique_ids(document: YamlDocument) -> None:
    """A class or pupil listed twice, located at its second place (the model only knows it is twice)."""
    classes = document.data.get("classes") if isinstance(document.data, dict) else None
    first: dict[tuple[str, str], tuple[int, int]] = {}
    for index, entry in enumerate(classes if isinstance(classes, list) else []):
        if not isinstance(entry, dict):
            continue
        pupils = entry.get("pupils") if isinstance(entry.get("pupils"), list) else []
        places = [(("class", entry.get("id")), (index, "id"))] + [
            (("pupil", p.get("id") if isinstance(p, dict) else p), (index, "pupils", n)) for n, p in enumerate(pupils)]
        for key, path in places:
            place = document.locate(("classes",) + path)
            if isinstance(key[1], str) and first.setdefault(key, place) != place:
                raise InputError.at(document.file, f"{key[0]} {shown(key[1])} is listed twice "
                                                   f"(first at line {first[key][0]}, column {first[key][1]})", *place)


def load_roster_csv(path: Path) -> Roster:
    """One row per pupil; every problem names its line (a wide row, a pupil listed twice, a bad grade)."""
    check_size(path, ROSTER_LIMITS.max_bytes)
    with path.open(encoding=choose_encoding(path, None), newline="") as handle:
        header_text = handle.readline()
        delimiter = sniff_delimiter(header_text)
        header = [name.strip().lstrip("\ufeff").lower() for name in next(csv.reader([header_text], delimiter=delimiter), [])]
        _check_header(header, path)
        rows = csv.reader(handle, delimiter=delimiter)
        classes: dict[str, dict] = {}
        pupils: dict[str, int] = {}
        try:
            for row in rows:
                line = rows.line_num + 1
                if row and (len(row) != len(header) or any("\n" in cell for cell in row)):
                    raise InputError.at(str(path), *reversed(width_problem(row, len(header), line)))
                if row:
                    _add_pupil(classes, pupils, dict(zip(header, (cell.strip() for cell in row))), path, line)
        except csv.Error as error:
            raise InputError.at(str(path), csv_problem(error), rows.line_num + 1) from None
    return Roster.model_validate({"classes": list(classes.values())})


def _check_header(header: list[str], path: Path) -> None:
    for required in CSV_COLUMNS[:3]:
        if required not in header:
            raise InputError.at(str(path), f"roster header lacks '{required}'{did_you_mean(required, header)}; "
                                           f"expected columns: {', '.join(CSV_COLUMNS)}", 1)


def _add_pupil(classes: dict[str, dict], pupils: dict[str, int], row: dict[str, str], path: Path, line: int) -> None:
    def fail(message: str) -> InputError:
        return InputError.at(str(path), message, line)

    grade = row.get("grade", "")
    if not (row.get("class") and row.get("pupil") and _whole(grade)):
        raise fail("each row needs a class, a whole-number grade and a pupil")
    if int(grade) > MAX_GRADE:
        raise fail(f"column 'grade': {shown(grade)} is not a grade (0 to {MAX_GRADE})")
    if pupils.setdefault(row["pupil"], line) != line:
        raise fail(f"column 'pupil': {shown(row['pupil'])} is listed twice (first on line {pupils[row['pupil']]})")
    entry = classes.setdefault(row["class"], {"id": row["class"], "grade": int(grade), "pupils": [],
                                              "contact_teacher": row.get("contact_teacher") or None})
    if entry["grade"] != int(grade):
        raise fail(f"class {shown(row['class'])} has grade {entry['grade']} on an earlier row")
    guardians = row.get("guardians") or "1"
    if not _whole(guardians):
        raise fail(f"column 'guardians': {shown(guardians)} is not a whole number")
    entry["pupils"].append({"id": row["pupil"], "guardians": int(guardians)})


def _whole(text: str) -> bool:
    """ASCII digits only: str.isdigit also accepts '²', which int() refuses."""
    return text.isascii() and text.isdigit()
