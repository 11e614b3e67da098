import pytest

from policycheck.errors import InputError
from policycheck.loading.roster import load_roster
from policycheck.vocabulary import EVENT_TYPES, EVENT_VOCABULARY, fold


@pytest.mark.parametrize("word, canonical", [
    ("Forældremøde", "foreldremote"), ("FORELDRE-MØTE", "foreldremote"), ("parent meeting", "foreldremote"),
    ("skole/hjemsamtale", "skole-hjem-samtale"), ("Skole-hjemsamtale", "skole-hjem-samtale"),
    ("klasseforældreråd-valg", "klasseforaeldreraad-valg"), ("FAU-møte", "fau-mote"), ("besked", "melding"),
    ("foreldremoete", "foreldremote"), ("informationsmøde", "informasjonsmote"), ("dialogmøde", "dialogmote"),
])
def test_aliases_find_canonical_types(word, canonical):
    assert EVENT_VOCABULARY.find(word) == canonical


def test_every_canonical_id_is_its_own_fold_and_aliases_do_not_collide():
    keys = {}
    for canonical, aliases in EVENT_TYPES.items():
        for alias in (canonical, *aliases):
            assert keys.setdefault(fold(alias), canonical) == canonical


def test_unknown_type_suggests_the_closest():
    with pytest.raises(ValueError, match="did you mean 'utviklingssamtale'"):
        EVENT_VOCABULARY.canonical("utviklingsamtale")


def test_yaml_and_csv_rosters_build_the_same_model(tmp_path):
    (tmp_path / "r.csv").write_text("class;grade;pupil;guardians\n1A;1;P1;1\n1A;1;P2;2\n8A;8;P3;1\n", encoding="utf-8")
    from_csv = load_roster(tmp_path / "r.csv")
    from_yaml = load_roster("tests/data/logschool/roster.yaml")
    assert from_csv.class_of() == from_yaml.class_of() and from_csv.grade_of() == from_yaml.grade_of()


def test_roster_errors_name_the_line(tmp_path):
    (tmp_path / "r.csv").write_text("class,grade,pupil\n1A,1,P1\n1A,x,P2\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_roster(tmp_path / "r.csv")
    assert error.value.problems[0].line == 3
    (tmp_path / "d.csv").write_text("class,grade,pupil\n1A,1,P1\n1B,1,P1\n", encoding="utf-8")
    with pytest.raises(InputError, match="'P1' is listed twice \\(first on line 2\\)"):
        load_roster(tmp_path / "d.csv")
