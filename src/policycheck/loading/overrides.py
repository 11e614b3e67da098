"""A municipality's override file: extends a bundled pack without editing it.

```yaml
kind: policy-override
extends: tromso
parameters:
  svarfrist_virkedager: {value: 2, decided_by: Oppvekstutvalget, reference: PS 12/2025, date: 2025-03-01}
  fau_moter_per_ar: 3            # a plain value: changes the number, records no decision
rules:
  tro-foreldremoter-holdt: {severity: advisory, reason: "Klassene 5-7 har ett foreldremøte; vedtak ventes"}
  tro-personlig-pc-kontrakt: {disabled: "Skolen har bare 1.-4. trinn"}
```
A parameter given with `decided_by`, `reference` and `date` becomes origin `municipal-decision`:
a rule resting on it keeps the pack's severity. A plain value is not a decision: a rule resting on
a number that is neither the document's own nor decided stays at most `recommended`
(`PolicyPack.severity_of`). Every change is listed in the report (`policy.overrides`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag

from policycheck.errors import InputError, Problem, UsageError, did_you_mean
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.common import Decision, Severity, Strict
from policycheck.models.duty import duty_problems
from policycheck.models.pack import Parameter, PolicyPack, Rule

ParameterValue = int | float | str | bool | list[str]


class DecidedValue(Decision):
    """A parameter's value with the decision that set it."""

    value: ParameterValue


# A mapping is a decided value (so a missing `reference` is reported as such), anything else a plain value.
Setting = Annotated[Union[Annotated[DecidedValue, Tag("decided")], Annotated[ParameterValue, Tag("plain")]],
                    Discriminator(lambda value: "decided" if isinstance(value, (dict, DecidedValue)) else "plain")]


class RuleOverride(Strict):
    severity: Severity | None = None
    reason: str | None = Field(default=None, min_length=3, description="Why the severity is changed")
    disabled: str | None = Field(default=None, min_length=3, description="Why the rule is switched off")


class PackOverride(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    kind: Literal["policy-override"] = "policy-override"
    extends: str = Field(description="The bundled pack (or a pack folder beside this file) to extend")
    parameters: dict[str, Setting] = Field(
        default_factory=dict, description="A value with decided_by, reference and date (a decision), or a plain value")
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
    for name, setting in override.parameters.items():
        line, column = _where(document, "parameters", name)
        error = set_parameter(pack, name, setting, f"{document.file}:{line}")
        if error:
            problems.append(Problem(document.file, error, line, column))
    return problems


def set_parameter(pack: PolicyPack, name: str, setting: DecidedValue | ParameterValue, where: str) -> str | None:
    """Set one parameter as an override does, recording the change; the error instead when the value is refused."""
    definition = pack.meta.parameters.get(name)
    value = setting.value if isinstance(setting, DecidedValue) else setting
    if definition is None:
        return f"unknown parameter '{name}'{did_you_mean(name, pack.meta.parameters)}"
    error = _parameter_error(definition, value)
    if error:
        return f"parameter '{name}': {error}"
    pack.overrides.append(f"parameter {name}: {pack.parameters[name]!r} -> {value!r}{_decided(setting)} ({where})")
    pack.parameters[name] = value
    _record_provenance(pack, name, setting, where)
    return None


def _decided(setting: DecidedValue | ParameterValue) -> str:
    if not isinstance(setting, DecidedValue):
        return ", no decision recorded"
    return f", decided by {setting.decided_by} ({setting.reference}, {setting.date.isoformat()})"


def _record_provenance(pack: PolicyPack, name: str, setting: DecidedValue | ParameterValue, where: str) -> None:
    """A decided value makes the parameter a municipal decision; a plain value is marked as set without one."""
    if isinstance(setting, DecidedValue):
        decision = Decision(decided_by=setting.decided_by, reference=setting.reference, date=setting.date)
        definition = pack.meta.parameters[name]
        pack.meta.parameters[name] = definition.model_copy(
            update={"origin": "municipal-decision", "decision": decision, "quote": None})
        pack.set_without_decision.pop(name, None)
    else:
        pack.set_without_decision[name] = where


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


def _duty_problems(rule: Rule, change: RuleOverride) -> list[str]:
    """An override may not raise a rule above what its modal verb and bearer allow (the pack lint's test)."""
    if change.severity is None:
        return []
    return duty_problems(rule.modal, rule.bearer, rule.school_part, change.severity)


def _apply_rules(pack: PolicyPack, override: PackOverride, document: YamlDocument) -> list[Problem]:
    problems = []
    known = {rule.id: rule for rule in pack.rules}
    for rule_id, change in override.rules.items():
        line, column = _where(document, "rules", rule_id)
        rule = known.get(rule_id)
        if rule is None:
            problems.append(Problem(document.file, f"unknown rule '{rule_id}'{did_you_mean(rule_id, known)}", line, column))
            continue
        problems += [Problem(document.file, f"rule '{rule_id}': {message}", line, column) for message in _duty_problems(rule, change)]
        if change.severity is not None:
            reason = f": {change.reason}" if change.reason else ""
            pack.overrides.append(f"rule {rule_id}: severity {rule.severity.value} -> {change.severity.value}{reason} ({document.file}:{line})")
            rule.severity = change.severity
        if change.disabled is not None:
            pack.overrides.append(f"rule {rule_id} disabled: {change.disabled} ({document.file}:{line})")
            pack.rules.remove(rule)
    return problems
