"""Finding messages in Norwegian (bokmål), Danish and English.

Checks return a `Message` (a key and its parameters) rather than text, so that one
evaluation can be reported in any language (`--lang`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATALOG: dict[str, dict[str, str]] = {
    "present.missing": {
        "en": "'{path}' is missing from the plan",
        "nb": "'{path}' mangler i planen",
        "da": "'{path}' mangler i planen",
    },
    "present.empty": {
        "en": "'{path}' is empty",
        "nb": "'{path}' er tom",
        "da": "'{path}' er tom",
    },
    "present.todo": {
        "en": "'{path}' still holds a TODO",
        "nb": "'{path}' inneholder fortsatt TODO",
        "da": "'{path}' indeholder stadig TODO",
    },
    "present.ok": {
        "en": "'{path}' is filled in",
        "nb": "'{path}' er fylt ut",
        "da": "'{path}' er udfyldt",
    },
    "compare.not_comparable": {
        "en": "'{path}' is {actual!r}, which cannot be compared with {expected!r}",
        "nb": "'{path}' er {actual!r}, som ikke kan sammenlignes med {expected!r}",
        "da": "'{path}' er {actual!r}, som ikke kan sammenlignes med {expected!r}",
    },
    "compare.fail": {
        "en": "'{path}' is {actual}, expected {op} {expected}{parameter_note}",
        "nb": "'{path}' er {actual}, forventet {op} {expected}{parameter_note}",
        "da": "'{path}' er {actual}, forventet {op} {expected}{parameter_note}",
    },
    "compare.ok": {
        "en": "'{path}' is {actual} ({op} {expected})",
        "nb": "'{path}' er {actual} ({op} {expected})",
        "da": "'{path}' er {actual} ({op} {expected})",
    },
    "contains.not_list": {
        "en": "'{path}' should be a list",
        "nb": "'{path}' skal være en liste",
        "da": "'{path}' skal være en liste",
    },
    "contains.fail": {
        "en": "'{path}' lacks {missing}",
        "nb": "'{path}' mangler {missing}",
        "da": "'{path}' mangler {missing}",
    },
    "contains.ok": {
        "en": "'{path}' includes {members}",
        "nb": "'{path}' inneholder {members}",
        "da": "'{path}' indeholder {members}",
    },
    "attestation.missing": {
        "en": "no attestation for this rule in the plan's 'attestations'",
        "nb": "ingen bekreftelse (attestation) for denne regelen i planens 'attestations'",
        "da": "ingen bekræftelse (attestation) for denne regel i planens 'attestations'",
    },
    "attestation.incomplete": {
        "en": "the attestation lacks {missing}",
        "nb": "bekreftelsen mangler {missing}",
        "da": "bekræftelsen mangler {missing}",
    },
    "attestation.future": {
        "en": "the attestation is dated {date}, after {as_of}",
        "nb": "bekreftelsen er datert {date}, etter {as_of}",
        "da": "bekræftelsen er dateret {date}, efter {as_of}",
    },
    "attestation.expired": {
        "en": "the attestation of {date} is older than {days} days (as of {as_of})",
        "nb": "bekreftelsen fra {date} er eldre enn {days} dager (per {as_of})",
        "da": "bekræftelsen fra {date} er ældre end {days} dage (pr. {as_of})",
    },
    "attestation.ok": {
        "en": "attested by {name} ({role}) on {date}",
        "nb": "bekreftet av {name} ({role}) {date}",
        "da": "bekræftet af {name} ({role}) {date}",
    },
    "composite.parts": {"en": "{parts}", "nb": "{parts}", "da": "{parts}"},
    "composite.all_ok": {
        "en": "all parts are met",
        "nb": "alle deler er oppfylt",
        "da": "alle dele er opfyldt",
    },
    "composite.none_ok": {
        "en": "none of the alternatives is met: {details}",
        "nb": "ingen av alternativene er oppfylt: {details}",
        "da": "ingen af alternativerne er opfyldt: {details}",
    },
    "not.fail": {
        "en": "must not hold, but does: {details}",
        "nb": "skal ikke gjelde, men gjør det: {details}",
        "da": "må ikke gælde, men gør det: {details}",
    },
    "not.ok": {
        "en": "does not hold, as required: {details}",
        "nb": "gjelder ikke, som krevd: {details}",
        "da": "gælder ikke, som krævet: {details}",
    },
    "not_applicable.grades": {
        "en": "applies to grades {rule_min}-{rule_max}; the school has grades {school_min}-{school_max}",
        "nb": "gjelder trinn {rule_min}-{rule_max}; skolen har trinn {school_min}-{school_max}",
        "da": "gælder klassetrin {rule_min}-{rule_max}; skolen har klassetrin {school_min}-{school_max}",
    },
    "list.and": {"en": " and ", "nb": " og ", "da": " og "},
    "status.pass": {"en": "pass", "nb": "oppfylt", "da": "opfyldt"},
    "status.fail": {"en": "FAIL", "nb": "IKKE OPPFYLT", "da": "IKKE OPFYLDT"},
    "status.not_applicable": {"en": "not applicable", "nb": "ikke relevant", "da": "ikke relevant"},
    "status.insufficient_data": {"en": "insufficient data", "nb": "mangler data", "da": "mangler data"},
    "status.waived": {"en": "waived", "nb": "unntak", "da": "undtaget"},
    "status.needs_attestation": {"en": "NEEDS ATTESTATION", "nb": "TRENGER BEKREFTELSE", "da": "KRÆVER BEKRÆFTELSE"},
    "severity.required": {"en": "required", "nb": "påkrevd", "da": "påkrævet"},
    "severity.recommended": {"en": "recommended", "nb": "anbefalt", "da": "anbefalet"},
    "severity.advisory": {"en": "advisory", "nb": "veiledende", "da": "vejledende"},
    "heading.status": {"en": "Status", "nb": "Status", "da": "Status"},
    "heading.severity": {"en": "Severity", "nb": "Alvorlighet", "da": "Alvorlighed"},
    "heading.rule": {"en": "Rule", "nb": "Regel", "da": "Regel"},
    "heading.section": {"en": "§", "nb": "§", "da": "§"},
    "heading.message": {"en": "Finding", "nb": "Funn", "da": "Fund"},
    "heading.report": {
        "en": "{school}: checked against {policy} ({pack} {version}) as of {as_of}",
        "nb": "{school}: kontrollert mot {policy} ({pack} {version}) per {as_of}",
        "da": "{school}: kontrolleret mod {policy} ({pack} {version}) pr. {as_of}",
    },
    "heading.gaps": {"en": "How to close the gaps", "nb": "Slik lukker dere avvikene", "da": "Sådan lukker I afvigelserne"},
    "heading.summary": {"en": "Summary", "nb": "Oppsummering", "da": "Opsummering"},
    "heading.overrides": {"en": "Overrides applied", "nb": "Lokale tilpasninger brukt", "da": "Lokale tilpasninger anvendt"},
    "heading.no_gaps": {"en": "No gaps.", "nb": "Ingen avvik.", "da": "Ingen afvigelser."},
    "heading.title": {"en": "Title", "nb": "Tittel", "da": "Titel"},
    "heading.quote": {"en": "Source quote", "nb": "Sitat fra kilden", "da": "Citat fra kilden"},
    "heading.remediation": {"en": "Remediation", "nb": "Tiltak", "da": "Tiltag"},
    "heading.location": {"en": "Location", "nb": "Sted", "da": "Placering"},
    "heading.notes": {"en": "Notes", "nb": "Merknader", "da": "Bemærkninger"},
    "heading.legal_basis": {"en": "Legal basis", "nb": "Hjemmel", "da": "Hjemmel"},
    "heading.school": {"en": "School", "nb": "Skole", "da": "Skole"},
    "heading.findings": {"en": "Findings", "nb": "Funn", "da": "Fund"},
    "heading.baseline": {"en": "New or known", "nb": "Ny eller kjent", "da": "Ny eller kendt"},
    "baseline.new": {"en": "new", "nb": "ny", "da": "ny"},
    "baseline.known": {"en": "known", "nb": "kjent", "da": "kendt"},
    "waiver.applied": {
        "en": "waived until {expires}, approved by {approved_by}: {reason}",
        "nb": "unntak til og med {expires}, godkjent av {approved_by}: {reason}",
        "da": "undtaget til og med {expires}, godkendt af {approved_by}: {reason}",
    },
    "waiver.expired": {
        "en": "the waiver approved by {approved_by} expired on {expires}",
        "nb": "unntaket godkjent av {approved_by} utløp {expires}",
        "da": "undtagelsen godkendt af {approved_by} udløb {expires}",
    },
    "heading.audit": {
        "en": "{count} schools checked against {policy} ({pack} {version}) as of {as_of}",
        "nb": "{count} skoler kontrollert mot {policy} ({pack} {version}) per {as_of}",
        "da": "{count} skoler kontrolleret mod {policy} ({pack} {version}) pr. {as_of}",
    },
    "heading.folder": {"en": "Folder", "nb": "Mappe", "da": "Mappe"},
    "heading.schools": {"en": "Schools", "nb": "Skoler", "da": "Skoler"},
    "heading.rules": {"en": "Rules", "nb": "Regler", "da": "Regler"},
    "heading.compliance": {"en": "Compliance", "nb": "Etterlevelse", "da": "Efterlevelse"},
    "heading.applicable": {"en": "Applicable", "nb": "Relevante", "da": "Relevante"},
    "heading.passed": {"en": "Passed", "nb": "Oppfylt", "da": "Opfyldt"},
    "heading.gap_count": {"en": "Gaps", "nb": "Avvik", "da": "Afvigelser"},
    "heading.most_common": {"en": "Most common gaps", "nb": "Vanligste avvik", "da": "Hyppigste afvigelser"},
    "heading.schools_with_gap": {"en": "Schools with the gap", "nb": "Skoler med avviket", "da": "Skoler med afvigelsen"},
    "heading.broken": {"en": "Could not be checked", "nb": "Kunne ikke kontrolleres", "da": "Kunne ikke kontrolleres"},
    "heading.error": {"en": "Error", "nb": "Feil", "da": "Fejl"},
    "heading.heatmap": {"en": "Schools x rules", "nb": "Skoler x regler", "da": "Skoler x regler"},
    "heading.legend": {"en": "Legend", "nb": "Forklaring", "da": "Signaturforklaring"},
    "heading.change": {"en": "Change since the previous audit", "nb": "Endring siden forrige kontroll",
                       "da": "Ændring siden sidste kontrol"},
    "heading.before": {"en": "Before", "nb": "Før", "da": "Før"},
    "heading.after": {"en": "Now", "nb": "Nå", "da": "Nu"},
    "heading.delta": {"en": "Change", "nb": "Endring", "da": "Ændring"},
    "status.broken": {"en": "BROKEN INPUT", "nb": "UGYLDIG INNDATA", "da": "UGYLDIGE INDDATA"},
    "parameter_note": {
        "en": " (pack parameter {name})",
        "nb": " (parameter {name} i pakken)",
        "da": " (parameter {name} i pakken)",
    },
}


def text(key: str, language: str, **params: Any) -> str:
    """A catalog text (a label or heading) in the language."""
    return Message(key, params).render(language)


@dataclass(frozen=True)
class Message:
    """A message key with its parameters; rendered in a language on demand."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str) -> str:
        template = CATALOG[self.key].get(language) or CATALOG[self.key]["en"]
        values = {name: _render_value(value, language) for name, value in self.params.items()}
        return template.format(**values)


def _render_value(value: Any, language: str) -> Any:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Message) for item in value):
        return "; ".join(item.render(language) for item in value)
    if isinstance(value, (list, tuple)):
        return join_words([_render_value(item, language) for item in value], language)
    return value


def join_words(words: list[Any], language: str) -> str:
    """'a', 'a and b', 'a, b and c' in the language."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + CATALOG["list.and"][language] + words[-1]
