"""Mapping a system's own export in the page: its columns onto the canonical event columns, and the
values of its type column onto the event types, written as the same mapping.yaml `--mapping` reads.

Only the first rows are read to offer the values (an export can be large); a value that first
appears later is read as it is, as with any mapping that leaves a value out.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import yaml

from policycheck.loading.encoding import choose_encoding
from policycheck.loading.events import sniff_delimiter
from policycheck.models.events import EVENT_COLUMNS, REQUIRED_COLUMNS
from policycheck.models.mapping import DATE_FORMATS, ColumnMapping
from policycheck.output import write_atomic
from policycheck.vocabulary import EVENT_TYPES

SAMPLED_ROWS = 5000
MOST_TYPE_VALUES = 40
MAPPING_NAME = "mapped in policycheck serve"


def read_export(path: Path, type_column: str | None) -> tuple[list[str], list[str]]:
    """The export's header, and the distinct values of its type column among the first rows."""
    with path.open(encoding=choose_encoding(path, None), newline="") as handle:
        first = handle.readline()
        header = next(csv.reader([first], delimiter=sniff_delimiter(first)))
        header = [name.strip() for name in header]
        if type_column not in header:
            return header, []
        index = header.index(type_column)
        rows = csv.reader(itertools.islice(handle, SAMPLED_ROWS), delimiter=sniff_delimiter(first))
        values = {row[index].strip() for row in rows if len(row) > index and row[index].strip()}
    return header, sorted(values)[:MOST_TYPE_VALUES]


def guessed_columns(header: list[str]) -> dict[str, str]:
    """Canonical column -> the export's column of the same name (case and spacing ignored)."""
    by_name = {name.strip().casefold(): name for name in header}
    return {column: by_name[column] for column in EVENT_COLUMNS if column in by_name}


def guessed_type(value: str) -> str:
    """The event type a value names by one of the type's own words, else '' (left to the person)."""
    wanted = value.strip().casefold()
    for type_id, aliases in EVENT_TYPES.items():
        if wanted in {type_id, *(alias.casefold() for alias in aliases)}:
            return type_id
    return ""


def mapping_from_form(fields: dict[str, str], header: list[str], values: list[str]) -> ColumnMapping:
    """The mapping the page's form describes: only columns of the export and known event types are taken."""
    columns = {column: fields[f"column.{column}"] for column in EVENT_COLUMNS
               if fields.get(f"column.{column}") in header}
    types = {value: fields[f"type.{index}"] for index, value in enumerate(values)
             if fields.get(f"type.{index}") in EVENT_TYPES}
    date_format = fields.get("date_format") if fields.get("date_format") in DATE_FORMATS else None
    return ColumnMapping(name=MAPPING_NAME, columns=columns, types=types, date_format=date_format)


def missing_required(mapping: ColumnMapping) -> list[str]:
    return [column for column in REQUIRED_COLUMNS if column not in mapping.columns]


def write_mapping(mapping: ColumnMapping, path: Path) -> None:
    """The mapping as YAML, whole or not at all; `--mapping` and the log page read it the same way."""
    data = mapping.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    write_atomic(path, yaml.safe_dump({"kind": "column-mapping", **data}, allow_unicode=True, sort_keys=False))
