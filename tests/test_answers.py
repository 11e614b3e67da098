"""Plan answers are read by meaning: typed questions, vocabularies with synonyms, ja/nei, "ingen"."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policycheck.answers import NO, NONE_WORDS, YES, Choices, meaning_key, read_answers
from policycheck.engine import evaluate
from policycheck.errors import InputError
from policycheck.loading.packs import bundled_pack_names, load_pack
from policycheck.loading.plans import answered_view
from policycheck.loading.questions import ChoiceResolution
from policycheck.models.plan import LocalPlan

TROMSO, VEST = load_pack("tromso"), load_pack("vest")
EXAMPLES = {"tromso": Path("examples/tromso-fjellvegen/plan.yaml"), "vest": Path("examples/vest-engskolen/plan.yaml")}


def answer(pack, path: str, value):
    """The normalised answer at `path` of a plan holding only `value` there, and the problems."""
    data: dict = {}
    node = data
    *parents, leaf = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value
    reading = read_answers(data, pack.questions, pack.vocabularies)
    node = reading.data
    for part in path.split("."):
        node = node[part]
    return node, [(problem.level, problem.message.render("en")) for problem in reading.problems]


@pytest.mark.parametrize("word", ["ja", "Ja", "yes", "true", "jo", True])
def test_yes_words_read_as_true(word):
    assert answer(TROMSO, "foreldremoter.dialogbasert", word) == (True, [])


@pytest.mark.parametrize("word", ["nei", "NEJ", "no", "false", False])
def test_no_words_read_as_false(word):
    assert answer(VEST, "foraeldremoeder.alle_klasser", word) == (False, [])


def test_a_yes_no_answer_in_other_words_is_an_error():
    value, problems = answer(TROMSO, "foreldremoter.dialogbasert", "kanskje")
    assert value == "kanskje"
    assert problems == [("error", "'foreldremoter.dialogbasert' is 'kanskje'; answer yes or no (ja/nei, ja/nej, yes/no, true/false)")]


@pytest.mark.parametrize("word", ["ingen", "Ingen", "intet", "none", "-"])
def test_none_words_are_an_explicit_empty_list(word):
    assert answer(TROMSO, "gratisprinsippet.egenandeler", word) == ([], [])
    assert answer(VEST, "kontaktlaerer.klasser_uden_kontaktlaerer", word) == ([], [])
    assert answer(TROMSO, "utviklingssamtaler.tema", word) == ([], [])


@pytest.mark.parametrize(("pack", "path", "written", "meaning"), [
    (TROMSO, "utviklingssamtaler.tema", "behov for støtte og tilrettelegging", "behov-for-stotte"),
    (TROMSO, "utviklingssamtaler.tema", "Behov for støtte eller tilrettelegginger.", "behov-for-stotte"),
    (TROMSO, "digitalt.laeremidler", "trykte læremidler", "trykte"),
    (TROMSO, "utviklingssamtaler.deltakere", "KONTAKTLÆREREN", "kontaktlaerer"),
    (TROMSO, "utviklingssamtaler.deltakere", "kontaktlaerer", "kontaktlaerer"),
    (TROMSO, "digitalt.personlig_pc.kontrakt_signeres_av", "foresatte", "foreldre"),
    (VEST, "skole_hjemsamtaler.dagsorden", "evaluering af elevens skolegang", "evaluering-af-skolegangen"),
    (VEST, "foraeldremoeder.dagsorden", "Valg af klasseforældreråd", "valg-af-klasseforaeldreraad"),
])
def test_a_choice_is_read_by_meaning(pack, path, written, meaning):
    assert answer(pack, path, [written]) == ([meaning], [])


def test_one_choice_written_alone_is_a_list_of_one():
    assert answer(TROMSO, "digitalt.laeremidler", "digitale læremidler") == (["digitale"], [])


def test_record_fields_are_read_by_their_type():
    value, problems = answer(TROMSO, "forventninger_til_foreldre.punkter",
                             [{"tema": "Melde fravær", "tekst": "Meld fravær før 08.30."}, {"tema": "hilser"}])
    assert [item["tema"] for item in value] == ["fravaer-og-permisjon", "hilse"]
    assert problems == []
    assert answer(TROMSO, "overgang.informasjonsmoter", [{"trinn": "1. trinn"}])[0] == [{"trinn": 1}]


def test_a_misspelt_choice_is_an_error_with_a_did_you_mean():
    value, problems = answer(TROMSO, "digitalt.laeremidler", ["trykkte"])
    assert value == ["trykkte"]
    assert problems == [("error", "'digitalt.laeremidler.0': 'trykkte' is not in the vocabulary 'laeremidler' "
                                  "(did you mean 'trykte'?)")]


def test_a_word_an_open_vocabulary_does_not_know_is_the_schools_own_entry():
    value, problems = answer(TROMSO, "utviklingssamtaler.tema", ["lekser og hjemmearbeid"])
    assert value == ["lekser og hjemmearbeid"]
    assert [level for level, _ in problems] == ["warning"]


def test_a_word_a_closed_vocabulary_does_not_know_is_an_error_naming_the_choices():
    _, problems = answer(TROMSO, "forventninger_til_foreldre.punkter", [{"tema": "matpakke"}])
    assert problems[0][0] == "error"
    assert "choose one of: samarbeidsplikt, skolehverdag," in problems[0][1]


@pytest.mark.parametrize(("written", "number"), [(3, 3), ("3", 3), ("2,5", 2.5), ("14 dage", 14), ("to", 2), ("fem", 5)])
def test_numbers_are_read_in_words_and_with_decimal_comma(written, number):
    assert answer(VEST, "forberedelse.varsel_dage", written) == (number, [])


def test_a_number_that_is_not_one_is_an_error():
    assert answer(VEST, "forberedelse.varsel_dage", "i god tid")[1][0][0] == "error"
    assert answer(VEST, "forberedelse.varsel_dage", True)[1][0][0] == "error"


@pytest.mark.parametrize(("written", "week"), [(34, 34), ("uge 34", 34), ("uke 9", 9), ("week 2", 2), ("34", 34)])
def test_weeks(written, week):
    assert answer(VEST, "foraeldremoeder.start_af_skoleaaret_uge", written) == (week, [])


@pytest.mark.parametrize("written", [0, 54, "efter sommerferien"])
def test_a_week_out_of_range_or_in_words_is_an_error(written):
    assert answer(VEST, "foraeldremoeder.start_af_skoleaaret_uge", written)[1][0][0] == "error"


@pytest.mark.parametrize("written", ["2025-06-12", "12.06.2025", dt.date(2025, 6, 12)])
def test_dates(written):
    assert answer(TROMSO, "planarbeid.vedtatt", written) == (dt.date(2025, 6, 12), [])


def test_a_todo_stays_and_is_a_warning():
    assert answer(TROMSO, "hjemmestotte.tiltak", "TODO: avklare") == ("TODO: avklare", [("warning", "'hjemmestotte.tiltak' still holds a TODO")])
    assert answer(TROMSO, "utviklingssamtaler.tema", ["TODO"])[1] == [("warning", "'utviklingssamtaler.tema.0' still holds a TODO")]


def test_meaning_key_folds_case_spacing_punctuation_and_diacritics():
    assert meaning_key("Forældre-møde!") == meaning_key("foraeldremode") == meaning_key("FORÆLDREMØDE")
    assert meaning_key("Idé") == meaning_key("ide")


@pytest.mark.parametrize("name", bundled_pack_names())
def test_no_two_entries_of_a_vocabulary_share_a_spelling(name):
    pack = load_pack(name)
    for vocabulary, definition in pack.vocabularies.items():
        assert Choices(vocabulary, definition).collisions() == [], vocabulary


@pytest.mark.parametrize("name", bundled_pack_names())
def test_every_plan_path_a_rule_reads_is_a_question(name):
    """At merge: a path a rule starts reading needs a question in policies/<pack>/questions/."""
    pack = load_pack(name)
    questions = {question.path for question in pack.questions}
    read = {(rule.id, path) for rule in pack.rules for path in rule.check.placeholders() if path != "attestations"}
    assert sorted(item for item in read if item[1] not in questions) == []


@pytest.mark.parametrize("name", bundled_pack_names())
def test_every_choice_a_rule_names_is_in_its_questions_vocabulary(name):
    """At merge: a member a rule's check starts naming needs an entry (or a synonym) in vocabularies.yaml."""
    pack = load_pack(name)
    resolution = ChoiceResolution(pack.questions, pack.vocabularies)
    unknown = []
    for rule in pack.rules:
        for path, key, word in rule.check.named_choices():
            question = pack.question(path)
            kind = question.fields[key].type if key else question.type
            readable = resolution(path, key, word) is not None if kind in ("choice", "multichoice") else kind != "yesno"
            if not readable:
                unknown.append((rule.id, path, key, word))
    assert unknown == []


