"""The plan file the form edits: read as plain YAML data, changed one path at a time, saved atomically.

The data keeps the person's key order and every key the form does not know (PyYAML keeps mapping
order). A save edits the text itself where it can: a changed value is replaced, a new key is added
on the line after its mapping's last entry (both in flow style), so every comment, blank line and
quoting elsewhere stays; the edited text is parsed again and used only if it reads as the new data.
Otherwise (a key added to a flow mapping, say) the plan is written anew, and PyYAML does not keep
comments then (docs/web.md says so).
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
    """The text with the values that differ from `data` replaced and the keys `data` adds at the end of a
    block mapping inserted after its last entry (flow style), or None when a key was removed or
    reordered, when a key is added to a flow mapping, or when the edited text would not read back as `data`."""
    try:
        old, root = _parsed(text), yaml.compose(text)
    except (InputError, yaml.YAMLError):
        return None
    changes = _changes(old, data, ())
    if changes is None:
        return None
    edits = [_replacement(text, _node(root, path), get(data, _dotted(path))) for path in changes[0]]
    edits += [_insertion(text, _node(root, path), {key: get(data, _dotted(path + (key,))) for key in keys})
              for path, keys in changes[1].items()]
    if None in edits:
        return None
    for start, end, new in sorted(edits, key=lambda edit: (-edit[0], edit[1] - edit[0])):  # at a tie, insert first
        text = text[:start] + new + text[end:]
    try:
        return text if _parsed(text) == data else None
    except InputError:
        return None


def _parsed(text: str) -> Any:
    """The data as the CLI reads the text (policycheck's own YAML loader)."""
    return parse_yaml(text, "plan").data


def _dotted(path: tuple) -> str:
    return ".".join(map(str, path))


def _changes(old: Any, new: Any, path: tuple) -> tuple[list[tuple], dict[tuple, list[str]]] | None:
    """The paths whose values differ, and the keys added at the end of each mapping, descending only
    through mappings whose keys stay in order; None when a key is removed or moved."""
    if old == new:
        return [], {}
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return ([path], {}) if path else None
    if list(new)[:len(old)] != list(old):
        return None
    replaced: list[tuple] = []
    added = {path: list(new)[len(old):]} if len(new) > len(old) else {}
    for key in old:
        below = _changes(old[key], new[key], path + (key,))
        if below is None:
            return None
        replaced += below[0]
        added.update(below[1])
    return replaced, added


def _node(root: yaml.Node, path: tuple) -> yaml.Node | None:
    node = root
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for key, value in node.value if key.value == part), None)
        if node is None:
            return None
    return node


def _replacement(text: str, node: yaml.Node | None, value: Any) -> tuple[int, int, str] | None:
    """(start, end, new text) replacing the node's text by the value in flow style; the line breaks that ended it are kept. A block
    list starts on its own line, maybe at its key's indentation, so the flow replacing it is indented deeper;
    an empty value (`key:`) gets a space after the colon."""
    if node is None:
        return None
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    trailing = old[len(old.rstrip()):]
    deeper = "  " if isinstance(node, yaml.CollectionNode) and not node.flow_style else " " if start == end else ""
    return start, end, deeper + _flow(value) + trailing


def _insertion(text: str, node: yaml.Node | None, entries: dict) -> tuple[int, int, str] | None:
    """(at, at, lines) adding the entries to a block mapping, on the lines after its last entry, at its
    keys' indentation; None for a flow mapping."""
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        return None
    at = node.value[-1][1].end_mark.index
    if at == 0 or text[at - 1] != "\n":
        line_end = text.find("\n", at)
        at = len(text) if line_end < 0 else line_end + 1
    indent = " " * node.value[0][0].start_mark.column
    lines = "".join(f"{indent}{_flow(key)}: {_flow(value)}\n" for key, value in entries.items())
    return at, at, ("" if text[:at].endswith("\n") or not text[:at] else "\n") + lines


def _flow(value: Any) -> str:
    """The value as YAML on one line: flow style, and a text of several lines double-quoted with \\n."""
    if isinstance(value, str) and "\n" in value:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1 << 30)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
