"""The plan file the form edits: read as plain YAML data, changed one path at a time, saved atomically.

The data keeps the person's key order and every key the form does not know (PyYAML keeps mapping
order). A save that only changes values of keys the file already has (answering the TODOs of a plan
`init` wrote, changing an answer) edits those values in the text itself, so every comment, blank line
and quoting elsewhere stays; the edited text is parsed again and used only if it reads as the new
data. A save that adds or removes a key writes the plan anew, and PyYAML does not keep comments then
(docs/web.md says so).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from policycheck.errors import InputError
from policycheck.loading.yamlfile import load_yaml, parse_yaml
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
    """Write the plan atomically: the old text with the changed values edited in place where that reads
    back as `data`, else the data dumped whole."""
    edited = edit_in_place(path.read_text(encoding="utf-8-sig"), data) if path.exists() else None
    write_atomic(path, edited if edited is not None else dump(data))


def edit_in_place(text: str, data: dict) -> str | None:
    """The text with the values that differ from `data` replaced (flow style), or None when a key was
    added or removed, or when the edited text would not read back as `data`."""
    try:
        old, root = _parsed(text), yaml.compose(text)
    except (InputError, yaml.YAMLError):
        return None
    changes = _changed_paths(old, data, ())
    if changes is None:
        return None
    spans = sorted(((_node(root, path), path) for path in changes), key=lambda item: -item[0].start_mark.index
                   if item[0] is not None else 0)
    for node, path in spans:
        if node is None:
            return None
        text = _replaced(text, node, get(data, ".".join(map(str, path))))
    try:
        return text if _parsed(text) == data else None
    except InputError:
        return None


def _parsed(text: str) -> Any:
    """The data as the CLI reads the text (policycheck's own YAML loader)."""
    return parse_yaml(text, "plan").data


def _changed_paths(old: Any, new: Any, path: tuple) -> list[tuple] | None:
    """The paths whose values differ, descending only through mappings with the same keys in the same order."""
    if old == new:
        return []
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return [path] if path else None
    if list(old) != list(new):
        return None
    found: list[tuple] = []
    for key in old:
        below = _changed_paths(old[key], new[key], path + (key,))
        if below is None:
            return None
        found += below
    return found


def _node(root: yaml.Node, path: tuple) -> yaml.Node | None:
    node = root
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for key, value in node.value if key.value == part), None)
        if node is None:
            return None
    return node


def _replaced(text: str, node: yaml.Node, value: Any) -> str:
    """The node's text replaced by the value in flow style; the line breaks that ended it are kept. A block
    list starts on its own line, maybe at its key's indentation, so the flow replacing it is indented deeper;
    an empty value (`key:`) gets a space after the colon."""
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    trailing = old[len(old.rstrip()):]
    deeper = "  " if isinstance(node, yaml.CollectionNode) and not node.flow_style else " " if start == end else ""
    return text[:start] + deeper + _flow(value) + trailing + text[end:]


def _flow(value: Any) -> str:
    """The value as YAML on one line: flow style, and a text of several lines double-quoted with \\n."""
    if isinstance(value, str) and "\n" in value:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
