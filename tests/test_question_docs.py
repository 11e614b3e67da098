"""docs/questions/<pack>.md lists every question with its type, choices and readers; the words the
questions and vocabularies quote are the documents' own."""

from __future__ import annotations

import pytest
from conftest import ROOT
from test_pack_content import folded

from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.question_docs import question_reference


@pytest.mark.parametrize("name", bundled_pack_names())
def test_the_page_lists_every_question_with_the_rules_reading_it(name):
    pack = load_pack(name)
    page = question_reference(pack)
    for question in pack.questions:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{question.path}` |"))
        readers = [rule.id for rule in pack.rules if question.path in rule.check.placeholders()]
        assert all(f"`{rule_id}`" in row for rule_id in readers), question.path
    for vocabulary, definition in pack.vocabularies.items():
        assert f"### Vocabulary `{vocabulary}`" in page
        assert all(f"| `{entry.id}` |" in page for entry in definition.entries)


def test_a_choice_row_links_its_vocabulary_and_names_the_records_fields():
    page = question_reference(load_pack("tromso"))
    row = next(line for line in page.splitlines() if line.startswith("| `forventninger_til_foreldre.punkter` |"))
    assert "`tema`: [forventninger](#vocabulary-forventninger)" in row
    assert "each with `tema`: one choice, `tekst`: free text" in row
    row = next(line for line in page.splitlines() if line.startswith("| `behov-for-stotte` | behov for støtte |"))
    assert "behov for støtte og tilrettelegging" in row and "behov for støtte eller tilrettelegginger" in row


@pytest.mark.parametrize("name", bundled_pack_names())
def test_question_quotes_and_the_documents_wording_in_vocabularies_are_verbatim(name):
    pack = load_pack(name)
    source = folded((ROOT / "policies" / name / "source.txt").read_text(encoding="utf-8"))
    quotes = [question.path for question in pack.questions if folded(question.source.quote) not in source]
    wording = [(vocabulary, entry.id, word) for vocabulary, definition in pack.vocabularies.items()
               for entry in definition.entries for word in entry.source_words() if folded(word) not in source]
    assert (quotes, wording) == ([], [])