def test_a_question_naming_an_unknown_vocabulary_is_refused_at_load(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree("policies/vest", pack)
    questions = pack / "questions" / "4-den-enkelte-elev.yaml"
    questions.write_text(questions.read_text().replace("vocabulary: personer", "vocabulary: persone", 1))
    with pytest.raises(InputError) as error:
        load_pack(str(pack))
    assert "unknown vocabulary 'persone' (did you mean 'personer'?)" in str(error.value)
    assert "4-den-enkelte-elev.yaml:" in str(error.value)


# --- the done-when property: plans in the documents' own words give the canonical verdicts ---

def _statuses(pack, data: dict) -> dict[str, str]:
    plan = LocalPlan.model_validate(data)
    report = evaluate(pack, plan, answered_view(pack, data, "plan.yaml", {}, plan.attestations), as_of=dt.date(2026, 1, 15))
    return {finding.rule_id: finding.status.value for finding in report.findings}


def _at(data: dict, path: str):
    node = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _canonical(pack, data: dict) -> dict:
    return read_answers(data, pack.questions, pack.vocabularies).data


def _reworded(pack, canonical: dict, draw) -> dict:
    """The canonical plan with every id written as one of its synonyms, booleans as ja/nei/yes/..., empty lists as "ingen"."""
    data = read_answers(canonical, [], {}).data  # a deep copy
    words = {name: {entry.id: entry.words() for entry in definition.entries} for name, definition in pack.vocabularies.items()}
    for question in pack.questions:
        *parents, leaf = question.path.split(".")
        parent = _at(data, ".".join(parents)) if parents else data
        if not isinstance(parent, dict) or leaf not in parent:
            continue
        parent[leaf] = _reword(question, parent[leaf], words, draw)
    return data


def _reword(question, value, words, draw):
    def choice(vocabulary, item):
        return draw(st.sampled_from(words[vocabulary][item])) if item in words[vocabulary] else item

    if question.type == "yesno" and isinstance(value, bool):
        return draw(st.sampled_from([w for w in (YES if value else NO)] + [w.upper() for w in (YES if value else NO)]))
    if question.type in ("list-or-none", "multichoice", "records") and value == []:
        return draw(st.sampled_from(NONE_WORDS))
    if question.type == "multichoice" and isinstance(value, list):
        return [choice(question.vocabulary, item) for item in value]
    if question.type == "choice" and isinstance(value, str):
        return choice(question.vocabulary, value)
    if question.type == "records" and isinstance(value, list):
        return [{key: choice(question.fields[key].vocabulary, item) if key in question.fields and question.fields[key].vocabulary else item
                 for key, item in record.items()} if isinstance(record, dict) else record for record in value]
    return value


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_plans_in_the_documents_own_words_give_the_canonical_verdicts(name, data):
    pack = load_pack(name)
    canonical = _canonical(pack, yaml.safe_load(EXAMPLES[name].read_text()))
    reworded = _reworded(pack, canonical, data.draw)
    assert _statuses(pack, reworded) == _statuses(pack, canonical)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_plans_verdicts_do_not_change_when_read_by_meaning(name):
    pack = load_pack(name)
    written = yaml.safe_load(EXAMPLES[name].read_text())
    assert _statuses(pack, written) == _statuses(pack, _canonical(pack, written))
