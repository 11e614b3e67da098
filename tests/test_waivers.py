"""Waivers and the baseline: post-processing over a finished report, judged by exit code."""

from __future__ import annotations

import json

import pytest

CHECK = ("check", "--policy", "tests/data/minipack", "--plan", "tests/data/plan-gaps.yaml", "--as-of", "2025-09-01",
         "--lang", "en")
# The plan's required gaps: mini-kontaktlaerer, mini-samtaler, mini-organ.
REQUIRED_GAPS = ("mini-kontaktlaerer", "mini-samtaler", "mini-organ")


def _waivers(tmp_path, expires: str, rules=REQUIRED_GAPS, school: str | None = "Testskolen", granted: str | None = None):
    lines = []
    for rule in rules:
        lines += [f"- rule: {rule}", f"  reason: Ny plan vedtas i oktober", "  approved_by: Ola Etatsjef",
                  f"  expires: {expires}"] + ([f"  school: {school}"] if school else []) \
            + ([f"  granted: {granted}"] if granted else [])
    path = tmp_path / "waivers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _json_report(out: str) -> dict[str, dict]:
    return {finding["rule_id"]: finding for finding in json.loads(out)["findings"]}


def test_valid_waiver_turns_gaps_into_waived(tmp_path, invoke):
    code, out, _ = invoke(*CHECK, "--format", "json", "--waivers", _waivers(tmp_path, "2025-12-31"))
    findings = _json_report(out)
    assert code == 0
    assert findings["mini-organ"]["status"] == "waived"
    assert "approved by Ola Etatsjef" in findings["mini-organ"]["notes"][0]
    assert "2025-12-31" in findings["mini-organ"]["notes"][0]


def test_waiver_on_its_last_day_still_holds(tmp_path, invoke):
    assert invoke(*CHECK, "--waivers", _waivers(tmp_path, "2025-09-01"))[0] == 0


def test_expired_waiver_leaves_the_gap_with_a_note(tmp_path, invoke):
    code, out, _ = invoke(*CHECK, "--format", "json", "--waivers", _waivers(tmp_path, "2025-08-31"))
    findings = _json_report(out)
    assert code == 1
    assert findings["mini-organ"]["status"] == "fail"
    assert findings["mini-organ"]["notes"] == ["the waiver approved by Ola Etatsjef expired on 2025-08-31"]


def test_the_finding_records_the_waiver_that_matched_it(tmp_path, invoke):
    _, out, _ = invoke(*CHECK, "--format", "json", "--waivers", _waivers(tmp_path, "2025-12-31", granted="2025-08-15"))
    assert _json_report(out)["mini-organ"]["waiver"] == {
        "approved_by": "Ola Etatsjef", "reason": "Ny plan vedtas i oktober", "granted": "2025-08-15",
        "expires": "2025-12-31", "holds": True}


def test_a_waiver_granted_after_the_as_of_day_does_not_hold_yet(tmp_path, invoke):
    """--as-of reproduces an earlier verdict: the gap was open before the waiver was granted."""
    code, out, _ = invoke(*CHECK, "--format", "json", "--waivers", _waivers(tmp_path, "2025-12-31", granted="2025-09-02"))
    finding = _json_report(out)["mini-organ"]
    assert code == 1 and finding["status"] == "fail" and finding["waiver"]["holds"] is False
    assert finding["notes"] == ["the waiver approved by Ola Etatsjef was granted only on 2025-09-02"]
    assert invoke(*CHECK[:-4], "--as-of", "2025-09-02", "--lang", "en", "--waivers", tmp_path / "waivers.yaml")[0] == 0


def test_waiver_without_school_covers_every_school_and_other_schools_are_not_covered(tmp_path, invoke):
    assert invoke(*CHECK, "--waivers", _waivers(tmp_path, "2026-01-01", school=None))[0] == 0
    assert invoke(*CHECK, "--waivers", _waivers(tmp_path, "2026-01-01", school="Annen skole"))[0] == 1


def test_waiver_for_an_unknown_rule_is_an_input_error(tmp_path, invoke):
    code, _, err = invoke(*CHECK, "--waivers", _waivers(tmp_path, "2026-01-01", rules=["mini-orgn"]))
    assert code == 2
    assert "waivers.yaml:1:9: waiver for unknown rule 'mini-orgn' (did you mean 'mini-organ'?)" in err


def test_malformed_waiver_names_file_line_column(tmp_path, invoke):
    path = tmp_path / "waivers.yaml"
    path.write_text("- rule: mini-organ\n  reason: x\n  approved_by: y\n  expires: 2025-02-31\n", encoding="utf-8")
    code, _, err = invoke(*CHECK, "--waivers", path)
    assert code == 2 and "waivers.yaml:4:12" in err


def test_waivers_file_validates(tmp_path, invoke):
    code, out, _ = invoke("validate", _waivers(tmp_path, "2026-01-01"))
    assert code == 0 and "(waivers)" in out


