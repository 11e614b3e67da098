"""Messages render in the report's language, vocabulary ids included."""

from string import Formatter

from policycheck.messages import CATALOG, TERMS, AllTerms, AnyTerms, Message, Terms
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


def test_every_catalog_entry_has_all_three_languages():
    assert [key for key, texts in CATALOG.items() if set(texts) != {"en", "nb", "da"}] == []


def test_every_vocabulary_id_is_a_term_in_all_three_languages():
    ids = [term for entries in (EVENT_TYPES, ROLES, CHANNELS, FLAGS) for term in entries]
    assert [term for term in ids if set(TERMS.get(term, {})) != {"en", "nb", "da"}] == []


def test_every_catalog_entry_has_the_same_placeholders_in_each_language():
    def placeholders(template: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(template) if name}
    assert [key for key, texts in CATALOG.items()
            if len({frozenset(placeholders(texts[language])) for language in texts}) > 1] == []
