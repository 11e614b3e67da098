"""`validate --policy` reads a plan's answers as the pack's questions; `check` warns about them first."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

FJELLVEGEN = Path("examples/tromso-fjellvegen/plan.yaml")


def _plan(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = FJELLVEGEN.read_text()
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    return path


def test_a_misspelt_choice_is_an_error_with_a_did_you_mean_at_its_place(tmp_path):
    plan = _plan(tmp_path, ("laeremidler: [trykte, digitale]", "laeremidler: [trykkte, digitale]"))
    result = run_cli("validate", str(plan), "--policy", "tromso", "--lang", "en")
    assert result.exit_code == 2
    line = next(number for number, text in enumerate(plan.read_text().splitlines(), 1) if "trykkte" in text)
    assert (f"{plan}:{line}:17: error: 'digitalt.laeremidler.0': 'trykkte' is not in the vocabulary 'laeremidler' "
            "(did you mean 'trykte'?)") in result.stderr


def test_a_wrong_type_is_an_error(tmp_path):
    plan = _plan(tmp_path, ("per_klasse: 2", "per_klasse: mange"))
    result = run_cli("validate", str(plan), "--policy", "tromso", "--lang", "en")
    assert result.exit_code == 2
    assert "error: 'foreldrekontakter.per_klasse' is 'mange'; give a number" in result.stderr


def test_the_documents_own_words_validate_cleanly(tmp_path):
    plan = _plan(tmp_path, ("dialogbasert: true", "dialogbasert: ja"), ("egenandeler: []", "egenandeler: ingen"),
                 ("tema: [faglig utvikling, sosial utvikling, behov for støtte]",
                  "tema: [elevens faglige utvikling, sosial utvikling, behov for støtte og tilrettelegging]"),
                 ('tiltak: "TODO: avklare leksehjelp i SFO-tiden med SFO-leder"', "tiltak: Leksehjelp i SFO-tiden."))
    result = run_cli("validate", str(plan), "--policy", "tromso", "--strict")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{plan}: ok (plan, tromso)\n"


def test_a_todo_left_is_a_warning_that_fails_only_with_strict():
    assert run_cli("validate", str(FJELLVEGEN), "--policy", "tromso").exit_code == 0
    result = run_cli("validate", str(FJELLVEGEN), "--policy", "tromso", "--strict", "--lang", "nb")
    assert result.exit_code == 1
    assert "plan.yaml:237:11: warning: 'hjemmestotte.tiltak' inneholder fortsatt TODO" in result.stderr


def test_without_policy_only_the_schema_is_checked(tmp_path):
    plan = _plan(tmp_path, ("laeremidler: [trykte, digitale]", "laeremidler: [trykkte, digitale]"))
    assert run_cli("validate", str(plan)).exit_code == 0


def test_the_exit_codes_are_in_the_commands_help():
    help_text = run_cli("validate", "--help").stdout
    assert "1  with --strict: valid, but with warnings" in help_text
    assert "2  a file is not valid (each problem at file:line:column), or (with --policy)" in help_text


def test_check_warns_about_unreadable_answers_before_evaluating(tmp_path):
    plan = _plan(tmp_path, ("dialogbasert: true", "dialogbasert: kanskje"))
    result = run_cli("check", "-p", "tromso", "--plan", str(plan), "--lang", "en", "--format", "json")
    assert result.exit_code == 1
    assert "warning: 'foreldremoter.dialogbasert' is 'kanskje'; answer yes or no" in result.stderr
    assert "TODO" not in result.stderr  # a TODO is a gap in the report, not a warning
