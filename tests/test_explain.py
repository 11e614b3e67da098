"""`policycheck explain` and `Check.describe` in Norwegian (bokmål), Danish and English: no English leaks into nb/da."""

import pytest
from conftest import run_cli
from pydantic import TypeAdapter

from policycheck.checks.registry import CHECK_KINDS, AnyCheck
from policycheck.loading.packs import load_pack

PARAMETERS = {"samtaler": 2, "dager": 365, "svarfrist": 3, "andel": 80, "medlemmer": ["elever", "foreldre"]}
PRESENT = {"kind": "present", "path": "rutine.beskrivelse"}
ATTESTATION = {"kind": "attestation", "parameter": "dager"}

# One check of each kind; test_every_kind_has_an_example fails when a kind is added without one.
EXAMPLES = {
    "present": PRESENT,
    "compare": {"kind": "compare", "path": "samtaler.per_skolear", "op": ">=", "parameter": "samtaler"},
    "contains": {"kind": "contains", "path": "organ.representert", "members": ["elever", "foreldre"], "key": "gruppe"},
    "attestation": ATTESTATION,
    "all": {"kind": "all", "checks": [PRESENT, ATTESTATION]},
    "any": {"kind": "any", "checks": [PRESENT, {"kind": "attestation", "valid_for_days": 30}]},
    "not": {"kind": "not", "check": PRESENT},
    "count": {"kind": "count", "types": ["utviklingssamtale"], "per": "pupil", "min_parameter": "samtaler",
              "grades": [5, 6]},
    "within_window": {"kind": "within_window", "types": ["informasjonsmote"], "per": "grade", "grades": [1, 8],
                      "window": "before_start", "days": 14},
    "reply_within": {"kind": "reply_within", "parameter": "svarfrist"},
    "participants": {"kind": "participants", "types": ["utviklingssamtale"], "roles": ["elev", "foresatt"]},
    "forbidden": {"kind": "forbidden", "types": ["melding"], "channels": ["transponder", "e-post"],
                  "flags": ["sensitive"]},
    "share": {"kind": "share", "types": ["melding", "svar"], "channel": "aula", "parameter": "andel"},
    "lead_time": {"kind": "lead_time", "meeting": ["skole-hjem-samtale"], "days": 10},
    "per_grade": {"kind": "per_grade", "path": "informasjon.per_trinn", "key": "trinn", "fields": ["intervall", "form"]},
}
# Other wordings of the same kinds: each template a kind chooses between.
VARIANTS = [
    {"kind": "compare", "path": "kontaktlaerer.primaerkontakt", "op": op, "value": value}
    for op, value in (("<=", 3), (">", 3), ("<", 3), ("==", True), ("!=", "transponder"))
] + [
    {"kind": "contains", "path": "organ.representert", "parameter": "medlemmer"},
    {"kind": "count", "types": ["fau-mote"], "per": "school", "period": "half_year", "max": 4},
    {"kind": "count", "types": ["foreldremote", "dialogmote"], "per": "class", "min": 1, "max": 3},
    {"kind": "within_window", "types": ["foreldremote"], "per": "class", "window": "first_weeks", "weeks": 6},
    {"kind": "forbidden", "flags": ["cost"]},
    {"kind": "forbidden", "channels": ["transponder"]},
    {"kind": "per_grade", "path": "informasjon.per_trinn"},
]
# English words and phrases of the describe texts, none of which a Norwegian or Danish text may hold.
ENGLISH = ("every", "at least", "at most", "more than", "less than", "event", "of type", "the plan", "includes",
           " has ", " and ", " or ", "it is not", "all of", "any of", "within", "through", "days", "weeks", "school",
           "percent", "thread", "flagged", "entry", "field", "not empty", "per half-year", "grades")


def describe(spec: dict, language: str) -> str:
    return TypeAdapter(AnyCheck).validate_python(spec).describe(PARAMETERS).render(language)


def test_every_kind_has_an_example():
    assert set(EXAMPLES) == set(CHECK_KINDS)


@pytest.mark.parametrize("spec", list(EXAMPLES.values()) + VARIANTS, ids=lambda spec: spec["kind"])
@pytest.mark.parametrize("language", ["nb", "da"])
def test_describe_is_wholly_in_the_language(spec, language):
    english, local = describe(spec, "en"), describe(spec, language)
    assert english and local and local != english
    assert [word for word in ENGLISH if word in local] == []


def test_describe_counts_in_plain_words_with_the_parameter_value():
    spec = {"kind": "count", "types": ["utviklingssamtale"], "per": "pupil", "min_parameter": "samtaler"}
    assert [describe(spec, language) for language in ("en", "nb", "da")] == [
        "every pupil has at least 2 (parameter samtaler) events of type development talk per school year",
        "hver elev har minst 2 (parameter samtaler) hendelser av typen utviklingssamtale per skoleår",
        "hver elev har mindst 2 (parameter samtaler) hændelser af typen udviklingssamtale pr. skoleår",
    ]


def test_describe_says_one_event_in_the_singular():
    spec = {"kind": "count", "types": ["dialogmote"], "per": "school", "min": 1}
    assert describe(spec, "da") == "skolen har mindst 1 hændelse af typen dialogmøde pr. skoleår"


def test_describe_composite_parts_are_in_the_language():
    assert describe(EXAMPLES["all"], "nb") == (
        "alle disse: (planen fyller ut 'rutine.beskrivelse' (ikke tom, ingen TODO)); "
        "(planens 'attestations' har en oppføring for denne regelen med en erklæring, hvem som bekrefter "
        "(navn og rolle) og en dato, høyst 365 dager (parameter dager) gammel)")
    assert describe(EXAMPLES["not"], "da") == "det er ikke sådan, at planen udfylder 'rutine.beskrivelse' (ikke tom, ingen TODO)"


