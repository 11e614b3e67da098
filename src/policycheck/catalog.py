"""`policycheck catalog`: a pack as an OSCAL 1.0.6 catalog (JSON), the control catalog that
`--format oscal` assessment results refer to.

The source document's sections are groups, each rule is a control whose id is the rule id, and the
rule's verbatim quote is its `statement` part (paragraph-level ids: `<rule>_smt`). Severity, modal,
bearer, school part and legal bases are properties; the remediation is the `guidance` part; the
pack's parameters are catalog parameters with their value, origin and rationale.
"""

from __future__ import annotations

import json
import re
import uuid

from policycheck.models.common import localize
from policycheck.models.pack import Parameter, PolicyPack, Rule
from policycheck.reports.oscal import OSCAL_VERSION, prop
from policycheck.source_text import section_heading, source_lines

UUID_ROOT = uuid.UUID("5f0e7d1c-2a4b-5c6d-8e9f-0a1b2c3d4e5f")


def oscal_catalog(pack: PolicyPack) -> str:
    """The pack as an OSCAL catalog, the same bytes for the same pack files."""
    language = pack.meta.language
    catalog = {
        "uuid": str(uuid.uuid5(UUID_ROOT, f"{pack.meta.id}@{pack.meta.version}#{pack.revision}")),
        "metadata": _metadata(pack),
        "params": [_parameter(name, parameter, pack, language) for name, parameter in pack.meta.parameters.items()],
        "groups": _groups(pack, language),
    }
    return json.dumps({"catalog": {key: value for key, value in catalog.items() if value}},
                      indent=2, ensure_ascii=False) + "\n"


def _metadata(pack: PolicyPack) -> dict:
    meta = pack.meta
    props = [prop("issuer", meta.issuer), prop("country", meta.jurisdiction.country),
             prop("language", meta.language), prop("source-document", meta.source_document.title)]
    if meta.jurisdiction.municipality:
        props.append(prop("municipality", meta.jurisdiction.municipality))
    if pack.revision:
        props.append(prop("revision", pack.revision))
    return {"title": localize(meta.title, meta.language), "last-modified": f"{meta.effective_date}T00:00:00Z",
            "version": meta.version, "oscal-version": OSCAL_VERSION, "props": props}


def _parameter(name: str, parameter: Parameter, pack: PolicyPack, language: str) -> dict:
    props = [prop("origin", parameter.origin), prop("unit", parameter.unit)]
    if parameter.quote:
        props.append(prop("quote", parameter.quote))
    return {"id": name, "props": props, "label": localize(parameter.description, language),
            "values": [json.dumps(pack.parameters[name], ensure_ascii=False).strip('"')],
            "guidelines": [{"prose": localize(parameter.rationale, language)}]}


def _groups(pack: PolicyPack, language: str) -> list[dict]:
    sections: dict[str, list[Rule]] = {}
    for rule in pack.rules:
        sections.setdefault(rule.source.section, []).append(rule)
    lines = source_lines(pack.folder)
    return [{"id": _token("s-" + section), "title": _group_title(section, lines),
             "controls": [_control(rule, language) for rule in rules]} for section, rules in sections.items()]


def _group_title(section: str, lines: list[str]) -> str:
    """'3.3. Utviklingssamtaler' as the document heads a numbered section, else the section's name."""
    heading = section_heading(section, lines)
    return f"{section}. {heading}" if heading else section


def _token(text: str) -> str:
    """An OSCAL token: letters, digits, '.', '-' and '_', starting with a letter."""
    return re.sub(r"[^\w.\-]+", "-", text.strip().casefold()).strip("-")


def _control(rule: Rule, language: str) -> dict:
    props = [prop("severity", rule.severity.value), prop("modal", rule.modal.value),
             prop("bearer", rule.bearer.value), prop("school-part", rule.school_part.value),
             prop("check", rule.check.kind)]
    props += [prop("legal-basis", basis.label()) for basis in rule.legal_basis]
    parts = [{"id": f"{rule.id}_smt", "name": "statement", "prose": rule.source.quote},
             {"id": f"{rule.id}_gdn", "name": "guidance", "prose": localize(rule.remediation, language)}]
    if rule.description:
        parts.insert(1, {"id": f"{rule.id}_obj", "name": "objective", "prose": localize(rule.description, language)})
    return {"id": rule.id, "title": localize(rule.title, language), "props": props, "parts": parts}
