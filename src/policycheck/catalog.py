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
from pathlib import Path

from policycheck.models.common import localize
from policycheck.models.pack import Parameter, PolicyPack, Rule

OSCAL_VERSION = "1.0.6"
NAMESPACE = "https://policycheck.dev/ns/oscal"
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


def _prop(name: str, value: object) -> dict:
    return {"name": name, "ns": NAMESPACE, "value": str(value)}


def _metadata(pack: PolicyPack) -> dict:
    meta = pack.meta
    props = [_prop("issuer", meta.issuer), _prop("country", meta.jurisdiction.country),
             _prop("language", meta.language), _prop("source-document", meta.source_document.title)]
    if meta.jurisdiction.municipality:
        props.append(_prop("municipality", meta.jurisdiction.municipality))
    if pack.revision:
        props.append(_prop("revision", pack.revision))
    return {"title": localize(meta.title, meta.language), "last-modified": f"{meta.effective_date}T00:00:00Z",
            "version": meta.version, "oscal-version": OSCAL_VERSION, "props": props}


def _parameter(name: str, parameter: Parameter, pack: PolicyPack, language: str) -> dict:
    props = [_prop("origin", parameter.origin), _prop("unit", parameter.unit)]
    if parameter.quote:
        props.append(_prop("quote", parameter.quote))
    return {"id": name, "props": props, "label": localize(parameter.description, language),
            "values": [json.dumps(pack.parameters[name], ensure_ascii=False).strip('"')],
            "guidelines": [{"prose": localize(parameter.rationale, language)}]}


def _groups(pack: PolicyPack, language: str) -> list[dict]:
    sections: dict[str, list[Rule]] = {}
    for rule in pack.rules:
        sections.setdefault(rule.source.section, []).append(rule)
    titles = _section_titles(Path(pack.folder) / "source.txt")
    return [{"id": _token("s-" + section), "title": titles.get(section, section),
             "controls": [_control(rule, language) for rule in rules]} for section, rules in sections.items()]


def _section_titles(source: Path) -> dict[str, str]:
    """'3.3' -> '3.3. Utviklingssamtaler', from the numbered headings of the pack's copy of the document."""
    if not source.is_file():
        return {}
    headings = re.finditer(r"^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*?)\s*$", source.read_text(encoding="utf-8"), re.MULTILINE)
    titles: dict[str, str] = {}
    for heading in headings:
        titles.setdefault(heading.group(1), f"{heading.group(1)}. {heading.group(2)}")
    return titles


def _token(text: str) -> str:
    """An OSCAL token: letters, digits, '.', '-' and '_', starting with a letter."""
    return re.sub(r"[^\w.\-]+", "-", text.strip().casefold()).strip("-")


def _control(rule: Rule, language: str) -> dict:
    props = [_prop("severity", rule.severity.value), _prop("modal", rule.modal.value),
             _prop("bearer", rule.bearer.value), _prop("school-part", rule.school_part.value),
             _prop("check", rule.check.kind)]
    props += [_prop("legal-basis", basis.label()) for basis in rule.legal_basis]
    parts = [{"id": f"{rule.id}_smt", "name": "statement", "prose": rule.source.quote},
             {"id": f"{rule.id}_gdn", "name": "guidance", "prose": localize(rule.remediation, language)}]
    if rule.description:
        parts.insert(1, {"id": f"{rule.id}_obj", "name": "objective", "prose": localize(rule.description, language)})
    return {"id": rule.id, "title": localize(rule.title, language), "props": props, "parts": parts}
