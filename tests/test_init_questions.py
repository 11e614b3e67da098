"""`init` writes a plan a person can fill in: the document's order, the pack's language, each
question's type, choices and source quote beside it."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import run_cli

from policycheck.loading.packs import bundled_pack_names, load_pack


def _scaffold(name: str) -> str:
    return run_cli("init", "-p", name).stdout


def test_sections_come_in_the_documents_order():
    headings = re.findall(r"^# ── § (\S+)", _scaffold("tromso"), re.MULTILINE)
    assert headings[:4] == ["Forord", "1", "2.1", "2.2"]
    assert headings.index("3.1") < headings.index("3.2") < headings.index("3.9") < headings.index("3.10") < headings.index("4")


@pytest.mark.parametrize(("name", "words"), [("tromso", ["ja eller nei", "fritekst", "leses av:", "Fyll ut hver TODO"]),
                                             ("vest", ["ja eller nej", "et ugenummer", "læses af:", "Udfyld hvert TODO"])])
def test_comments_are_in_the_packs_language(name, words):
    text = _scaffold(name)
    for word in words:
        assert word in text


def test_each_question_shows_its_type_choices_and_source_quote():
    text = _scaffold("tromso")
    block = text[:text.index("  tema: [TODO]")].rsplit("\n\n", 1)[-1]
    assert "# Hva handler utviklingssamtalen om?" in block
    assert "# en liste med: faglig-utvikling | sosial-utvikling | behov-for-stotte (eller egne punkter; «ingen» for ingen)" in block
    assert '§3.3: "' in block
    assert "  punkter: [{tema: TODO, tekst: TODO}]" in text
    assert "# en liste med punkter, hvert med: tema (ett av: samarbeidsplikt | skolehverdag |" in text


@pytest.mark.parametrize("name", bundled_pack_names())
def test_every_question_is_in_the_scaffold_once(name):
    pack = load_pack(name)
    data = yaml.safe_load(_scaffold(name))
    for question in pack.questions:
        node = data
        for part in question.path.split("."):
            node = node[part]
        assert node in ("TODO", ["TODO"]) or question.type == "records", question.path
