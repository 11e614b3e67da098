"""The JSON Schemas published in schemas/, generated from the models."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from pydantic import BaseModel

from policycheck.loading.overrides import PackOverride
from policycheck.models.audit import AuditReport
from policycheck.models.calendar import CalendarFile
from policycheck.models.events import EventRecord
from policycheck.models.mapping import ColumnMapping
from policycheck.models.pack import PackMeta, RulesFile
from policycheck.models.plan import LocalPlan
from policycheck.models.question import QuestionsFile, VocabulariesFile
from policycheck.models.report import Report
from policycheck.models.roster import Roster
from policycheck.models.waiver import WaiversFile

SCHEMA_BASE = "https://policycheck.dev/schemas/"

SCHEMA_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "pack": (PackMeta, "validation"),
    "rules": (RulesFile, "validation"),
    "plan": (LocalPlan, "validation"),
    "override": (PackOverride, "validation"),
    "report": (Report, "serialization"),
    "waivers": (WaiversFile, "validation"),
    "audit": (AuditReport, "serialization"),
    "event": (EventRecord, "validation"),
    "roster": (Roster, "validation"),
    "calendar": (CalendarFile, "validation"),
    "mapping": (ColumnMapping, "validation"),
    "questions": (QuestionsFile, "validation"),
    "vocabularies": (VocabulariesFile, "validation"),
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


@lru_cache(maxsize=None)
def schema_validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one of the published schemas (e.g. to check a report given as input)."""
    return jsonschema.Draft202012Validator(json.loads(schema_text(name)), format_checker=jsonschema.FormatChecker())


def write_schemas(folder: Path) -> list[Path]:
    from policycheck.output import write_atomic

    written = []
    for name in SCHEMA_MODELS:
        path = folder / f"{name}.schema.json"
        write_atomic(path, schema_text(name))
        written.append(path)
    return written
