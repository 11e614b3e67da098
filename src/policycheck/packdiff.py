"""`policycheck diff A B`: what changed between two packs or two versions of one pack.

Rules are matched by id. A rule is changed when anything a verdict depends on differs: the source
(quote, section), the modal, bearer and school part, the severity, the check, the grades it applies
to, or its legal bases. Parameters are compared by their value on the packs' own effective dates
(dated changes included), their origin and their limits.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, Field
from tabulate import tabulate

from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack, Rule

COMPARED = ("source", "modal", "bearer", "school_part", "severity", "check", "applies_to", "legal_basis")
PARAMETER_FIELDS = ("origin", "unit", "minimum", "maximum", "changes")


class PackSide(BaseModel):
    id: str
    version: str
    effective_date: dt.date
    revision: str


class RuleEntry(BaseModel):
    id: str
    title: str
    section: str
    severity: str


class FieldChange(BaseModel):
    field: str
    before: Any = None
    after: Any = None


class RuleChange(BaseModel):
    id: str
    title: str
    changes: list[FieldChange]


class ParameterChange(BaseModel):
    name: str
    changes: list[FieldChange]


class PackDiff(BaseModel):
    """Rules added, removed and changed from `before` to `after`, and parameters changed."""

    before: PackSide
    after: PackSide
    added: list[RuleEntry] = Field(default_factory=list)
    removed: list[RuleEntry] = Field(default_factory=list)
    changed: list[RuleChange] = Field(default_factory=list)
    parameters: list[ParameterChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.parameters)


def diff_packs(before: PolicyPack, after: PolicyPack, language: str) -> PackDiff:
    old, new = {rule.id: rule for rule in before.rules}, {rule.id: rule for rule in after.rules}
    changed = [RuleChange(id=rule_id, title=localize(new[rule_id].title, language), changes=changes)
               for rule_id in new if rule_id in old and (changes := _rule_changes(old[rule_id], new[rule_id]))]
    return PackDiff(before=_side(before), after=_side(after),
                    added=[_entry(new[rule_id], language) for rule_id in new if rule_id not in old],
                    removed=[_entry(old[rule_id], language) for rule_id in old if rule_id not in new],
                    changed=changed, parameters=_parameter_changes(before, after))


def _side(pack: PolicyPack) -> PackSide:
    return PackSide(id=pack.meta.id, version=pack.meta.version, effective_date=pack.meta.effective_date,
                    revision=pack.revision)


def _entry(rule: Rule, language: str) -> RuleEntry:
    return RuleEntry(id=rule.id, title=localize(rule.title, language), section=rule.source.section,
                     severity=rule.severity.value)


def _rule_changes(old: Rule, new: Rule) -> list[FieldChange]:
    before, after = (rule.model_dump(mode="json", by_alias=True, exclude_none=True) for rule in (old, new))
    return _field_changes(before, after, COMPARED)


def _field_changes(before: dict, after: dict, fields: tuple[str, ...]) -> list[FieldChange]:
    changes = []
    for name in fields:
        old, new = before.get(name), after.get(name)
        if isinstance(old, dict) and isinstance(new, dict) and name != "check":
            changes += [change.model_copy(update={"field": f"{name}.{change.field}"})
                        for change in _field_changes(old, new, tuple(dict.fromkeys([*old, *new])))]
        elif old != new:
            changes.append(FieldChange(field=name, before=old, after=new))
    return changes


def _parameter_changes(before: PolicyPack, after: PolicyPack) -> list[ParameterChange]:
    old, new = before.meta.parameters, after.meta.parameters
    result = []
    for name in dict.fromkeys([*old, *new]):
        first = _parameter_view(before, name) if name in old else {}
        second = _parameter_view(after, name) if name in new else {}
        changes = _field_changes(first, second, ("value", *PARAMETER_FIELDS))
        if changes:
            result.append(ParameterChange(name=name, changes=changes))
    return result


def _parameter_view(pack: PolicyPack, name: str) -> dict:
    parameter = pack.meta.parameters[name]
    view = parameter.model_dump(mode="json", by_alias=True, include=set(PARAMETER_FIELDS))
    return {"value": parameter.value_on(pack.meta.effective_date), **view}


def render_diff(diff: PackDiff, format_name: str) -> str:
    """The diff as a table (terminal), Markdown (a pull request) or JSON (machines)."""
    if format_name == "json":
        return diff.model_dump_json(indent=2) + "\n"
    return _render_text(diff, markdown=format_name == "markdown")


def _render_text(diff: PackDiff, markdown: bool) -> str:
    style = "github" if markdown else "simple"
    a, b = diff.before, diff.after
    lines = [f"{'# ' if markdown else ''}{a.id} {a.version} ({a.effective_date}, revision {a.revision}) -> "
             f"{b.id} {b.version} ({b.effective_date}, revision {b.revision})", ""]
    if diff.empty:
        return "\n".join(lines + ["No differences in rules or parameters."]) + "\n"
    for heading, entries in (("Added rules", diff.added), ("Removed rules", diff.removed)):
        if entries:
            rows = [[entry.id, entry.section, entry.severity, entry.title] for entry in entries]
            lines += [_heading(heading, markdown), "", tabulate(rows, ["rule", "section", "severity", "title"], style), ""]
    if diff.changed:
        rows = [[change.id, item.field, _value(item.before), _value(item.after)]
                for change in diff.changed for item in change.changes]
        lines += [_heading("Changed rules", markdown), "", tabulate(rows, ["rule", "field", "before", "after"], style), ""]
    if diff.parameters:
        rows = [[change.name, item.field, _value(item.before), _value(item.after)]
                for change in diff.parameters for item in change.changes]
        lines += [_heading("Changed parameters", markdown), "",
                  tabulate(rows, ["parameter", "field", "before", "after"], style), ""]
    return "\n".join(lines)


def _heading(text: str, markdown: bool) -> str:
    return f"## {text}" if markdown else f"{text}:"


def _value(value: Any) -> str:
    if value is None:
        return "-"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("|", "\\|").replace("\n", " ")
