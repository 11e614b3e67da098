"""Loading a column-mapping file (YAML)."""

from __future__ import annotations

from pathlib import Path

from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.mapping import ColumnMapping


def load_mapping(path: Path | None) -> ColumnMapping:
    """The mapping in the file, or the identity mapping (canonical columns) when none is given."""
    if path is None:
        return ColumnMapping()
    return validate_document(load_yaml(Path(path)), ColumnMapping, "column mapping")
