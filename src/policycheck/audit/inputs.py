"""Where a school's inputs are: one folder per school, with an optional `school.yaml` manifest.

    SCHOOLS_DIR/
      fjellvegen/plan.yaml
      fjellvegen/log.csv         # activity log(s): log.csv, log.jsonl, logs/*.csv, logs/*.jsonl
      fjellvegen/roster.yaml     # or roster.csv; calendar.yaml and mapping.yaml likewise
      ostbyen/school.yaml        # a manifest naming other files: plan: skole-hjem-plan-2025.yaml
      ostbyen/skole-hjem-plan-2025.yaml

`SchoolInputs` is the per-school unit of work: a plan and the log options `check` takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import Field, field_validator

from policycheck.errors import InputError, UsageError
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import load_yaml
from policycheck.logrun import LogOptions
from policycheck.models.common import Strict

MANIFEST = "school.yaml"
DEFAULT_PLAN = "plan.yaml"


LOG_PATTERNS = ("log.csv", "log.jsonl", "logs/*.csv", "logs/*.jsonl")


class SchoolManifest(Strict):
    """`school.yaml`: file names (relative to the school's folder) when not the defaults."""

    plan: str = Field(default=DEFAULT_PLAN, description="The local plan, relative to the school's folder")
    logs: list[str] | None = Field(default=None, description="Activity logs (default: log.csv, log.jsonl, logs/*)")
    roster: str | None = Field(default=None, description="The roster (default: roster.yaml or roster.csv)")
    calendar: str | None = Field(default=None, description="The school calendar (default: calendar.yaml)")
    mapping: str | None = Field(default=None, description="Column mapping for the logs (default: mapping.yaml)")
    school_year: str | None = Field(default=None, pattern=r"^\d{4}-\d{4}$")

    @field_validator("plan", "roster", "calendar", "mapping")
    @classmethod
    def _inside_folder(cls, name: str | None) -> str | None:
        if name is not None:
            _check_inside(name)
        return name

    @field_validator("logs")
    @classmethod
    def _logs_inside_folder(cls, names: list[str] | None) -> list[str] | None:
        for name in names or []:
            _check_inside(name)
        return names


def _check_inside(name: str) -> None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"'{name}' must be a path inside the school's folder")


@dataclass(frozen=True)
class SchoolInputs:
    """The files one school is checked with."""

    folder: str
    plan: Path
    log: LogOptions = LogOptions()


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
    log = LogOptions(
        logs=tuple(folder / name for name in manifest.logs) if manifest.logs is not None else _found_logs(folder),
        roster=_named_or_found(folder, manifest.roster, ("roster.yaml", "roster.csv")),
        calendar=_named_or_found(folder, manifest.calendar, ("calendar.yaml",)),
        mapping=_named_or_found(folder, manifest.mapping, ("mapping.yaml",)),
        school_year=manifest.school_year,
    )
    inputs = SchoolInputs(folder=folder.name, plan=folder / manifest.plan, log=log)
    _refuse_links_out(folder, [inputs.plan, *log.logs, log.roster, log.calendar, log.mapping])
    return inputs


def _refuse_links_out(folder: Path, paths: list[Path | None]) -> None:
    """A symbolic link may not lead a school's inputs out of its folder (say, to another school's log)."""
    root = folder.resolve()
    for path in filter(None, paths):
        if not path.resolve().is_relative_to(root):
            raise InputError.at(str(path), f"leads outside the school's folder {folder} (a symbolic link?)")


def _found_logs(folder: Path) -> tuple[Path, ...]:
    return tuple(path for pattern in LOG_PATTERNS for path in sorted(folder.glob(pattern)))


def _named_or_found(folder: Path, name: str | None, conventional: tuple[str, ...]) -> Path | None:
    if name is not None:
        return folder / name
    return next((folder / candidate for candidate in conventional if (folder / candidate).is_file()), None)
