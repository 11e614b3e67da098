"""The plan file the form edits: read as plain YAML data, changed one path at a time, saved atomically.

The data keeps the person's key order and every key the form does not know (PyYAML keeps mapping
order); a new key goes after its siblings. PyYAML does not keep comments: a save writes the plan
without them (docs/web.md says so).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from policycheck.errors import InputError
from policycheck.loading.yamlfile import load_yaml
from policycheck.output import write_atomic

TODO = "TODO"
MISSING = object()


def new_plan(policy: str, municipality: str | None) -> dict:
    """A plan with only the fixed metadata, as the form starts one."""
    return {"kind": "skole-hjem-plan", "policy": policy, "school": {"name": TODO, "municipality": municipality or TODO}}


def read_data(path: Path, policy: str, municipality: str | None) -> dict:
    """The plan's data; a new plan when the file does not exist yet."""
    if not path.exists():
        return new_plan(policy, municipality)
    data = load_yaml(path).data
    if not isinstance(data, dict):
        raise InputError.at(str(path), "the plan is not a mapping", 1, 1)
    return data


def get(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return node


def put(data: dict, path: str, value: Any) -> None:
    """Set the value at a dotted path, making the mappings on the way (a non-mapping on the way is replaced)."""
    *parents, last = path.split(".")
    node = data
    for part in parents:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[last] = value


def save(path: Path, data: dict) -> None:
    write_atomic(path, dump(data))


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
