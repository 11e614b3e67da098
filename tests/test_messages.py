"""Messages render in the report's language, vocabulary ids included."""

from policycheck.messages import CATALOG, Message, Terms


def test_vocabulary_ids_are_shown_in_the_language():
    message = Message("forbidden.flagged", {"flags": Terms(["sensitive"])})
    assert [message.render(lang) for lang in ("en", "nb", "da")] == \
        ["flagged sensitive", "merket sensitiv", "markeret følsom"]
    assert Terms(["foreldremote", "ukjent-type"]).render("da") == "forældremøde, ukjent-type"


def test_every_catalog_entry_has_all_three_languages():
    assert [key for key, texts in CATALOG.items() if set(texts) != {"en", "nb", "da"}] == []
