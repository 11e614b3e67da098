"""Finding messages in Norwegian (bokmål), Danish and English.

Checks return a `Message` (a key and its parameters) rather than text, so that one
evaluation can be reported in any language (`--lang`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATALOG: dict[str, dict[str, str]] = {
    "plan_schema.choices": {
        "en": "One of: {choices} (or any of their words in nb, da or en)",
        "nb": "Ett av: {choices} (eller et av ordene for dem på nb, da eller en)",
        "da": "Ét af: {choices} (eller et af ordene for dem på nb, da eller en)",
    },
    "scaffold.fill_in": {
        "en": "Fill in every TODO (the comment above each answer says what it takes); `policycheck validate --policy` checks the answers, `policycheck check` lists what is still missing.",
        "nb": "Fyll ut hver TODO (kommentaren over hvert svar sier hva det skal være); `policycheck validate --policy` sjekker svarene, `policycheck check` viser hva som mangler.",
        "da": "Udfyld hvert TODO (kommentaren over hvert svar siger, hvad det skal være); `policycheck validate --policy` tjekker svarene, `policycheck check` viser, hvad der mangler.",
    },
    "scaffold.grades": {
        "en": "the school's grades",
        "nb": "skolens trinn",
        "da": "skolens klassetrin",
    },
    "scaffold.school_year": {"en": "e.g. 2025-2026", "nb": "f.eks. 2025-2026", "da": "fx 2025-2026"},
    "scaffold.attestations": {
        "en": "Statements no data can prove: a dated statement naming who attests each one.",
        "nb": "Forhold ingen data kan vise: en datert erklæring om hvert av dem, med hvem som bekrefter den.",
        "da": "Forhold, ingen data kan vise: en dateret erklæring om hvert af dem, med hvem der bekræfter den.",
    },
    "scaffold.read_by": {"en": "read by: {rules}", "nb": "leses av: {rules}", "da": "læses af: {rules}"},
    "scaffold.type.yesno": {"en": "yes or no (ja/nei)", "nb": "ja eller nei", "da": "ja eller nej"},
    "scaffold.type.choice": {"en": "one of: {choices}", "nb": "ett av: {choices}", "da": "ét af: {choices}"},
    "scaffold.type.multichoice": {
        "en": "a list of: {choices} (or your own; 'none' for none)",
        "nb": "en liste med: {choices} (eller egne punkter; «ingen» for ingen)",
        "da": "en liste med: {choices} (eller egne punkter; »ingen« for ingen)",
    },
    "scaffold.type.list-or-none": {
        "en": "a list, or 'none'",
        "nb": "en liste, eller «ingen»",
        "da": "en liste, eller »ingen«",
    },
    "scaffold.type.date": {"en": "a date, YYYY-MM-DD", "nb": "en dato, ÅÅÅÅ-MM-DD", "da": "en dato, ÅÅÅÅ-MM-DD"},
    "scaffold.type.week": {"en": "a week number (1-53)", "nb": "et ukenummer (1-53)", "da": "et ugenummer (1-53)"},
    "scaffold.type.number": {"en": "a number", "nb": "et tall", "da": "et tal"},
    "scaffold.type.text": {"en": "free text (a description)", "nb": "fritekst (en beskrivelse)", "da": "fritekst (en beskrivelse)"},
    "scaffold.type.records": {
        "en": "a list of entries, each with: {fields}",
        "nb": "en liste med punkter, hvert med: {fields}",
        "da": "en liste med punkter, hvert med: {fields}",
    },
    "answer.unanswered": {
        "en": "'{path}' has no answer yet",
        "nb": "'{path}' er ikke besvart ennå",
        "da": "'{path}' er ikke besvaret endnu",
    },
    "answer.todo": {
        "en": "'{path}' still holds a TODO",
        "nb": "'{path}' inneholder fortsatt TODO",
        "da": "'{path}' indeholder stadig TODO",
    },
    "answer.not_yesno": {
        "en": "'{path}' is {value}; answer yes or no (ja/nei, ja/nej, yes/no, true/false)",
        "nb": "'{path}' er {value}; svar ja eller nei (ja/nei, yes/no, true/false)",
        "da": "'{path}' er {value}; svar ja eller nej (ja/nej, yes/no, true/false)",
    },
    "answer.not_one_choice": {
        "en": "'{path}' is {value}; give one choice",
        "nb": "'{path}' er {value}; oppgi ett valg",
        "da": "'{path}' er {value}; angiv ét valg",
    },
    "answer.unknown_choice_hint": {
        "en": "'{path}': {value} is not in the vocabulary '{vocabulary}' (did you mean '{suggestion}'?)",
        "nb": "'{path}': {value} finnes ikke i vokabularet '{vocabulary}' (mente du '{suggestion}'?)",
        "da": "'{path}': {value} findes ikke i ordforrådet '{vocabulary}' (mente du '{suggestion}'?)",
    },
    "answer.unknown_choice": {
        "en": "'{path}': {value} is not in the vocabulary '{vocabulary}'; choose one of: {choices}",
        "nb": "'{path}': {value} finnes ikke i vokabularet '{vocabulary}'; velg en av: {choices}",
        "da": "'{path}': {value} findes ikke i ordforrådet '{vocabulary}'; vælg en af: {choices}",
    },
    "answer.own_choice": {
        "en": "'{path}': {value} is not in the vocabulary '{vocabulary}' and is read as the school's own entry",
        "nb": "'{path}': {value} finnes ikke i vokabularet '{vocabulary}' og leses som skolens eget punkt",
        "da": "'{path}': {value} findes ikke i ordforrådet '{vocabulary}' og læses som skolens eget punkt",
    },
    "answer.not_list": {
        "en": "'{path}' is {value}; give a list, or 'none' for an empty one",
        "nb": "'{path}' er {value}; skriv en liste, eller «ingen» for en tom liste",
        "da": "'{path}' er {value}; skriv en liste, eller »ingen« for en tom liste",
    },
    "answer.not_records": {
        "en": "'{path}' is {value}; give a list of entries, each a mapping",
        "nb": "'{path}' er {value}; skriv en liste med punkter, hvert punkt med egne felter",
        "da": "'{path}' er {value}; skriv en liste med punkter, hvert punkt med egne felter",
    },
    "answer.not_record": {
        "en": "'{path}' is {value}; each entry is a mapping of its fields",
        "nb": "'{path}' er {value}; hvert punkt skal ha egne felter (nøkkel: verdi)",
        "da": "'{path}' er {value}; hvert punkt skal have egne felter (nøgle: værdi)",
    },
    "answer.not_date": {
        "en": "'{path}' is {value}; give a date (YYYY-MM-DD or DD.MM.YYYY)",
        "nb": "'{path}' er {value}; skriv en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
        "da": "'{path}' er {value}; skriv en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
    },
    "answer.not_week": {
        "en": "'{path}' is {value}; give a week number from 1 to 53 (e.g. 34 or 'week 34')",
        "nb": "'{path}' er {value}; skriv et ukenummer fra 1 til 53 (f.eks. 34 eller «uke 34»)",
        "da": "'{path}' er {value}; skriv et ugenummer fra 1 til 53 (fx 34 eller »uge 34«)",
    },
    "answer.not_number": {
        "en": "'{path}' is {value}; give a number (e.g. 2 or 2.5)",
        "nb": "'{path}' er {value}; skriv et tall (f.eks. 2 eller 2,5)",
        "da": "'{path}' er {value}; skriv et tal (fx 2 eller 2,5)",
    },
    "answer.not_text": {
        "en": "'{path}' is {value}; write a description",
        "nb": "'{path}' er {value}; skriv en beskrivelse",
        "da": "'{path}' er {value}; skriv en beskrivelse",
    },
    "answer.a_mapping": {"en": "a mapping", "nb": "en tabell av felter", "da": "en tabel af felter"},
    "answer.a_list": {"en": "a list", "nb": "en liste", "da": "en liste"},
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
    "log.no_log": {
        "en": "no activity log given (--log): this rule is judged from the log",
        "nb": "ingen aktivitetslogg gitt (--log): denne regelen vurderes ut fra loggen",
        "da": "ingen aktivitetslog givet (--log): denne regel vurderes ud fra loggen",
    },
    "log.no_roster": {
        "en": "no roster given (--roster): pupils or classes without events cannot be found",
        "nb": "ingen elevliste gitt (--roster): elever eller klasser uten hendelser kan ikke finnes",
        "da": "ingen elevliste givet (--roster): elever eller klasser uden hændelser kan ikke findes",
    },
    "log.no_column": {
        "en": "the activity log has no {columns} column in every file",
        "nb": "aktivitetsloggen mangler kolonnen {columns} i minst én fil",
        "da": "aktivitetsloggen mangler kolonnen {columns} i mindst én fil",
    },
    "log.first_shown": {
        "en": ", first {shown} shown",
        "nb": ", de {shown} første vist",
        "da": ", de {shown} første vist",
    },
    "count.ok": {
        "en": "every {per} has {bounds} {types} per {period} in {year} ({total} checked)",
        "nb": "hver {per} har {bounds} {types} per {period} i {year} ({total} kontrollert)",
        "da": "hver {per} har {bounds} {types} pr. {period} i {year} ({total} kontrolleret)",
    },
    "count.fail": {
        "en": "{groups} of {total} checked ({per} per {period}) do not have {bounds} {types} in {year}: "
              "{detail}{shown_note}",
        "nb": "{groups} av {total} kontrollert ({per} per {period}) har ikke {bounds} {types} i {year}: "
              "{detail}{shown_note}",
        "da": "{groups} af {total} kontrolleret ({per} pr. {period}) har ikke {bounds} {types} i {year}: "
              "{detail}{shown_note}",
    },
    "count.pending": {
        "en": "{groups} of {total} checked ({per} per {period}) have fewer than {min} {types} so far; "
              "the period has not ended",
        "nb": "{groups} av {total} kontrollert ({per} per {period}) har færre enn {min} {types} så langt; "
              "perioden er ikke over",
        "da": "{groups} af {total} kontrolleret ({per} pr. {period}) har færre end {min} {types} indtil nu; "
              "perioden er ikke slut",
    },
    "window.ok": {
        "en": "every {per} ({total}) has {types} between {first} and {last}",
        "nb": "hver {per} ({total}) har {types} mellom {first} og {last}",
        "da": "hver {per} ({total}) har {types} mellem {first} og {last}",
    },
    "window.fail": {
        "en": "{groups} of {total} ({per}) have no {types} between {first} and {last}{shown_note}",
        "nb": "{groups} av {total} ({per}) har ingen {types} mellom {first} og {last}{shown_note}",
        "da": "{groups} af {total} ({per}) har ingen {types} mellem {first} og {last}{shown_note}",
    },
    "window.pending": {
        "en": "{groups} of {total} ({per}) have no {types} yet; the window ends {last}",
        "nb": "{groups} av {total} ({per}) har ikke {types} ennå; vinduet slutter {last}",
        "da": "{groups} af {total} ({per}) har ikke {types} endnu; vinduet slutter {last}",
    },
    "window.no_groups": {
        "en": "the roster has no {per} this rule applies to",
        "nb": "elevlisten har ingen {per} som regelen gjelder",
        "da": "elevlisten har ingen {per}, som reglen gælder",
    },
    "reply.ok": {
        "en": "all {asked} inquiries answered within {days} working days ({waiting} still within the deadline)",
        "nb": "alle {asked} henvendelser besvart innen {days} arbeidsdager ({waiting} fortsatt innenfor fristen)",
        "da": "alle {asked} henvendelser besvaret inden {days} arbejdsdage ({waiting} stadig inden for fristen)",
    },
    "reply.fail": {
        "en": "of {asked} inquiries, {late} answered after {days} working days and {overdue} still open "
              "past the deadline{shown_note}",
        "nb": "av {asked} henvendelser ble {late} besvart etter {days} arbeidsdager og {overdue} er fortsatt "
              "åpne etter fristen{shown_note}",
        "da": "af {asked} henvendelser blev {late} besvaret efter {days} arbejdsdage og {overdue} er stadig "
              "åbne efter fristen{shown_note}",
    },
    "reply.unlinked": {
        "en": "{unlinked} of {asked} inquiries have no thread id, so their replies cannot be found",
        "nb": "{unlinked} av {asked} henvendelser mangler tråd-id, så svarene kan ikke finnes",
        "da": "{unlinked} af {asked} henvendelser mangler tråd-id, så svarene ikke kan findes",
    },
    "participants.ok": {
        "en": "all {seen} {types} had {roles}",
        "nb": "alle {seen} {types} hadde {roles} til stede",
        "da": "alle {seen} {types} havde {roles} til stede",
    },
    "participants.fail": {
        "en": "{lacking} of {seen} {types} lack one of {roles}{shown_note}",
        "nb": "{lacking} av {seen} {types} mangler én av {roles}{shown_note}",
        "da": "{lacking} af {seen} {types} mangler én af {roles}{shown_note}",
    },
    "participants.none": {
        "en": "no {types} in the activity log",
        "nb": "ingen {types} i aktivitetsloggen",
        "da": "ingen {types} i aktivitetsloggen",
    },
    "forbidden.what": {"en": "{flagged}{via}", "nb": "{flagged}{via}", "da": "{flagged}{via}"},
    "forbidden.flagged": {"en": "flagged {flags}", "nb": "merket {flags}", "da": "markeret {flags}"},
    "forbidden.via": {"en": " through {channels}", "nb": " via {channels}", "da": " via {channels}"},
    "forbidden.ok": {
        "en": "none of {seen} events breaks the rule ({what})",
        "nb": "ingen av {seen} hendelser bryter regelen ({what})",
        "da": "ingen af {seen} hændelser bryder reglen ({what})",
    },
    "forbidden.fail": {
        "en": "{found} of {seen} events break the rule ({what}){shown_note}",
        "nb": "{found} av {seen} hendelser bryter regelen ({what}){shown_note}",
        "da": "{found} af {seen} hændelser bryder reglen ({what}){shown_note}",
    },
    "share.ok": {
        "en": "{percent}% of {total} went through {channel} (at least {min}%)",
        "nb": "{percent} % av {total} gikk gjennom {channel} (minst {min} %)",
        "da": "{percent} % af {total} gik gennem {channel} (mindst {min} %)",
    },
    "share.fail": {
        "en": "only {percent}% of {total} went through {channel}, expected at least {min}%",
        "nb": "bare {percent} % av {total} gikk gjennom {channel}, forventet minst {min} %",
        "da": "kun {percent} % af {total} gik gennem {channel}, forventet mindst {min} %",
    },
    "share.none": {
        "en": "no {types} in the activity log",
        "nb": "ingen {types} i aktivitetsloggen",
        "da": "ingen {types} i aktivitetsloggen",
    },
    "lead.ok": {
        "en": "all {held} talks were invited to at least {days} days ahead",
        "nb": "alle {held} samtaler ble innkalt minst {days} dager i forveien",
        "da": "alle {held} samtaler blev indkaldt mindst {days} dage i forvejen",
    },
    "lead.fail": {
        "en": "{short} of {held} talks were not invited to {days} days ahead{shown_note}",
        "nb": "{short} av {held} samtaler ble ikke innkalt {days} dager i forveien{shown_note}",
        "da": "{short} af {held} samtaler blev ikke indkaldt {days} dage i forvejen{shown_note}",
    },
    "lead.none": {
        "en": "no such talks in the activity log",
        "nb": "ingen slike samtaler i aktivitetsloggen",
        "da": "ingen sådanne samtaler i aktivitetsloggen",
    },
    "lead.unlinked": {
        "en": "{unlinked} of {held} talks have no thread id, so their invitations cannot be found",
        "nb": "{unlinked} av {held} samtaler mangler tråd-id, så innkallingene kan ikke finnes",
        "da": "{unlinked} af {held} samtaler mangler tråd-id, så indkaldelserne ikke kan findes",
    },
    "count.low": {"en": "{n} too few", "nb": "{n} for få", "da": "{n} for få"},
    "count.high": {"en": "{n} too many", "nb": "{n} for mange", "da": "{n} for mange"},
    "ev.group": {"en": "{kind} {label}", "nb": "{kind} {label}", "da": "{kind} {label}"},
    "ev.count": {"en": "{count} event(s) in {period}{ids}", "nb": "{count} hendelse(r) i {period}{ids}",
                 "da": "{count} hændelse(r) i {period}{ids}"},
    "ev.period.school_year": {"en": "the school year", "nb": "skoleåret", "da": "skoleåret"},
    "ev.period.autumn": {"en": "the autumn half-year", "nb": "høsthalvåret", "da": "efterårshalvåret"},
    "ev.period.spring": {"en": "the spring half-year", "nb": "vårhalvåret", "da": "forårshalvåret"},
    "ev.outside": {"en": "the nearest is on {date}, outside the window", "nb": "nærmeste er {date}, utenfor vinduet",
                   "da": "nærmeste er {date}, uden for vinduet"},
    "ev.none": {"en": "no such event in the log", "nb": "ingen slik hendelse i loggen", "da": "ingen sådan hændelse i loggen"},
    "ev.replied_late": {"en": "replied {date} ({reply}) after {days} working days",
                        "nb": "besvart {date} ({reply}) etter {days} arbeidsdager",
                        "da": "besvaret {date} ({reply}) efter {days} arbejdsdage"},
    "ev.still_open": {"en": "still open", "nb": "fortsatt ubesvart", "da": "stadig ubesvaret"},
    "ev.without": {"en": "without {roles}", "nb": "uten {roles}", "da": "uden {roles}"},
    "ev.via": {"en": "{type} via {channel}", "nb": "{type} via {channel}", "da": "{type} via {channel}"},
    "ev.invited": {"en": "invited {date}, {days} day(s) ahead", "nb": "innkalt {date}, {days} dag(er) før",
                   "da": "indkaldt {date}, {days} dag(e) før"},
    "ev.no_invitation": {"en": "no invitation on its thread", "nb": "ingen innkalling på samme sak",
                         "da": "ingen indkaldelse i samme tråd"},
    "group.thread": {"en": "thread", "nb": "sak", "da": "tråd"},
    "group.channel": {"en": "channel", "nb": "kanal", "da": "kanal"},
    "group.pupil": {"en": "pupil", "nb": "elev", "da": "elev"},
    "group.class": {"en": "class", "nb": "klasse", "da": "klasse"},
    "group.grade": {"en": "grade", "nb": "trinn", "da": "klassetrin"},
    "group.school": {"en": "school", "nb": "skole", "da": "skole"},
    "period.school_year": {"en": "school year", "nb": "skoleår", "da": "skoleår"},
    "period.half_year": {"en": "half-year", "nb": "halvår", "da": "halvår"},
    "list.and": {"en": " and ", "nb": " og ", "da": " og "},
    "list.or": {"en": " or ", "nb": " eller ", "da": " eller "},
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
    "heading.check": {"en": "Check", "nb": "Kontroll", "da": "Kontrol"},
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
    # What satisfies a check (`Check.describe`), for `policycheck explain` and the rule reference.
    "describe.parameter": {"en": "{value} (parameter {name})", "nb": "{value} (parameter {name})",
                           "da": "{value} (parameter {name})"},
    "describe.at_least": {"en": "at least {value}", "nb": "minst {value}", "da": "mindst {value}"},
    "describe.at_most": {"en": "at most {value}", "nb": "høyst {value}", "da": "højst {value}"},
    "describe.more_than": {"en": "more than {value}", "nb": "mer enn {value}", "da": "mere end {value}"},
    "describe.less_than": {"en": "less than {value}", "nb": "mindre enn {value}", "da": "mindre end {value}"},
    "describe.equal": {"en": "{value}", "nb": "{value}", "da": "{value}"},
    "describe.not_equal": {"en": "not {value}", "nb": "ikke {value}", "da": "ikke {value}"},
    "describe.between": {"en": "between {min} and {max}", "nb": "mellom {min} og {max}", "da": "mellem {min} og {max}"},
    "describe.present": {
        "en": "the plan fills in '{path}' (not empty, no TODO)",
        "nb": "planen fyller ut '{path}' (ikke tom, ingen TODO)",
        "da": "planen udfylder '{path}' (ikke tom, ingen TODO)",
    },
    "describe.compare": {"en": "the plan's '{path}' is {relation}", "nb": "planens '{path}' er {relation}",
                         "da": "planens '{path}' er {relation}"},
    "describe.contains": {
        "en": "the plan's list '{path}'{field} includes {members}",
        "nb": "planens liste '{path}'{field} inneholder {members}",
        "da": "planens liste '{path}'{field} indeholder {members}",
    },
    "describe.field": {"en": " (field '{key}')", "nb": " (feltet '{key}')", "da": " (feltet '{key}')"},
    "describe.attestation": {
        "en": "the plan's 'attestations' has an entry for this rule with a statement, who attests (name and role) "
              "and a date{validity}",
        "nb": "planens 'attestations' har en oppføring for denne regelen med en erklæring, hvem som bekrefter "
              "(navn og rolle) og en dato{validity}",
        "da": "planens 'attestations' har en post for denne regel med en erklæring, hvem der bekræfter "
              "(navn og rolle) og en dato{validity}",
    },
    "describe.valid_for": {"en": ", at most {days} days old", "nb": ", høyst {days} dager gammel",
                           "da": ", højst {days} dage gammel"},
    "describe.all": {"en": "all of: {parts}", "nb": "alle disse: {parts}", "da": "alle disse: {parts}"},
    "describe.any": {"en": "any of: {parts}", "nb": "minst én av disse: {parts}", "da": "mindst én af disse: {parts}"},
    "describe.part": {"en": "({part})", "nb": "({part})", "da": "({part})"},
    "describe.not": {"en": "it is not so that {part}", "nb": "det er ikke slik at {part}",
                     "da": "det er ikke sådan, at {part}"},
    "describe.every.pupil": {"en": "every pupil", "nb": "hver elev", "da": "hver elev"},
    "describe.every.class": {"en": "every class", "nb": "hver klasse", "da": "hver klasse"},
    "describe.every.grade": {"en": "every grade", "nb": "hvert trinn", "da": "hvert klassetrin"},
    "describe.every.school": {"en": "the school", "nb": "skolen", "da": "skolen"},
    "describe.grades": {"en": " (grades {grades})", "nb": " (trinn {grades})", "da": " (klassetrin {grades})"},
    "describe.event": {"en": "event", "nb": "hendelse", "da": "hændelse"},
    "describe.events": {"en": "events", "nb": "hendelser", "da": "hændelser"},
    "describe.count": {
        "en": "{every}{grades} has {bounds} {events} of type {types} per {period}",
        "nb": "{every}{grades} har {bounds} {events} av typen {types} per {period}",
        "da": "{every}{grades} har {bounds} {events} af typen {types} pr. {period}",
    },
    "describe.window": {
        "en": "{every}{grades} has an event of type {types} {when}",
        "nb": "{every}{grades} har en hendelse av typen {types} {when}",
        "da": "{every}{grades} har en hændelse af typen {types} {when}",
    },
    "describe.first_weeks": {
        "en": "in the first {length} weeks of the school year",
        "nb": "i de første {length} ukene av skoleåret",
        "da": "i de første {length} uger af skoleåret",
    },
    "describe.before_start": {
        "en": "in the {length} days before the school year starts",
        "nb": "i de {length} dagene før skoleåret starter",
        "da": "i de {length} dage før skoleåret starter",
    },
    "describe.reply": {
        "en": "every {request} gets a {reply} on the same thread within {days} working days",
        "nb": "hver {request} får {reply} på samme sak innen {days} arbeidsdager",
        "da": "hver {request} får {reply} i samme tråd inden for {days} arbejdsdage",
    },
    "describe.participants": {
        "en": "every event of type {types} has {roles} among its participants",
        "nb": "hver hendelse av typen {types} har {roles} blant deltakerne",
        "da": "hver hændelse af typen {types} har {roles} blandt deltagerne",
    },
    "describe.of_type": {"en": " of type {types}", "nb": " av typen {types}", "da": " af typen {types}"},
    "describe.forbidden.flags": {
        "en": "no event{types} is flagged {flags}",
        "nb": "ingen hendelse{types} er merket {flags}",
        "da": "ingen hændelse{types} er markeret {flags}",
    },
    "describe.forbidden.channels": {
        "en": "no event{types} is sent through {channels}",
        "nb": "ingen hendelse{types} er sendt via {channels}",
        "da": "ingen hændelse{types} er sendt via {channels}",
    },
    "describe.forbidden.both": {
        "en": "no event{types} is flagged {flags} and sent through {channels}",
        "nb": "ingen hendelse{types} er merket {flags} og sendt via {channels}",
        "da": "ingen hændelse{types} er markeret {flags} og sendt via {channels}",
    },
    "describe.share": {
        "en": "at least {min} percent of the events of type {types} go through {channel}",
        "nb": "minst {min} prosent av hendelsene av typen {types} går via {channel}",
        "da": "mindst {min} procent af hændelserne af typen {types} går via {channel}",
    },
    "describe.lead_time": {
        "en": "every {meeting} has an {invitation} on its thread at least {days} days before",
        "nb": "hver {meeting} har en {invitation} på samme sak minst {days} dager før",
        "da": "hver {meeting} har en {invitation} i samme tråd mindst {days} dage før",
    },
    # `policycheck explain`: labels and lines.
    "explain.pack": {"en": "pack", "nb": "regelpakke", "da": "regelpakke"},
    "explain.severity": {"en": "severity", "nb": "alvorlighet", "da": "alvorlighed"},
    "explain.source": {"en": "source", "nb": "kilde", "da": "kilde"},
    "explain.quote": {"en": "quote", "nb": "sitat", "da": "citat"},
    "explain.legal_basis": {"en": "legal basis", "nb": "hjemmel", "da": "hjemmel"},
    "explain.applies_to": {"en": "applies to", "nb": "gjelder", "da": "gælder"},
    "explain.meaning": {"en": "meaning", "nb": "betydning", "da": "betydning"},
    "explain.modal": {"en": "{severity} (from '{modal}')", "nb": "{severity} (ut fra '{modal}')",
                      "da": "{severity} (ud fra '{modal}')"},
    "explain.section": {"en": "{document}, section {section}", "nb": "{document}, avsnitt {section}",
                        "da": "{document}, afsnit {section}"},
    "explain.grades": {"en": "grades {min}-{max}", "nb": "trinn {min}-{max}", "da": "klassetrin {min}-{max}"},
    "explain.satisfied": {"en": "satisfied when {what}", "nb": "oppfylt når {what}", "da": "opfyldt når {what}"},
    "explain.parameter": {
        "en": "parameter {name} = {value} ({unit}): {rationale}",
        "nb": "parameter {name} = {value} ({unit}): {rationale}",
        "da": "parameter {name} = {value} ({unit}): {rationale}",
    },
    "explain.remediation": {"en": "to close a gap: {remediation}", "nb": "slik lukker dere avviket: {remediation}",
                            "da": "sådan lukker I afvigelsen: {remediation}"},
    "explain.example_log": {"en": "example log rows (CSV):", "nb": "eksempel på rader i loggen (CSV):",
                            "da": "eksempel på rækker i loggen (CSV):"},
    "explain.example_plan": {"en": "example plan fragment:", "nb": "eksempel på utdrag av planen:",
                             "da": "eksempel på uddrag af planen:"},
    "unit.count": {"en": "count", "nb": "antall", "da": "antal"},
    "unit.days": {"en": "days", "nb": "dager", "da": "dage"},
    "unit.working_days": {"en": "working days", "nb": "arbeidsdager", "da": "arbejdsdage"},
    "unit.weeks": {"en": "weeks", "nb": "uker", "da": "uger"},
    "unit.percent": {"en": "percent", "nb": "prosent", "da": "procent"},
    "unit.text": {"en": "text", "nb": "tekst", "da": "tekst"},
    "unit.list": {"en": "list", "nb": "liste", "da": "liste"},
    "unit.grade": {"en": "grade", "nb": "trinn", "da": "klassetrin"},
}


# The log vocabulary's canonical ids as shown to people; an id without an entry is shown as it is.
TERMS: dict[str, dict[str, str]] = {
    "elev": {"en": "pupil", "nb": "elev", "da": "elev"},
    "foresatt": {"en": "parent", "nb": "foresatt", "da": "forælder"},
    "kontaktlaerer": {"en": "contact teacher", "nb": "kontaktlærer", "da": "kontaktlærer"},
    "laerer": {"en": "teacher", "nb": "lærer", "da": "lærer"},
    "rektor": {"en": "principal", "nb": "rektor", "da": "skoleleder"},
    "sensitive": {"en": "sensitive", "nb": "sensitiv", "da": "følsom"},
    "cost": {"en": "cost to parents", "nb": "kostnad for foreldre", "da": "betaling fra forældre"},
    "e-post": {"en": "e-mail", "nb": "e-post", "da": "e-mail"},
    "mote": {"en": "meeting in person", "nb": "møte", "da": "møde"},
    "transponder": {"en": "Transponder", "nb": "Transponder", "da": "Transponder"},
    "aula": {"en": "Aula", "nb": "Aula", "da": "Aula"},
    "utviklingssamtale": {"en": "development talk", "nb": "utviklingssamtale", "da": "udviklingssamtale"},
    "elevsamtale": {"en": "pupil talk", "nb": "elevsamtale", "da": "elevsamtale"},
    "skole-hjem-samtale": {"en": "school-home talk", "nb": "skole-hjem-samtale", "da": "skole/hjemsamtale"},
    "foreldremote": {"en": "parent meeting", "nb": "foreldremøte", "da": "forældremøde"},
    "informasjonsmote": {"en": "information meeting", "nb": "informasjonsmøte", "da": "informationsmøde"},
    "fau-mote": {"en": "FAU meeting", "nb": "FAU-møte", "da": "FAU-møde"},
    "klasseforaeldreraad-valg": {"en": "class parents' council election", "nb": "valg av klasseforeldreråd",
                                 "da": "valg af klasseforældreråd"},
    "henvendelse": {"en": "inquiry", "nb": "henvendelse", "da": "henvendelse"},
    "svar": {"en": "reply", "nb": "svar", "da": "svar"},
    "melding": {"en": "message", "nb": "melding", "da": "besked"},
    "invitasjon": {"en": "invitation", "nb": "invitasjon", "da": "indkaldelse"},
    "dialogmote": {"en": "dialogue meeting", "nb": "dialogmøte", "da": "dialogmøde"},
    "meddelelsesbog": {"en": "message book", "nb": "meddelelsesbog", "da": "meddelelsesbog"},
    "samarbeidsorgan-mote": {"en": "cooperation body meeting", "nb": "møte i samarbeidsorgan",
                             "da": "møde i samarbejdsorgan"},
    "hendelse": {"en": "incident", "nb": "hendelse", "da": "hændelse"},
    "varsel-til-foreldre": {"en": "notice to parents", "nb": "varsel til foreldre", "da": "underretning til forældre"},
    "brukerundersokelse": {"en": "user survey", "nb": "brukerundersøkelse", "da": "brugerundersøgelse"},
    "permisjonssoknad": {"en": "leave application", "nb": "permisjonssøknad", "da": "ansøgning om fri"},
    "pc-kontrakt": {"en": "PC contract", "nb": "PC-kontrakt", "da": "pc-aftale"},
    "overforingsmote": {"en": "transition meeting", "nb": "overføringsmøte", "da": "overleveringsmøde"},
    "helsesykepleier": {"en": "school nurse", "nb": "helsesykepleier", "da": "sundhedsplejerske"},
    "ppt": {"en": "educational psychology service", "nb": "PPT", "da": "PPR"},
    "telefon": {"en": "phone", "nb": "telefon", "da": "telefon"},
    "visma": {"en": "Visma Flyt Samspill", "nb": "Visma Flyt Samspill", "da": "Visma Flyt Samspill"},
    "brev": {"en": "letter", "nb": "brev", "da": "brev"},
}


class Terms(tuple):
    """Vocabulary ids, shown in the report's language and joined with commas."""

    conjunction: str | None = None

    def render(self, language: str) -> str:
        words = [TERMS.get(term, {}).get(language, term) for term in self]
        return join_words(words, language, self.conjunction) if self.conjunction else ", ".join(words)


class AllTerms(Terms):
    """Vocabulary ids that all hold: 'a, b and c'."""

    conjunction = "list.and"


class AnyTerms(Terms):
    """Vocabulary ids of which one is enough: 'a, b or c'."""

    conjunction = "list.or"


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
    if isinstance(value, (Message, Terms)):
        return value.render(language)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Message) for item in value):
        return "; ".join(item.render(language) for item in value)
    if isinstance(value, (list, tuple)):
        return join_words([_render_value(item, language) for item in value], language)
    return value


def join_words(words: list[Any], language: str, conjunction: str = "list.and") -> str:
    """'a', 'a and b', 'a, b and c' in the language ('a, b or c' with the conjunction 'list.or')."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + CATALOG[conjunction][language] + words[-1]