@pytest.fixture
def baseline(tmp_path, invoke):
    """A JSON report of the plan as it is: every current gap is known."""
    _, out, _ = invoke(*CHECK, "--format", "json")
    path = tmp_path / "baseline.json"
    path.write_text(out, encoding="utf-8")
    return path


def test_known_gaps_do_not_fail(baseline, invoke):
    code, out, _ = invoke(*CHECK, "--format", "json", "--baseline", baseline)
    assert code == 0
    assert {f["baseline"] for f in _json_report(out).values() if f["status"] in ("fail", "needs_attestation")} == {"known"}


def test_a_new_gap_fails(baseline, invoke):
    document = json.loads(baseline.read_text(encoding="utf-8"))
    for finding in document["findings"]:
        if finding["rule_id"] == "mini-organ":
            finding["status"] = "pass"
    baseline.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = invoke(*CHECK, "--format", "json", "--baseline", baseline)
    findings = _json_report(out)
    assert code == 1
    assert findings["mini-organ"]["baseline"] == "new" and findings["mini-samtaler"]["baseline"] == "known"


def test_new_and_known_shown_in_the_table(baseline, invoke):
    _, out, _ = invoke(*CHECK, "--baseline", baseline)
    assert "[known]" in out


def test_a_baseline_that_is_not_a_report_is_an_input_error(tmp_path, invoke):
    path = tmp_path / "baseline.json"
    path.write_text('{"findings": 3}', encoding="utf-8")
    code, _, err = invoke(*CHECK, "--baseline", path)
    assert code == 2 and "baseline.json:1" in err


def _edited_plan(tmp_path, old: str, new: str):
    path = tmp_path / "plan.yaml"
    text = open("tests/data/plan-gaps.yaml", encoding="utf-8").read()
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _check_plan(plan, *extra):
    return ("check", "--policy", "tests/data/minipack", "--plan", plan, "--as-of", "2025-09-01", "--lang", "en",
            "--format", "json", *extra)


def test_a_known_gap_is_new_again_once_the_plan_section_it_rests_on_changes(baseline, tmp_path, invoke):
    plan = _edited_plan(tmp_path, "representert: [foreldre, ansatte]", "representert: [ansatte]")
    findings = _json_report(invoke(*_check_plan(plan, "--baseline", baseline))[1])
    assert findings["mini-organ"]["status"] == "fail" and findings["mini-organ"]["baseline"] == "new"
    assert findings["mini-samtaler"]["baseline"] == "known"  # its section did not change


def test_a_baseline_of_another_school_or_school_year_knows_no_gap(baseline, tmp_path, invoke):
    for old, new in (("name: Testskolen", "name: Nabóskolen"), ("school_year: 2025-2026", "school_year: 2024-2025")):
        plan = _edited_plan(tmp_path, old, new)
        code, out, _ = invoke(*_check_plan(plan, "--baseline", baseline))
        gaps = [f for f in _json_report(out).values() if f["status"] in ("fail", "needs_attestation")]
        assert code == 1 and gaps and {f["baseline"] for f in gaps} == {"new"}, old


def test_a_baseline_from_before_identities_matches_gaps_by_rule(baseline, invoke):
    document = json.loads(baseline.read_text(encoding="utf-8"))
    for finding in document["findings"]:
        finding.pop("identity", None)
    baseline.write_text(json.dumps(document), encoding="utf-8")
    assert invoke(*CHECK, "--baseline", baseline)[0] == 0


def test_gap_identities_name_plan_paths_and_hide_values(invoke):
    findings = _json_report(invoke(*CHECK, "--format", "json")[1])
    identity = findings["mini-organ"]["identity"]
    assert identity and all(item.startswith("plan:organ.") for item in identity)
    assert "foreldre" not in json.dumps(identity)
    assert all("identity" not in finding for finding in findings.values() if finding["status"] == "pass")


LOG_CHECK = ("check", "--policy", "tests/data/logpack", "--plan", "tests/data/logschool/plan.yaml",
             "--log", "tests/data/logschool/log.csv", "--roster", "tests/data/logschool/roster.yaml",
             "--calendar", "tests/data/logschool/calendar.yaml", "--format", "json", "--lang", "en")


def test_a_log_gap_in_a_group_the_baseline_did_not_have_is_new(tmp_path, invoke):
    """The same rule failing for another pupil, class or channel is a new gap, not a known one."""
    document = json.loads(invoke(*LOG_CHECK)[1])
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(document), encoding="utf-8")
    assert _json_report(invoke(*LOG_CHECK, "--baseline", baseline)[1])["log-aula-andel"]["baseline"] == "known"
    gap = next(f for f in document["findings"] if f["rule_id"] == "log-aula-andel")
    assert len(gap["identity"]) == 2 and all(item.startswith("log:") for item in gap["identity"])
    gap["identity"] = gap["identity"][:1]  # the baseline saw the gap in one group only
    baseline.write_text(json.dumps(document), encoding="utf-8")
    assert _json_report(invoke(*LOG_CHECK, "--baseline", baseline)[1])["log-aula-andel"]["baseline"] == "new"
