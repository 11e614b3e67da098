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

Overrides form a chain with a direction: `extends: ./kommune.yaml` names another override file,
the level above (law in the pack's minimum/maximum, then the municipality, then a school). A file
extending an override file may only tighten what it inherits: move a parameter the stricter way
(`Parameter.direction`), raise a severity; never loosen, lower or disable, unless the file that
set it lists it in `allow_loosening`. The report lists each level before its changes.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Callable, Literal, Union

from pydantic import Discriminator, Field, Tag

from policycheck.errors import InputError, Problem, UsageError, did_you_mean
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.common import Decision, Severity, Strict
from policycheck.models.duty import duty_problems
from policycheck.models.pack import Floor, Parameter, PolicyPack, Rule

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
    extends: str = Field(description="The bundled pack (or a pack folder beside this file) to extend, or an "
                                     "override file beside this one: the level above, which this file may only tighten")
    parameters: dict[str, Setting] = Field(
        default_factory=dict, description="A value with decided_by, reference and date (a decision), or a plain value")
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    allow_loosening: list[str] = Field(
        default_factory=list, description="Parameters and rule ids this file sets that a file extending it may loosen")


_LOADING: ContextVar[tuple[str, ...]] = ContextVar("overrides_being_loaded", default=())


def is_override_file(path: Path) -> bool:
    return path.is_file() and path.suffix in (".yaml", ".yml") and path.name != "pack.yaml"


def load_override(path: Path, load_base: Callable[[str], PolicyPack]) -> PolicyPack:
    """The base pack (or the override file above) with this file's changes applied and recorded."""
    document = load_yaml(path)
    override = validate_document(document, PackOverride, "override file")
    pack = _load_above(path, override.extends, load_base)
    guarded = bool(pack.chain)  # below another override file: only tightening
    if guarded:
        _list_level(pack, path, override.extends)
    problems = (_apply_parameters(pack, override, document, guarded) + _apply_rules(pack, override, document, guarded)
                + _allowance_problems(override, document))
    if problems:
        raise InputError(problems)
    pack.chain.append(str(path))
    return pack


def _list_level(pack: PolicyPack, path: Path, extends: str) -> None:
    """In a chain, the report lists each level before its changes (a single override file needs no levels)."""
    if len(pack.chain) == 1:
        pack.overrides.insert(0, f"level 1: {pack.chain[0]} extends pack {pack.meta.id}")
    pack.overrides.append(f"level {len(pack.chain) + 1}: {path} extends {extends}")


def _load_above(path: Path, extends: str, load_base: Callable[[str], PolicyPack]) -> PolicyPack:
    """The level above, refusing a chain that comes back to a file it passed."""
    reference, loading = _base_reference(path, extends), _LOADING.get()
    if str(path.resolve()) in loading:
        raise UsageError(f"{path}: 'extends' leads back to this file: {' -> '.join(loading)} -> {path.resolve()}")
    token = _LOADING.set(loading + (str(path.resolve()),))
    try:
        return load_base(reference)
    finally:
        _LOADING.reset(token)


def _base_reference(path: Path, extends: str) -> str:
    """A bundled name, or a pack folder or override file inside the override file's own folder (never outside it)."""
    if "/" not in extends and "\\" not in extends and not extends.endswith((".yaml", ".yml")):
        return extends  # a bundled pack (an override file is always a file beside this one)
    folder = path.resolve().parent
    target = (folder / extends).resolve()
    if not target.is_relative_to(folder):
        raise UsageError(f"{path}: 'extends: {extends}' reaches outside the override file's folder")
    return str(target)


def _where(document: YamlDocument, *path: str) -> tuple[int, int]:
    return document.locate(path, key=True)


def _apply_parameters(pack: PolicyPack, override: PackOverride, document: YamlDocument, guarded: bool) -> list[Problem]:
    problems = []
    for name, setting in override.parameters.items():
        line, column = _where(document, "parameters", name)
        value = setting.value if isinstance(setting, DecidedValue) else setting
        error = (guarded and _loosens_parameter(pack, name, value)) or set_parameter(pack, name, setting, f"{document.file}:{line}")
        if error:
            problems.append(Problem(document.file, error, line, column))
        else:
            _add_floor(pack, name, value, f"{document.file}:{line}", override, guarded)
    return problems


def _add_floor(pack: PolicyPack, key: str, value: object, where: str, override: PackOverride, guarded: bool) -> None:
    """The value becomes a floor for the levels below; the first level over the pack starts the chain's floors."""
    floor = Floor(value=value, where=where, file=where.rsplit(":", 1)[0], loosenable=key in override.allow_loosening)
    pack.floors[key] = pack.floors.get(key, []) + [floor] if guarded else [floor]


def _loosens_parameter(pack: PolicyPack, name: str, value: object) -> str | None:
    """Why a file below another may not set this value: it is looser than a level above set (or no way is known)."""
    definition = pack.meta.parameters.get(name)
    if definition is None:
        return None  # set_parameter names the unknown parameter
    for floor in _floors(pack, name, pack.parameters[name]):
        if floor.loosenable or value == floor.value:
            continue
        if definition.direction is None or not _is_number(value):
            return (f"parameter '{name}': cannot tell whether {value!r} tightens the {floor.value!r} set in "
                    f"{floor.where} (the pack gives the parameter no direction); {_allow_hint(pack, floor, name)}")
        if (value < floor.value) if definition.direction == "at_least" else (value > floor.value):
            way = "raise" if definition.direction == "at_least" else "lower"
            return (f"parameter '{name}': {value!r} loosens the {floor.value!r} set in {floor.where} (a file extending "
                    f"another may only {way} it: the parameter is {definition.direction.replace('_', ' ')}); "
                    f"{_allow_hint(pack, floor, name)}")
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _floors(pack: PolicyPack, key: str, current: object) -> list[Floor]:
    """The floors set on a parameter or rule by the levels above; the pack's own value when none set it."""
    return pack.floors.get(key) or [Floor(value=current, where=str(Path(pack.folder) / "pack.yaml"))]


def _allow_hint(pack: PolicyPack, floor: Floor, key: str) -> str:
    """Who may allow the loosening: the file that set the floor, or the first level when it is the pack's own."""
    if floor.file is None:
        return f"{pack.chain[0]} may set it and allow it with 'allow_loosening: [{key}]'"
    return f"{floor.file} may allow it with 'allow_loosening: [{key}]'"


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


def _allowance_problems(override: PackOverride, document: YamlDocument) -> list[Problem]:
    """`allow_loosening` names what this file itself sets: a floor it does not set is not its to give away."""
    own = set(override.parameters) | set(override.rules)
    return [Problem(document.file, f"allow_loosening: '{name}' is not set in this file (it lists parameters and rules "
                                   f"this file sets)", *document.locate(("allow_loosening", index)))
            for index, name in enumerate(override.allow_loosening) if name not in own]


def _apply_rules(pack: PolicyPack, override: PackOverride, document: YamlDocument, guarded: bool) -> list[Problem]:
    problems = []
    known = {rule.id: rule for rule in pack.rules}
    for rule_id, change in override.rules.items():
        line, column = _where(document, "rules", rule_id)
        rule = known.get(rule_id)
        if rule is None:
            problems.append(Problem(document.file, f"unknown rule '{rule_id}'{did_you_mean(rule_id, known)}", line, column))
            continue
        refused = _duty_problems(rule, change) + (_loosens_rule(pack, rule, change) if guarded else [])
        problems += [Problem(document.file, f"rule '{rule_id}': {message}", line, column) for message in refused]
        where = f"{document.file}:{line}"
        if change.severity is not None:
            reason = f": {change.reason}" if change.reason else ""
            pack.overrides.append(f"rule {rule_id}: severity {rule.severity.value} -> {change.severity.value}{reason} ({where})")
            rule.severity = change.severity
            _add_floor(pack, rule_id, change.severity.value, where, override, guarded)
        if change.disabled is not None:
            pack.overrides.append(f"rule {rule_id} disabled: {change.disabled} ({where})")
            pack.rules.remove(rule)
    return problems


def _loosens_rule(pack: PolicyPack, rule: Rule, change: RuleOverride) -> list[str]:
    """A file below another may raise a rule's severity, not lower it or switch the rule off."""
    for floor in _floors(pack, rule.id, rule.severity.value):
        if floor.loosenable:
            continue
        if change.disabled is not None:
            return [f"disabling it loosens the rule as {floor.where} has it (a file extending another may only "
                    f"tighten); {_allow_hint(pack, floor, rule.id)}"]
        if change.severity is not None and change.severity.rank < Severity(floor.value).rank:
            return [f"severity {change.severity.value} loosens the {floor.value} set in {floor.where} (a file "
                    f"extending another may only raise it); {_allow_hint(pack, floor, rule.id)}"]
    return []
