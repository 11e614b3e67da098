"""A safe YAML reader that remembers where every value came from.

PyYAML composes the node graph; we construct Python values ourselves so that we can:
- record the line and column of every key and value (for errors and evidence),
- refuse duplicate keys, merge keys and any tag that would build an object,
- bound alias expansion ("billion laughs") and nesting depth,
- turn invalid dates such as 2024-02-31 into a located error.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policycheck.errors import InputError, UsageError
from policycheck.loading.text import decode_utf8, looks_like_utf16, read_bytes

Path_ = tuple[str | int, ...]

SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class YamlLimits:
    """Bounds on what one YAML file may cost to read."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 200_000
    max_alias_values: int = 10_000

    @classmethod
    def from_environment(cls) -> "YamlLimits":
        """Defaults, each overridable by POLICYCHECK_YAML_MAX_BYTES / _MAX_DEPTH / _MAX_NODES."""
        values = {}
        for name in ("max_bytes", "max_depth", "max_nodes", "max_alias_values"):
            raw = os.environ.get(f"POLICYCHECK_YAML_{name.upper()}")
            if raw is not None:
                if not raw.isdigit():
                    raise UsageError(f"POLICYCHECK_YAML_{name.upper()} must be a whole number, got {raw!r}")
                values[name] = int(raw)
        return cls(**values)


@dataclass
class YamlDocument:
    """Parsed data plus the position of every value and key, by path."""

    file: str
    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or its key) at `path`, else of its nearest known parent."""
        marks = self.key_marks if key else self.value_marks
        path = tuple(path)
        while path:
            if path in marks:
                return marks[path]
            if path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return self.value_marks.get((), (1, 1))


def load_yaml(path: Path, limits: YamlLimits | None = None) -> YamlDocument:
    """Read one YAML file; raise InputError naming file:line:column on any problem."""
    limits = limits or YamlLimits.from_environment()
    file = str(path)
    text = decode_utf8(read_bytes(path, limits.max_bytes), file)
    return parse_yaml(text, file, limits)


def parse_yaml(text: str, file: str, limits: YamlLimits = YamlLimits()) -> YamlDocument:
    """Parse YAML text (one document) into a YamlDocument."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        raise _marked_error(file, error) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise InputError.at(file, _reader_problem(text, error.character), line, column) from None
    except yaml.YAMLError as error:
        raise InputError.at(file, f"not valid YAML: {error}") from None
    except RecursionError:
        raise InputError.at(file, f"nested too deeply (limit {limits.max_depth} levels)") from None
    document = YamlDocument(file=file, data=None)
    if node is not None:
        document.data = _Builder(document, limits).build(node, (), 0)
    return document


def _compose(text: str) -> yaml.Node | None:
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _reader_problem(text: str, character: int | str) -> str:
    code = character if isinstance(character, int) else ord(character)
    if code == 0 and looks_like_utf16(text):
        return "the file looks like UTF-16 without a byte order mark; save it as UTF-8"
    return f"not valid YAML: control character U+{code:04X} is not allowed in a YAML file"


FRIENDLIER = {
    "found character '\\t' that cannot start any token": "a tab character; YAML indents with spaces only",
    "but found another document": "a second document ('---'); a file holds one YAML document",
}


def _marked_error(file: str, error: yaml.MarkedYAMLError) -> InputError:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    if error.context:
        problem = f"{problem} ({error.context})"
    problem = next((text for raw, text in FRIENDLIER.items() if (error.problem or "").startswith(raw)), problem)
    if mark is None:
        return InputError.at(file, f"not valid YAML: {problem}")
    return InputError.at(file, f"not valid YAML: {problem}", mark.line + 1, mark.column + 1)


class _Builder:
    """Walks composed nodes into plain Python values, enforcing the safety rules."""

    def __init__(self, document: YamlDocument, limits: YamlLimits) -> None:
        self.document = document
        self.limits = limits
        self.nodes_built = 0
        self.seen_collections: set[int] = set()
        self.expanding = 0  # > 0 while a collection is built again through an alias
        self.alias_values = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError.at(self.document.file, message, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self._count(node)
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.seen_collections:  # built before: this is an alias, expanded again
                self.expanding += 1
                try:
                    return self._build_node(node, path, depth)
                finally:
                    self.expanding -= 1
            self.seen_collections.add(id(node))
        return self._build_node(node, path, depth)

    def _count(self, node: yaml.Node) -> None:
        """Bound the values built in all, and those repeated through aliases ("billion laughs")."""
        self.nodes_built += 1
        if self.nodes_built > self.limits.max_nodes:
            raise self.fail(node, f"more than {self.limits.max_nodes:,} values (an alias expansion bomb?)")
        if self.expanding:
            self.alias_values += 1
            if self.alias_values > self.limits.max_alias_values:
                raise self.fail(node, f"aliases repeat more than {self.limits.max_alias_values:,} values "
                                      "(an alias expansion bomb?)")

    def _build_node(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if depth > self.limits.max_depth:
            raise self.fail(node, f"nested deeper than {self.limits.max_depth} levels")
        self.document.value_marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self.require_tag(node, SEQ_TAG)
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def require_tag(self, node: yaml.Node, tag: str) -> None:
        if node.tag != tag:
            raise self.fail(node, f"YAML tag '{node.tag}' is not allowed (no tags that build objects)")

    def build_mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        self.require_tag(node, MAP_TAG)
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys (<<) are not supported; write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a mapping key must be a plain value, not a list or mapping")
            key = self.build_scalar(key_node)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                first_line = self.document.key_marks[path + (key,)][0]
                raise self.fail(key_node, f"duplicate key '{key}' (first given on line {first_line})")
            mark = key_node.start_mark
            self.document.key_marks[path + (key,)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def build_scalar(self, node: yaml.Node) -> Any:
        if node.tag not in SCALAR_TAGS:
            raise self.fail(node, f"YAML tag '{node.tag}' is not allowed (no tags that build objects)")
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            if node.tag.endswith(":timestamp"):
                raise self.fail(node, f"'{node.value}' is not a valid date (expected YYYY-MM-DD)") from None
            raise self.fail(node, f"'{node.value}' is not a valid value") from None


def to_json_compatible(value: Any) -> Any:
    """A copy with dates as ISO strings, for JSON Schema validation."""
    if isinstance(value, dict):
        return {key: to_json_compatible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_compatible(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
