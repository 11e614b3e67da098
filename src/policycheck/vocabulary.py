"""The activity log's vocabulary: event types, participant roles, channels and flags.

Each canonical id is written in ASCII (æ -> ae, ø -> o, å -> aa) and carries its nb/da/en
aliases. Lookups fold case, the Nordic letters and separators, so "Forældremøde",
"foreldremote", "FORELDRE-MØTE" and "parent meeting" all find `foreldremote`.
"""

from __future__ import annotations

import re

from policycheck.errors import did_you_mean, shown

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "utviklingssamtale": ("development talk", "udviklingssamtale"),
    "elevsamtale": ("pupil talk", "elevsamtale"),
    "skole-hjem-samtale": ("skole-hjemsamtale", "skole/hjemsamtale", "skole-hjem-samtale", "school-home talk"),
    "foreldremote": ("foreldremøte", "forældremøde", "parent meeting"),
    "informasjonsmote": ("informasjonsmøte", "informationsmøde", "information meeting"),
    "fau-mote": ("FAU-møte", "fau meeting"),
    "samarbeidsorgan-mote": ("samarbeidsorgan-møte", "samarbeidsutvalg-møte", "cooperation body meeting"),
    "klasseforaeldreraad-valg": ("klasseforældreråd-valg", "valg av klasseforældreråd", "class parents council election"),
    "henvendelse": ("inquiry", "henvendelse fra hjemmet", "forespørgsel"),
    "svar": ("reply", "answer", "besvarelse"),
    "hendelse": ("incident", "hændelse"),
    "varsel-til-foreldre": ("varsel", "notice to parents", "underretning til forældre"),
    "melding": ("besked", "message", "meddelelse"),
    "brukerundersokelse": ("brukerundersøkelse", "brugerundersøgelse", "user survey"),
    "permisjonssoknad": ("permisjonssøknad", "ansøgning om fri", "leave application"),
    "pc-kontrakt": ("pc contract", "pc-aftale"),
    "meddelelsesbog": ("meddelelsesbogen", "message book"),
    "invitasjon": ("invitation", "indkaldelse", "innkalling"),
    "dialogmote": ("dialogmøde", "dialogmøte", "dialogue meeting"),
    "overforingsmote": ("overføringsmøte", "overgangsmøte", "overleveringsmøde", "transition meeting"),
}

ROLES: dict[str, tuple[str, ...]] = {
    "elev": ("pupil", "student", "barn", "eleven"),
    "foresatt": ("foresatte", "forelder", "foreldre", "forælder", "forældre", "guardian", "parent", "parents"),
    "kontaktlaerer": ("kontaktlærer", "kontaktlæreren", "contact teacher", "klasselærer", "klasselærer"),
    "laerer": ("lærer", "teacher", "faglærer"),
    "rektor": ("skoleleder", "ledelse", "principal", "head teacher"),
    "helsesykepleier": ("sundhedsplejerske", "school nurse"),
    "ppt": ("pps", "ppr", "educational psychologist"),
}

CHANNELS: dict[str, tuple[str, ...]] = {
    "aula": (),
    "transponder": ("digital meldingsbok",),
    "e-post": ("epost", "email", "e-mail", "mail"),
    "telefon": ("phone", "tlf", "arbeidstelefon", "sms"),
    "mote": ("møte", "møde", "in person", "fysisk"),
    "visma": ("visma flyt samspill", "samspill"),
    "brev": ("letter", "papir"),
}

FLAGS: dict[str, tuple[str, ...]] = {
    "sensitive": ("sensitiv", "særlig sensitiv", "følsom", "fortrolig", "confidential"),
    "cost": ("kostnad", "betaling", "egenbetaling", "udgift", "betaling", "charge", "fee"),
    "declined": ("avslått", "avslag", "takket nei", "afslået", "afbud", "meldt afbud", "refused"),
    "no-response": ("ikke svar", "uten svar", "ubesvart", "intet svar", "ikke besvaret", "no answer", "no reply"),
}

_NORDIC = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ä": "ae", "ö": "o", "ü": "u", "é": "e"})
_SEPARATORS = re.compile(r"[\s\-_/.]+")


def fold(word: str) -> str:
    """A lookup key: lower case, æøå transliterated (ø and oe alike), separators dropped."""
    key = _SEPARATORS.sub("", word.casefold().translate(_NORDIC))
    return key.replace("oe", "o")


class Vocabulary:
    """Canonical ids with their aliases, found by folded spelling."""

    def __init__(self, what: str, entries: dict[str, tuple[str, ...]]) -> None:
        self.what = what
        self.ids = tuple(entries)
        self._by_key = {fold(alias): canonical for canonical, aliases in entries.items()
                        for alias in (canonical, *aliases)}

    def find(self, word: str) -> str | None:
        return self._by_key.get(fold(word))

    def canonical(self, word: str) -> str:
        """The canonical id, or ValueError naming the known ids with a did-you-mean."""
        found = self.find(word)
        if found is None:
            raise ValueError(f"unknown {self.what} {shown(word)}{did_you_mean(word.casefold(), self.ids)}")
        return found

    def open_canonical(self, word: str) -> str:
        """The canonical id when known, else the folded word (for open vocabularies)."""
        return self.find(word) or fold(word)


EVENT_VOCABULARY = Vocabulary("event type", EVENT_TYPES)
ROLE_VOCABULARY = Vocabulary("role", ROLES)
CHANNEL_VOCABULARY = Vocabulary("channel", CHANNELS)
FLAG_VOCABULARY = Vocabulary("flag", FLAGS)