def test_describe_shows_vocabulary_in_the_language():
    assert describe(EXAMPLES["forbidden"], "da") == \
        "ingen hændelse af typen besked er markeret følsom og sendt via Transponder eller e-mail"
    assert describe(EXAMPLES["participants"], "en") == \
        "every event of type development talk has pupil and parent among its participants"


# Labels of `policycheck explain` in each language; the optional ones only where the rule has the field.
LABELS = {
    "en": {"pack": "pack:", "severity": "severity:   ", "source": ", section ", "quote": "quote:",
           "legal_basis": "legal basis:", "applies_to": "applies to:     grades", "meaning": "meaning:",
           "satisfied": "satisfied when ", "remediation": "to close a gap:", "log": "example log rows (CSV):",
           "plan": "example plan fragment:"},
    "nb": {"pack": "regelpakke:", "severity": "alvorlighet:    påkrevd (ut fra '", "source": ", avsnitt ",
           "quote": "sitat:", "legal_basis": "hjemmel:", "applies_to": "gjelder:        trinn", "meaning": "betydning:",
           "satisfied": "oppfylt når ", "remediation": "slik lukker dere avviket:",
           "log": "eksempel på rader i loggen (CSV):", "plan": "eksempel på utdrag av planen:"},
    "da": {"pack": "regelpakke:", "severity": "alvorlighed:    påkrævet (ud fra '", "source": ", afsnit ",
           "quote": "citat:", "legal_basis": "hjemmel:", "applies_to": "gælder:         klassetrin",
           "meaning": "betydning:", "satisfied": "opfyldt når ", "remediation": "sådan lukker I afvigelsen:",
           "log": "eksempel på rækker i loggen (CSV):", "plan": "eksempel på uddrag af planen:"},
}
ENGLISH_LABELS = set(LABELS["en"].values()) | {"severity:", "addressed to:", "required", "(from '", "(count)", "(percent)"}
RULES = [("tromso", "tro-utviklingssamtale-to-ganger"), ("tromso", "tro-utviklingssamtale-holdt-to-ganger"),
         ("tromso", "tro-gratisprinsippet-ingen-kostnad"), ("tromso", "tro-informasjonsmote-holdt-for-8-trinn"),
         ("vest", "vest-meddelelsesbog-aarligt"), ("vest", "vest-meddelelsesbog-fokuspunkter-bhkl")]


def expected_labels(pack: str, rule_id: str, language: str) -> list[str]:
    rule = load_pack(pack).rule(rule_id)
    present = {"legal_basis": rule.legal_basis, "applies_to": rule.applies_to and rule.applies_to.grades,
               "meaning": rule.description, "log": rule.check.reads_log(), "plan": not rule.check.reads_log()}
    return [label for key, label in LABELS[language].items() if present.get(key, True)]


@pytest.mark.parametrize("pack, rule_id", RULES)
@pytest.mark.parametrize("language", ["nb", "da", "en"])
def test_explain_labels_are_in_the_language(pack, rule_id, language):
    result = run_cli("explain", rule_id, "--policy", pack, "--lang", language)
    assert result.exit_code == 0
    assert [label for label in expected_labels(pack, rule_id, language) if label not in result.stdout] == []
    if language != "en":
        assert [label for label in ENGLISH_LABELS if label in result.stdout] == []


@pytest.mark.parametrize("pack, rule_id", RULES)
@pytest.mark.parametrize("language", ["nb", "da"])
def test_explain_says_what_satisfies_the_rule_in_the_language(pack, rule_id, language):
    stdout = run_cli("explain", rule_id, "--policy", pack, "--lang", language).stdout
    (satisfied,) = [line for line in stdout.splitlines() if line.startswith("  " + LABELS[language]["satisfied"])]
    assert [word for word in ENGLISH if word in satisfied] == []


def test_explain_parameter_unit_is_in_the_language():
    stdout = run_cli("explain", "vest-aula-primaer-kanal", "--policy", "vest", "--lang", "da").stdout
    assert "  parameter aula_andel_min_procent = 80 (procent): " in stdout


@pytest.mark.parametrize("language, words", [
    ("nb", ["Regel", "Alvorlighet", "Kontroll", "Tittel", "påkrevd"]),
    ("da", ["Regel", "Alvorlighed", "Kontrol", "Titel", "påkrævet"]),
    ("en", ["Rule", "Severity", "Check", "Title", "required"]),
])
def test_rules_lists_a_pack_in_the_language(language, words):
    result = run_cli("rules", "--policy", "tromso", "--lang", language)
    assert result.exit_code == 0
    header, _, first, *_ = result.stdout.splitlines()
    assert all(word in header + first for word in words)
    assert "tro-samarbeid-preget-av-verdigrunnlaget" in first


def test_explain_shows_the_cap_whose_duty_it_is_and_where_each_number_comes_from():
    stdout = run_cli("explain", "vest-skole-hjemsamtale-indkaldt-i-god-tid", "--policy", "vest", "--lang", "da").stdout
    assert ("alvorlighed:    påkrævet (ud fra 'indikativ'); højst anbefalet, indtil kommunen bekræfter "
            "indkaldelse_varsel_dage med en beslutning i en tilpasningsfil") in stdout
    assert "retter sig mod: skolen; skolens egen pligt" in stdout
    assert "    tærsklen 10 (indkaldelse_varsel_dage) er pakkens fortolkning af teksten, ikke dokumentets ord" in stdout


def test_explain_of_a_parents_expectation_gives_the_schools_part():
    stdout = run_cli("explain", "tro-foreldre-hilser", "--policy", "tromso", "--lang", "nb").stdout
    assert "retter seg mot: foreldrene; skolens del er å formidle det" in stdout
