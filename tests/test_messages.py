"""Messages: gettext catalogues (en, nb, da) that match the code, plural forms wherever a count is
printed, and grammatical reports in all three languages."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT, run_cli

from policycheck import messages
from policycheck.explain import explain_rule
from policycheck.loading.packs import load_pack
from policycheck.messages import (LANGUAGES, AllTerms, AnyTerms, Message, NoneOf, Terms, catalogue, catalogue_path,
                                  format_number, join_words, text)
from policycheck.models.common import Status
from policycheck.vocabulary import CHANNELS, EVENT_TYPES, FLAGS, ROLES

SOURCE = ROOT / "src" / "policycheck"
VOCABULARY_IDS = [term for entries in (EVENT_TYPES, ROLES, CHANNELS, FLAGS) for term in entries]
# Parameters that hold a number but not a count of anything: a compared value or bound (the noun after it
# agrees through `Terms(count=...)`), a grade number, a parameter's value.
NOT_COUNTS = {"describe.at_least": {"value"}, "describe.at_most": {"value"}, "describe.more_than": {"value"},
              "describe.less_than": {"value"}, "describe.equal": {"value"}, "describe.not_equal": {"value"},
              "describe.between": {"min", "max"}, "describe.parameter": {"value"}, "compare.ok": {"actual"},
              "compare.fail": {"actual"}, "value.percent": {"value"}, "explain.grades": {"min", "max"},
              "not_applicable.grades": {"rule_min", "rule_max", "school_min", "school_max"},
              "per_grade.ok": {"first", "last"},  # grade numbers
              # a threshold's number ("the threshold 2 (x) is stated in the text"), not a count of things
              **{f"threshold.{origin}": {"value"} for origin in
                 ("text", "interpretation", "tool-setting", "decision", "override")}}

TROMSO = ["check", "-p", "tromso", "--plan", "examples/tromso-fjellvegen/plan.yaml",
          "--log", "examples/tromso-fjellvegen/log.csv", "--roster", "examples/tromso-fjellvegen/roster.yaml",
          "--as-of", "2026-07-31"]
VEST = ["check", "-p", "vest", "--plan", "examples/vest-engskolen/plan.yaml",
        "--log", "examples/vest-engskolen/aula-eksport.csv", "--mapping", "examples/mappings/aula.yaml",
        "--roster", "examples/vest-engskolen/roster.yaml", "--as-of", "2026-07-31"]


def entries(language: str) -> dict:
    return catalogue(language).entries


def is_plural(key: str, language: str = "en") -> bool:
    return isinstance(entries(language)[key], tuple)


def placeholders(entry: str | tuple[str, ...]) -> frozenset[str]:
    forms = entry if isinstance(entry, tuple) else (entry,)
    return frozenset(name for form in forms for _, name, _, _ in Formatter().parse(form) if name)


# --- the catalogues themselves -------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_parses_with_babel_without_errors(language):
    with open(catalogue_path(language), "rb") as file:
        po = read_po(file, locale=language, abort_invalid=True)
    assert [(message.id, errors) for message, errors in po.check()] == []
    assert [message.id for message in po if message.id and message.fuzzy] == []
    assert po.num_plurals == 2


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_gnu_msgfmt_accepts_the_catalogue(language):
    result = subprocess.run(["msgfmt", "--check", "-o", "-", str(catalogue_path(language))], capture_output=True, text=False)
    assert result.returncode == 0, result.stderr.decode()


def test_every_message_is_in_all_three_catalogues():
    keys = {language: set(entries(language)) for language in LANGUAGES}
    assert [(language, sorted(keys["en"] ^ found)) for language, found in keys.items() if found != keys["en"]] == []


def test_an_entry_is_plural_in_every_language_or_in_none():
    assert [key for key in entries("en") if len({is_plural(key, language) for language in LANGUAGES}) > 1] == []


def test_every_entry_has_the_same_placeholders_in_each_language():
    english = entries("en")
    assert [(language, key) for language in LANGUAGES for key, entry in entries(language).items()
            if placeholders(entry) != placeholders(english[key])] == []


def test_a_text_that_prints_the_count_n_is_a_plural_entry():
    assert [key for key, entry in entries("en").items() if "n" in placeholders(entry) and not is_plural(key)] == []


def test_every_vocabulary_id_is_a_term_and_every_event_type_counts_and_negates():
    english = entries("en")
    assert [term for term in VOCABULARY_IDS if f"term.{term}" not in english] == []
    assert [term for term in EVENT_TYPES if not is_plural(f"term.{term}") or f"term.{term}.none" not in english] == []


def test_every_status_has_a_label_and_a_summary_count():
    assert [s.value for s in Status if f"status.{s.value}" not in entries("en") or not is_plural(f"summary.{s.value}")] == []


# --- the catalogues against the code ------------------------------------------------------------------------

TEMPLATE_KEY = re.compile(r"""\bt\(["']([a-z0-9_.]+)["']""")


def _source_strings() -> tuple[set[str], list[re.Pattern], list[tuple[str, ast.expr]]]:
    """Every string literal in the package, a pattern for every f-string, and each message key argument."""
    literals, patterns, keys = set(), [], []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                patterns.append(_pattern(node))
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Message", "text") and node.args:
                keys.append((f"{path.name}:{node.lineno}", node.args[0]))
    for path in SOURCE.rglob("*.html"):  # the web app's templates name their texts as t("key")
        literals |= set(TEMPLATE_KEY.findall(path.read_text(encoding="utf-8")))
    return literals, patterns, keys


def _pattern(node: ast.JoinedStr) -> re.Pattern:
    """f"group.{kind}" -> group\\.([^.]+) : a formatted part stands for one segment of a key."""
    return re.compile("".join(re.escape(part.value) if isinstance(part, ast.Constant) else "([^.]+)"
                              for part in node.values))


def _built(key: str, literals: set[str], patterns: list[re.Pattern]) -> bool:
    """The code can build the key: an f-string matches it and each part it fills in is a literal of the code."""
    return any((match := pattern.fullmatch(key)) and set(match.groups()) <= literals for pattern in patterns)


def test_every_catalogue_entry_is_used_by_the_code():
    literals, patterns, _ = _source_strings()
    terms = {f"term.{term}" for term in VOCABULARY_IDS} | {f"term.{term}.none" for term in EVENT_TYPES}
    unused = [key for key in entries("en")
              if not (key in terms if key.startswith("term.") and key != "term.none" else
                      key in literals or _built(key, literals, patterns))]
    assert unused == []


def test_every_key_the_code_names_is_in_the_catalogue():
    _, _, keys = _source_strings()
    english = entries("en")
    missing = [where for where, node in keys
               if isinstance(node, ast.Constant) and node.value not in english
               or isinstance(node, ast.JoinedStr) and not any(_pattern(node).fullmatch(key) for key in english)]
    assert missing == []


@pytest.fixture(scope="module")
def rendered():
    """Every message rendered while the example schools are checked and every rule is explained, in all languages."""
    seen: list[Message] = []
    original = Message.render

    def recording(self, language):
        seen.append(self)
        return original(self, language)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Message, "render", recording)
        for language in LANGUAGES:
            for args in (TROMSO, VEST):
                assert run_cli(*args, "--lang", language).exit_code == 1
            for name in ("tromso", "vest"):
                pack = load_pack(name)
                for rule in pack.rules:
                    explain_rule(pack, rule, language)
    return seen


def test_every_message_that_takes_a_count_is_a_plural_entry(rendered):
    counting = {(message.key, name) for message in rendered for name, value in message.params.items()
                if type(value) is int and not is_plural(message.key) and name not in NOT_COUNTS.get(message.key, ())}
    assert sorted(counting) == []


def test_the_examples_render_the_count_messages(rendered):
    """The check above saw the messages it is about: the reports' count texts."""
    keys = {message.key for message in rendered}
    assert {"count.fail", "count.ok", "participants.fail", "participants.ok", "reply.fail", "reply.late", "reply.open",
            "window.fail", "window.ok", "share.ok", "lead.fail", "ev.count", "summary.pass"} - keys == set()


# --- rendering ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reports():
    """Each example's findings and evidence notes, one a line, in each language."""
    def lines(args: list[str], language: str) -> str:
        report = json.loads(run_cli(*args, "--lang", language, "--format", "json").stdout)
        return "\n".join(text for finding in report["findings"]
                         for text in [finding["message"], *(e.get("note") or "" for e in finding["evidence"])])
    return {(school, language): lines(args, language)
            for school, args in (("tromso", TROMSO), ("vest", VEST)) for language in LANGUAGES}


@pytest.mark.parametrize("school, language, phrase", [
    ("tromso", "nb", "1 av 54 utviklingssamtaler mangler elev eller foresatt"),
    ("tromso", "da", "1 af 54 udviklingssamtaler mangler elev eller forælder"),
    ("tromso", "en", "1 of 54 development talks lacks pupil or parent"),
    ("tromso", "nb", "har ikke minst 2 utviklingssamtaler eller invitasjoner i 2025-2026"),
    ("tromso", "en", "does not have at least 2 development talks or invitations in 2025-2026"),
    ("tromso", "nb", "skolen har minst 4 FAU-møter per skoleår"),
    ("tromso", "da", "skolen har mindst 4 FAU-møder pr. skoleår"),
    ("tromso", "en", "the school has at least 4 FAU meetings per school year"),
    ("tromso", "nb", "hvert trinn har informasjonsmøte mellom"),
    ("tromso", "da", "hvert klassetrin har informationsmøde mellem"),
    ("tromso", "en", "every grade has information meeting between"),
    ("tromso", "nb", "alle 56 elevsamtaler hadde elev til stede"),
    ("tromso", "nb", "av 24 henvendelser ble 1 besvart senere enn 3 virkedager og 1 er fortsatt åpen etter fristen"),
    ("tromso", "da", "af 24 henvendelser blev 1 besvaret senere end 3 arbejdsdage og 1 er stadig åben efter fristen"),
    ("tromso", "en", "of 24 inquiries, 1 was answered later than 3 working days and 1 is still open past the deadline"),
    ("tromso", "nb", "1 hendelse i skoleåret (FJ-0089)"),
    ("tromso", "en", "1 event in the school year (FJ-0089)"),
    ("tromso", "nb", "'kontaktlaerer.primaerkontakt' er ja (forventet ja)"),
    ("tromso", "da", "'kontaktlaerer.primaerkontakt' er ja (forventet ja)"),
    ("tromso", "en", "'kontaktlaerer.primaerkontakt' is yes (expected yes)"),
    ("vest", "da", "1 af 4 klasser har intet forældremøde mellem"),
    ("vest", "da", "1 af 4 klasser har intet valg af klasseforældreråd mellem"),
    ("vest", "nb", "1 av 4 klasser har ikke noe foreldremøte mellom"),
    ("vest", "en", "1 of 4 classes has no parent meeting between"),
    ("vest", "da", "1 af 25 skole/hjemsamtaler mangler forælder eller kontaktlærer"),
    ("vest", "en", "1 of 25 school-home talks lacks parent or contact teacher"),
    ("vest", "da", "96,7 % af 210 hændelser gik gennem Aula (mindst 80 %)"),
    ("vest", "nb", "96,7 % av 210 hendelser gikk gjennom Aula (minst 80 %)"),
    ("vest", "en", "96.7% of 210 events went through Aula (at least 80%)"),
    ("vest", "da", "skolen har mindst 1 dialogmøde pr. skoleår"),
    ("vest", "da", "1 af 25 samtaler blev ikke indkaldt 10 dage i forvejen"),
    ("vest", "nb", "1 av 25 samtaler ble ikke innkalt 10 dager i forveien"),
    ("vest", "en", "1 of 25 talks was not invited 10 days ahead"),
    ("vest", "en", "every pupil has at least 1 meddelelsesbog (pupil progress book) per school year"),
    ("vest", "da", "0 hændelser i skoleåret"),
    ("vest", "da", "indkaldt 2025-11-20, 5 dage før"),
])
def test_reports_are_grammatical_in_each_language(reports, school, language, phrase):
    assert phrase in reports[school, language]


def test_the_reports_print_no_python_literal_and_no_hedged_plural(reports):
    leaks = re.compile(r"\b(True|False|None)\b|\((r|er|e|s)\)|>=|<=|==")
    found = {key: leaks.findall(report) for key, report in reports.items()}
    assert {key: hits for key, hits in found.items() if hits} == {}


@pytest.mark.parametrize("language, one, two", [
    ("nb", "1 er fortsatt åpen", "2 er fortsatt åpne"),
    ("da", "1 er stadig åben", "2 er stadig åbne"),
    ("en", "1 is still open", "2 are still open"),
])
def test_a_plural_entry_takes_its_form_from_n(language, one, two):
    assert [Message("reply.open", {"n": n}).render(language) for n in (1, 2)] == [one, two]


@pytest.mark.parametrize("language, one, two", [
    ("nb", "1 hendelse i skoleåret", "2 hendelser i skoleåret"),
    ("da", "1 hændelse i skoleåret", "2 hændelser i skoleåret"),
    ("en", "1 event in the school year", "2 events in the school year"),
])
def test_an_event_count_is_singular_for_one_and_plural_otherwise(language, one, two):
    period = Message("ev.period.school_year")
    assert [Message("ev.count", {"n": n, "period": period, "ids": ""}).render(language) for n in (1, 2)] == [one, two]


def test_a_plural_entry_without_its_count_is_refused():
    with pytest.raises(ValueError, match="needs the count 'n'"):
        Message("reply.open").render("nb")


def test_count_nouns_agree_with_their_count():
    assert Terms(["fau-mote"], count=4).render("nb") == "FAU-møter"
    assert Terms(["skole-hjem-samtale"], count=26).render("da") == "skole/hjemsamtaler"
    assert Terms(["utviklingssamtale"], count=1).render("en") == "development talk"
    assert AnyTerms(["hendelse"], count=0).render("nb") == "hendelser"


def test_no_x_agrees_with_the_nouns_gender():
    assert NoneOf(["foreldremote"]).render("da") == "intet forældremøde"
    assert NoneOf(["utviklingssamtale"]).render("da") == "ingen udviklingssamtale"
    assert NoneOf(["foreldremote", "informasjonsmote"]).render("en") == "no parent meeting or information meeting"
    assert NoneOf(["ukjent-type"]).render("nb") == "ingen ukjent-type"


def test_vocabulary_ids_are_shown_in_the_language():
    message = Message("forbidden.flagged", {"flags": Terms(["sensitive"])})
    assert [message.render(lang) for lang in ("en", "nb", "da")] == \
        ["flagged sensitive", "merket sensitiv", "markeret følsom"]
    assert Terms(["foreldremote", "ukjent-type"]).render("da") == "forældremøde, ukjent-type"


def test_terms_that_all_hold_or_of_which_one_is_enough_are_joined_in_words():
    assert AllTerms(["elev", "foresatt", "kontaktlaerer"]).render("nb") == "elev, foresatt og kontaktlærer"
    assert AnyTerms(["transponder", "e-post"]).render("da") == "Transponder eller e-mail"
    assert AnyTerms(["svar"]).render("en") == "reply"
    assert join_words(["a", "b"], "en", "list.or") == "a or b"


def test_terms_keep_their_count_through_pickling():
    import pickle
    assert pickle.loads(pickle.dumps(Terms(["fau-mote"], count=4))).render("nb") == "FAU-møter"


@pytest.mark.parametrize("number, en, nb, da", [
    (97.0, "97.0", "97,0", "97,0"),
    (3.25, "3.25", "3,25", "3,25"),
    (12345, "12,345", "12\xa0345", "12.345"),
    (7, "7", "7", "7"),
])
def test_numbers_are_written_as_each_language_writes_them(number, en, nb, da):
    assert [format_number(number, language) for language in ("en", "nb", "da")] == [en, nb, da]


def test_booleans_read_yes_or_no():
    relation = Message("describe.equal", {"value": False})
    assert [Message("compare.ok", {"path": "x", "actual": False, "relation": relation}).render(language)
            for language in ("en", "nb", "da")] == ["'x' is no (expected no)", "'x' er nei (forventet nei)",
                                           "'x' er nej (forventet nej)"]


def test_an_unknown_language_reads_english():
    assert text("status.pass", "sv") == "pass"


def test_a_fuzzy_or_empty_translation_falls_back_to_english(tmp_path, monkeypatch):
    for language in ("en", "nb"):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "policycheck.po").write_text(catalogue_path(language).read_text(encoding="utf-8"), encoding="utf-8")
    nb = tmp_path / "nb" / "LC_MESSAGES" / "policycheck.po"
    po = nb.read_text(encoding="utf-8")
    po = po.replace('msgid "status.pass"\nmsgstr "oppfylt"', '#, fuzzy\nmsgid "status.pass"\nmsgstr "oppfylt"')
    po = po.replace('msgid "status.waived"\nmsgstr "unntak"', 'msgid "status.waived"\nmsgstr ""')
    nb.write_text(po, encoding="utf-8")
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    catalogue.cache_clear()
    try:
        assert [text(key, "nb") for key in ("status.pass", "status.waived", "status.fail")] == \
            ["pass", "waived", "IKKE OPPFYLT"]
    finally:
        catalogue.cache_clear()


def test_the_catalogues_ship_inside_the_package():
    assert all(catalogue_path(language).is_relative_to(Path(messages.__file__).parent) for language in LANGUAGES)


def test_audit_percentages_are_written_as_each_language_writes_them():
    from policycheck.reports.audit_rows import percent, signed
    assert [percent(0.97, language) for language in ("en", "nb", "da")] == ["97%", "97 %", "97 %"]
    assert [signed(-0.03, "en"), signed(0.05, "da"), signed(None, "nb")] == ["-3%", "+5 %", "–"]


def test_the_summary_counts_agree_with_their_number():
    assert [text("summary.needs_attestation", "en", n=n) for n in (1, 2)] == ["1 needs attestation", "2 need attestation"]
    assert text("summary.fail", "da", n=3) == "3 ikke opfyldt"
