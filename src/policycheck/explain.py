"""The text of `policycheck explain`: one rule, its source and what satisfies it."""

from __future__ import annotations

from policycheck.models.common import localize
from policycheck.models.pack import PolicyPack, Rule


def explain_rule(pack: PolicyPack, rule: Rule, language: str) -> str:
    meta = pack.meta
    lines = [
        f"{rule.id}: {localize(rule.title, language)}",
        f"  pack:        {meta.id} {meta.version} ({localize(meta.title, language)})",
        f"  severity:    {rule.severity.value} (from '{rule.modal}')",
        f"  source:      {meta.source_document.title}, section {rule.source.section}",
        f'  quote:       "{rule.source.quote}"',
    ]
    if rule.legal_basis:
        lines.append(f"  legal basis: {'; '.join(rule.legal_basis)}")
    if rule.applies_to and rule.applies_to.grades:
        lines.append(f"  applies to:  grades {rule.applies_to.grades.min}-{rule.applies_to.grades.max}")
    if rule.description:
        lines.append(f"  meaning:     {localize(rule.description, language)}")
    lines.append(f"  satisfied when {rule.check.describe(pack.parameters).render(language)}")
    lines += _parameters(pack, rule, language)
    lines.append(f"  to close a gap: {localize(rule.remediation, language)}")
    if rule.example:
        lines.append("  example log rows (CSV):" if rule.check.reads_log() else "  example plan fragment:")
        lines += [f"    {line}" for line in rule.example.rstrip().splitlines()]
    return "\n".join(lines) + "\n"


def _parameters(pack: PolicyPack, rule: Rule, language: str) -> list[str]:
    lines = []
    for name in sorted(rule.check.parameter_names()):
        parameter = pack.meta.parameters[name]
        lines.append(f"  parameter {name} = {pack.parameters[name]!r} ({parameter.unit}): "
                     f"{localize(parameter.rationale, language)}")
    return lines
