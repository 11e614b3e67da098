"""Where a school's inputs are: one folder per school, with an optional `school.yaml` manifest.

    SCHOOLS_DIR/
      fjellvegen/plan.yaml
      ostbyen/school.yaml      # plan: skole-hjem-plan-2025.yaml
      ostbyen/skole-hjem-plan-2025.yaml

`SchoolInputs` is the per-school unit of work; new inputs (activity log, roster) become new
fields here and in `SchoolManifest`, and nothing else in the audit has to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import Field, field_validator

from policycheck.errors import UsageError
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import load_yaml
from policycheck.models.common import Strict

MANIFEST = "school.yaml"
DEFAULT_PLAN = "plan.yaml"


class SchoolManifest(Strict):
    """`school.yaml`: file names (relative to the school's folder) when not the defaults."""

    plan: str = Field(default=DEFAULT_PLAN, description="The local plan, relative to the school's folder")

    @field_validator("plan")
    @classmethod
    def _inside_folder(cls, name: str) -> str:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts:
            raise ValueError(f"'{name}' must be a path inside the school's folder")
        return name


@dataclass(frozen=True)
class SchoolInputs:
    """The files one school is checked with."""

    folder: str
    plan: Path


def school_folders(schools_dir: Path) -> list[str]:
    """The school folder names, sorted (hidden folders are skipped)."""
    if not schools_dir.is_dir():
        raise UsageError(f"'{schools_dir}' is not a folder of school folders")
    return sorted(p.name for p in schools_dir.iterdir() if p.is_dir() and not p.name.startswith("."))


def school_inputs(folder: Path) -> SchoolInputs:
    """The inputs of one school, from its manifest when it has one (raises InputError if broken)."""
    manifest = SchoolManifest()
    if (folder / MANIFEST).is_file():
        document = load_yaml(folder / MANIFEST)
        manifest = validate_document(document, SchoolManifest, "school manifest") if document.data else manifest
    return SchoolInputs(folder=folder.name, plan=folder / manifest.plan)
