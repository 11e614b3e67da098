"""A municipality's override file: extends a bundled pack without editing it.

```yaml
kind: policy-override
extends: tromso
parameters: {svarfrist_virkedager: 2}
rules:
  tro-fug-informasjon: {severity: recommended}
  tro-pc-kontrakt: {disabled: "Skolen har bare 1.-4. trinn"}
```
Every change is listed in the report (`policy.overrides`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from policycheck.errors import InputError, Problem, UsageError, did_you_mean
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.common import Severity, Strict
from policycheck.models.pack import Parameter, PolicyPack


class RuleOverride(Strict):
    severity: Severity | None = None
    disabled: str | None = Field(default=None, min_length=3, description="Why the rule is switched off")


class PackOverride(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["policy-override"] = "policy-override"
    extends: str = Field(description="The bundled pack (or a pack folder beside this file) to extend")
    parameters: dict[str, int | float | str | bool | list[str]] = Field(default_factory=dict)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)


def is_override_file(path: Path) -> bool:
    return path.is_file() and path.suffix in (".yaml", ".yml") and path.name != "pack.yaml"


def load_override(path: Path, load_base) -> PolicyPack:
    """The base pack with the override file's changes applied and recorded."""
    document = load_yaml(path)
    override = validate_document(document, PackOverride, "override file")
    pack = load_base(_base_reference(path, override.extends))
    problems = _apply_parameters(pack, override, document) + _apply_rules(pack, override, document)
    if problems:
        raise InputError(problems)
    return pack


def _base_reference(path: Path, extends: str) -> str:
    """A bundled name, or a folder inside the override file's own folder (never outside it)."""
    if "/" not in extends and "\\" not in extends:
        return extends
    folder = path.resolve().parent
    target = (folder / extends).resolve()
    if not target.is_relative_to(folder):
        raise UsageError(f"{path}: 'extends: {extends}' reaches outside the override file's folder")
    return str(target)


def _where(document: YamlDocument, *path: str) -> tuple[int, int]:
    return document.locate(path, key=True)


def _apply_parameters(pack: PolicyPack, override: PackOverride, document: YamlDocument) -> list[Problem]:
    problems = []
    for name, value in override.parameters.items():
        line, column = _where(document, "parameters", name)
        definition = pack.meta.parameters.get(name)
        if definition is None:
            problems.append(Problem(document.file, f"unknown parameter '{name}'{did_you_mean(name, pack.meta.parameters)}", line, column))
            continue
        error = _parameter_error(definition, value)
        if error:
            problems.append(Problem(document.file, f"parameter '{name}': {error}", line, column))
            continue
        pack.overrides.append(f"parameter {name}: {pack.parameters[name]!r} -> {value!r} ({document.file}:{line})")
        pack.parameters[name] = value
    return problems


def _parameter_error(definition: Parameter, value: object) -> str | None:
    default = definition.default
    same_kind = isinstance(value, bool) == isinstance(default, bool) and (
        isinstance(value, type(default)) or isinstance(value, (int, float)) and isinstance(default, (int, float)))
    if not same_kind:
        return f"expected a value like the default {default!r}, got {value!r}"
    if definition.minimum is not None and value < definition.minimum:
        return f"{value!r} is below the minimum {definition.minimum:g}"
    if definition.maximum is not None and value > definition.maximum:
        return f"{value!r} is above the maximum {definition.maximum:g}"
    return None


def _apply_rules(pack: PolicyPack, override: PackOverride, document: YamlDocument) -> list[Problem]:
    problems = []
    known = {rule.id: rule for rule in pack.rules}
    for rule_id, change in override.rules.items():
        line, column = _where(document, "rules", rule_id)
        rule = known.get(rule_id)
        if rule is None:
            problems.append(Problem(document.file, f"unknown rule '{rule_id}'{did_you_mean(rule_id, known)}", line, column))
            continue
        if change.severity is not None:
            pack.overrides.append(f"rule {rule_id}: severity {rule.severity.value} -> {change.severity.value} ({document.file}:{line})")
            rule.severity = change.severity
        if change.disabled is not None:
            pack.overrides.append(f"rule {rule_id} disabled: {change.disabled} ({document.file}:{line})")
            pack.rules.remove(rule)
    return problems
