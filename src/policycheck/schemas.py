"""The JSON Schemas published in schemas/, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from policycheck.models.calendar import CalendarFile
from policycheck.models.events import EventRecord
from policycheck.models.mapping import ColumnMapping
from policycheck.models.pack import PackMeta, RulesFile
from policycheck.models.plan import LocalPlan
from policycheck.models.report import Report
from policycheck.models.roster import Roster

SCHEMA_BASE = "https://policycheck.dev/schemas/"

SCHEMA_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "pack": (PackMeta, "validation"),
    "rules": (RulesFile, "validation"),
    "plan": (LocalPlan, "validation"),
    "report": (Report, "serialization"),
    "event": (EventRecord, "validation"),
    "roster": (Roster, "validation"),
    "calendar": (CalendarFile, "validation"),
    "mapping": (ColumnMapping, "validation"),
}


def schema_text(name: str) -> str:
    """The schema for one kind of file, as the committed JSON text."""
    model, mode = SCHEMA_MODELS[name]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        **model.model_json_schema(by_alias=True, mode=mode),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    from policycheck.output import write_atomic

    written = []
    for name in SCHEMA_MODELS:
        path = folder / f"{name}.schema.json"
        write_atomic(path, schema_text(name))
        written.append(path)
    return written
