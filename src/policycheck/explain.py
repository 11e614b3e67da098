"""The text of `policycheck explain` (one rule, its source and what satisfies it) and of `policycheck rules`
(a pack's rules as a table), in the language asked for."""

from __future__ import annotations

from tabulate import tabulate

from policycheck.messages import Message, text
from policycheck.models.common import localize
from policycheck.engine import cap_reason
from policycheck.models.duty import duty_message
from policycheck.models.pack import PolicyPack, Rule

LABEL_WIDTH = 15  # the longest label with its colon ("retter seg mot:")


def explain_rule(pack: PolicyPack, rule: Rule, language: str) -> str:
    lines = [f"{rule.id}: {localize(rule.title, language)}"]
    lines += [f"  {text(f'explain.{label}', language) + ':':<{LABEL_WIDTH}} {value}"
              for label, value in _fields(pack, rule, language)]
    lines.append("  " + text("explain.satisfied", language, what=rule.check.describe(pack.parameters)))
    lines += _parameters(pack, rule, language)
    lines.append("  " + text("explain.remediation", language, remediation=localize(rule.remediation, language)))
    if rule.example:
        lines.append("  " + text("explain.example_log" if rule.check.reads_log() else "explain.example_plan", language))
        lines += [f"    {line}" for line in rule.example.rstrip().splitlines()]
    return "\n".join(lines) + "\n"


def _fields(pack: PolicyPack, rule: Rule, language: str) -> list[tuple[str, str]]:
    """(label key, value) of the rule's labelled lines, the optional ones only when the rule has them."""
    meta = pack.meta
    severity = text("explain.modal", language, severity=Message(f"severity.{rule.severity.value}"), modal=rule.modal.value)
    if pack.severity_of(rule) is not rule.severity:
        severity += "; " + cap_reason(rule, pack).render(language)
    fields = [("pack", f"{meta.id} {meta.version} ({localize(meta.title, language)})"),
              ("severity", severity),
              ("bearer", duty_message(rule.bearer, rule.school_part, "duty.line").render(language)),
              ("source", text("explain.section", language, document=meta.source_document.title,
                              section=rule.source.section)),
              ("quote", f'"{rule.source.quote}"')]
    if rule.legal_basis:
        fields.append(("legal_basis", "; ".join(basis.label() for basis in rule.legal_basis)))
    if rule.applies_to and rule.applies_to.grades:
        grades = rule.applies_to.grades
        fields.append(("applies_to", text("explain.grades", language, min=grades.min, max=grades.max)))
    if rule.description:
        fields.append(("meaning", localize(rule.description, language)))
    return fields


def _parameters(pack: PolicyPack, rule: Rule, language: str) -> list[str]:
    lines = []
    for threshold in pack.thresholds(rule):
        parameter = pack.meta.parameters[threshold.parameter]
        lines.append("  " + text("explain.parameter", language, name=threshold.parameter, value=repr(threshold.value),
                                 unit=Message(f"unit.{parameter.unit}"),
                                 rationale=localize(parameter.rationale, language)))
        lines.append("    " + threshold.message().render(language))
    return lines


def rules_table(pack: PolicyPack, language: str) -> str:
    headers = [text(f"heading.{name}", language) for name in ("rule", "severity", "section", "check", "title")]
    rows = [[rule.id, text(f"severity.{pack.severity_of(rule).value}", language), rule.source.section, rule.check.kind,
             localize(rule.title, language)] for rule in pack.rules]
    return tabulate(rows, headers=headers, tablefmt="simple")
