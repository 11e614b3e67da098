"""Where the bundled packs and schemas are: inside the installed package, or in the source tree.

A wheel carries `policies/` and `schemas/` as `policycheck/_data/`; an editable install
(and a source checkout) reads them from the repository root.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder `name` ('policies' or 'schemas')."""
    installed = PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent.parent / name


def bundled_packs_dir() -> Path:
    return data_dir("policies")


def schemas_dir() -> Path:
    return data_dir("schemas")
