"""A column mapping: how one system's export maps onto the canonical event columns."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from policycheck.models.common import Strict
from policycheck.models.events import EVENT_COLUMNS

DATE_FORMATS = {"iso": "%Y-%m-%d", "dd.mm.yyyy": "%d.%m.%Y", "dd-mm-yyyy": "%d-%m-%Y", "dd/mm/yyyy": "%d/%m/%Y"}


class ColumnMapping(Strict):
    """`mapping.yaml`: canonical field -> export column, value maps, and how the file is written."""

    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["column-mapping"] = "column-mapping"
    name: str | None = Field(default=None, description="The system, e.g. Transponder export 2025")
    columns: dict[str, str] = Field(default_factory=dict, description="Canonical field -> column name in the export")
    types: dict[str, str] = Field(default_factory=dict, description="Export value -> event type id or alias")
    roles: dict[str, str] = Field(default_factory=dict, description="Export value -> role")
    channels: dict[str, str] = Field(default_factory=dict, description="Export value -> channel")
    flags: dict[str, str] = Field(default_factory=dict, description="Export value -> flag")
    delimiter: Literal[",", ";", "\t", "|"] | None = Field(default=None, description="Default: sniffed from the header")
    encoding: Literal["utf-8", "cp1252", "windows-1252", "latin-1"] | None = Field(
        default=None, description="Default: UTF-8 (BOM optional), else Windows-1252")
    date_format: Literal["iso", "dd.mm.yyyy", "dd-mm-yyyy", "dd/mm/yyyy"] | None = Field(
        default=None, description="Default: ISO or dd.mm.yyyy, whichever the value is")
    list_separator: str | None = Field(default=None, min_length=1, max_length=1,
                                       description="Separator inside roles/flags (default: | ; or +)")

    @field_validator("columns")
    @classmethod
    def _known_fields(cls, columns: dict[str, str]) -> dict[str, str]:
        from policycheck.errors import did_you_mean

        for field in columns:
            if field not in EVENT_COLUMNS:
                raise ValueError(f"unknown canonical field '{field}'{did_you_mean(field, EVENT_COLUMNS)}; "
                                 f"known: {', '.join(EVENT_COLUMNS)}")
        return columns
