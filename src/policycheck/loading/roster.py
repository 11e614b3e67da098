"""Loading the roster: YAML (classes with their pupils) or CSV (one row per pupil).

CSV columns: `class`, `grade`, `pupil`, and optionally `contact_teacher` and `guardians`
(a count). A municipality's export is usually a pupil list, so CSV is the cheap path for
large schools; both build the same `Roster` model (docs/activity-log.md).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from policycheck.errors import InputError, did_you_mean
from policycheck.loading.events import sniff_delimiter
from policycheck.loading.text import decode_utf8, read_bytes
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlLimits, load_yaml
from policycheck.models.roster import Roster

# A large school's roster is tens of thousands of values: more than the default plan limit.
ROSTER_LIMITS = YamlLimits(max_bytes=50 * 1024 * 1024, max_nodes=2_000_000)
CSV_COLUMNS = ("class", "grade", "pupil", "contact_teacher", "guardians")


def load_roster(path: Path) -> Roster:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return load_roster_csv(path)
    return validate_document(load_yaml(path, ROSTER_LIMITS), Roster, "roster")


def load_roster_csv(path: Path) -> Roster:
    text = decode_utf8(read_bytes(path, ROSTER_LIMITS.max_bytes), str(path))
    rows = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text.partition("\n")[0]))
    header = [name.strip().lower() for name in next(rows, [])]
    for required in CSV_COLUMNS[:3]:
        if required not in header:
            raise InputError.at(str(path), f"roster header lacks '{required}'{did_you_mean(required, header)}; "
                                           f"expected columns: {', '.join(CSV_COLUMNS)}", 1)
    classes: dict[str, dict] = {}
    for line, row in enumerate(rows, start=2):
        if row:
            _add_pupil(classes, dict(zip(header, (cell.strip() for cell in row))), path, line)
    try:
        return Roster.model_validate({"classes": list(classes.values())})
    except ValidationError as error:
        raise InputError.at(str(path), f"roster: {error.errors()[0]['msg']}") from None


def _add_pupil(classes: dict[str, dict], row: dict[str, str], path: Path, line: int) -> None:
    if not (row.get("class") and row.get("pupil") and row.get("grade", "").isdigit()):
        raise InputError.at(str(path), "each row needs a class, a whole-number grade and a pupil", line)
    entry = classes.setdefault(row["class"], {"id": row["class"], "grade": int(row["grade"]), "pupils": [],
                                              "contact_teacher": row.get("contact_teacher") or None})
    if entry["grade"] != int(row["grade"]):
        raise InputError.at(str(path), f"class {row['class']} has grade {entry['grade']} on an earlier row", line)
    guardians = row.get("guardians") or "1"
    if not guardians.isdigit():
        raise InputError.at(str(path), f"column 'guardians': '{guardians}' is not a whole number", line)
    entry["pupils"].append({"id": row["pupil"], "guardians": int(guardians)})
