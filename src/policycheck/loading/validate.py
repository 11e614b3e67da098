"""Validating loaded YAML against a model, with errors at file:line:column.

JSON Schema (generated from the pydantic model) finds every problem with its path, which
we turn into plain messages with a did-you-mean for unknown keys; pydantic then builds the
model (its own errors, from custom validators, are located the same way).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator, TypeVar

import jsonschema
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel, ValidationError

from policycheck.errors import InputError, Problem, did_you_mean
from policycheck.loading.yamlfile import YamlDocument, to_json_compatible

Model = TypeVar("Model", bound=BaseModel)
MAX_PROBLEMS = 20
JSON_TYPES = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
              "number": "a number", "boolean": "true or false", "null": "nothing (null)"}


@lru_cache(maxsize=None)
def validator_for(model: type[BaseModel]) -> jsonschema.Draft202012Validator:
    schema = model.model_json_schema(by_alias=True)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def check_schema(document: YamlDocument, validator: jsonschema.protocols.Validator, what: str) -> None:
    """Raise InputError listing each place where the document breaks the schema."""
    errors = sorted(validator.iter_errors(to_json_compatible(document.data)), key=lambda e: list(map(str, e.absolute_path)))
    problems = _unique([p for error in errors for p in _explain(error, document, what)])
    if problems:
        raise InputError(problems[:MAX_PROBLEMS])


def validate_document(document: YamlDocument, model: type[Model], what: str) -> Model:
    """The document's data as `model`, or InputError listing each problem with its location."""
    check_schema(document, validator_for(model), what)
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise InputError([_pydantic_problem(item, document) for item in error.errors()][:MAX_PROBLEMS]) from None


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _at(document: YamlDocument, path: tuple, message: str, key: bool = False) -> Problem:
    line, column = document.locate(path, key=key)
    return Problem(document.file, message, line, column)


def _explain(error: SchemaError, document: YamlDocument, what: str) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    explain = _EXPLAINERS.get(error.validator, _explain_default)
    yield from explain(error, document, path, what)


def _explain_default(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    yield _at(document, path, f"{_where(path, what)}: {error.message}")


def _where(path: tuple, what: str) -> str:
    return ".".join(map(str, path)) if path else what


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return repr(value)


def _explain_type(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    expected = " or ".join(JSON_TYPES.get(t, t) for t in types)
    yield _at(document, path, f"{_where(path, what)}: expected {expected}, got {_describe(error.instance)}")


def _explain_additional(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    known = sorted(error.schema.get("properties", {}))
    for key in sorted(set(error.instance) - set(known)):
        hint = did_you_mean(key, known) or f"; expected one of: {', '.join(known)}"
        yield _at(document, path + (key,), f"unknown key '{key}' in {_where(path, what)}{hint}", key=True)


def _explain_required(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    for key in error.validator_value:
        if key not in error.instance:
            yield _at(document, path, f"{_where(path, what)}: missing required key '{key}'")


def _explain_enum(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
    choices = ", ".join(map(str, allowed))
    hint = did_you_mean(str(error.instance), map(str, allowed))
    yield _at(document, path, f"{_where(path, what)}: {_describe(error.instance)} is not allowed{hint}; expected one of: {choices}")


def _explain_one_of(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    """A tagged union (a check's `kind`): explain against the branch the tag names."""
    discriminator = error.schema.get("discriminator")
    if not discriminator or not isinstance(error.instance, dict):
        yield from _explain_any_of(error, document, path, what)
        return
    tag, mapping = discriminator["propertyName"], discriminator["mapping"]
    value = error.instance.get(tag)
    if value not in mapping:
        hint = did_you_mean(str(value), mapping) if value is not None else ""
        problem = f"unknown {tag} '{value}'" if value is not None else f"missing required key '{tag}'"
        yield _at(document, path + ((tag,) if value is not None else ()),
                  f"{_where(path, what)}: {problem}{hint}; expected one of: {', '.join(sorted(mapping))}")
        return
    branch = [item.get("$ref") for item in error.validator_value].index(mapping[value])
    for sub in error.context:
        if sub.relative_schema_path[0] == branch:
            yield from _explain(sub, document, what)


def _explain_any_of(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    """An optional or alternative value: name the types it may take, or the best branch's problem."""
    branches = error.validator_value
    if all(set(branch) <= {"type", "title", "description", "format"} for branch in branches):
        types = [JSON_TYPES.get(branch["type"], branch["type"]) for branch in branches]
        yield _at(document, path, f"{_where(path, what)}: expected {' or '.join(types)}, got {_describe(error.instance)}")
        return
    if error.instance is not None:
        branches = [i for i, branch in enumerate(branches) if branch.get("type") != "null"]
        if len(branches) == 1:
            for sub in error.context:
                if sub.relative_schema_path[0] == branches[0]:
                    yield from _explain(sub, document, what)
            return
    best = jsonschema.exceptions.best_match(error.context)
    yield from (_explain(best, document, what) if best is not None else _explain_default(error, document, path, what))


def _explain_format(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    expected = {"date": "a date YYYY-MM-DD", "date-time": "a date and time (ISO 8601)"}.get(error.validator_value, error.validator_value)
    yield _at(document, path, f"{_where(path, what)}: {_describe(error.instance)} is not {expected}")


def _explain_pattern(error: SchemaError, document: YamlDocument, path: tuple, what: str) -> Iterator[Problem]:
    yield _at(document, path, f"{_where(path, what)}: {_describe(error.instance)} does not have the expected form ({error.validator_value})")


_EXPLAINERS = {
    "type": _explain_type,
    "additionalProperties": _explain_additional,
    "required": _explain_required,
    "enum": _explain_enum,
    "const": _explain_enum,
    "oneOf": _explain_one_of,
    "anyOf": _explain_any_of,
    "format": _explain_format,
    "pattern": _explain_pattern,
}


def _pydantic_problem(item: dict, document: YamlDocument) -> Problem:
    path = _data_path(document.data, item["loc"])
    message = item["msg"].removeprefix("Value error, ")
    return _at(document, path, f"{_where(path, 'document')}: {message}")


def _data_path(data: Any, loc: tuple) -> tuple:
    """The parts of a pydantic error location that exist in the data (drops union tags)."""
    path: list = []
    for part in loc:
        if isinstance(data, dict) and part in data or isinstance(data, list) and isinstance(part, int) and part < len(data):
            path.append(part)
            data = data[part]
    return tuple(path)
