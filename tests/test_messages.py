"""Messages render in the report's language, vocabulary ids included."""

from string import Formatter

from policycheck.messages import LANGUAGES, AllTerms, AnyTerms, Message, Terms, catalogue
from policycheck.vocabulary import CHANNELS, EVENT_TYPES, FLAGS, ROLES


def test_vocabulary_ids_are_shown_in_the_language():
    message = Message("forbidden.flagged", {"flags": Terms(["sensitive"])})
    assert [message.render(lang) for lang in ("en", "nb", "da")] == \
        ["flagged sensitive", "merket sensitiv", "markeret følsom"]
    assert Terms(["foreldremote", "ukjent-type"]).render("da") == "forældremøde, ukjent-type"


def test_terms_that_all_hold_or_of_which_one_is_enough_are_joined_in_words():
    assert AllTerms(["elev", "foresatt", "kontaktlaerer"]).render("nb") == "elev, foresatt og kontaktlærer"
    assert AnyTerms(["transponder", "e-post"]).render("da") == "Transponder eller e-mail"
    assert AnyTerms(["svar"]).render("en") == "reply"


def test_every_catalogue_has_the_same_keys():
    keys = {language: set(catalogue(language).entries) for language in LANGUAGES}
    assert [(language, sorted(keys["en"] ^ found)) for language, found in keys.items() if found != keys["en"]] == []


def test_every_vocabulary_id_is_a_term_in_all_three_languages():
    ids = [term for entries in (EVENT_TYPES, ROLES, CHANNELS, FLAGS) for term in entries]
    assert [term for term in ids for language in LANGUAGES if f"term.{term}" not in catalogue(language).entries] == []


def test_every_catalogue_entry_has_the_same_placeholders_in_each_language():
    def placeholders(entry) -> frozenset[str]:
        forms = entry if isinstance(entry, tuple) else (entry,)
        return frozenset(name for form in forms for _, name, _, _ in Formatter().parse(form) if name)
    english = catalogue("en").entries
    assert [(language, key) for language in LANGUAGES for key, entry in catalogue(language).entries.items()
            if placeholders(entry) != placeholders(english[key])] == []
