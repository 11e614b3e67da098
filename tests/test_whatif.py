"""What-if audits: a municipality sees which schools a candidate number would fail before adopting it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from policycheck import api, logrun
from policycheck.audit.run import AuditRequest, merge_audits, run_audit
from policycheck.audit.shard import Shard
from policycheck.errors import UsageError
from policycheck.models.common import Status
from policycheck.reports.registry import AUDIT_REPORTERS
from policycheck.schemas import schema_validator

PLAN = ROOT / "examples" / "tromso-fjellvegen" / "plan.yaml"
AS_OF = dt.date(2026, 6, 1)
PLAN_RULE, LOG_RULE = "tro-svarer-paa-henvendelser", "tro-svar-paa-henvendelser"
SCHOOLS = 35
FIRST_MONDAY = dt.date(2025, 9, 1)


def declared_limit(index: int) -> int:
    """The reply limit school `index`'s plan promises: every third school promises 2 working days, the others 3."""
    return 2 if index % 3 == 0 else 3


def reply_days(index: int) -> int:
    """Working days the school took to answer its one inquiry: 1, 2 or 3 (Monday to Tuesday, Wednesday, Thursday)."""
    return 1 + index % 3 if index % 5 else 1


def write_municipality(out: Path, schools: int = SCHOOLS) -> Path:
    """Tromsø schools: the Fjellvegen plan with the reply limit each promises, and one inquiry each."""
    plan = PLAN.read_text(encoding="utf-8")
    for index in range(schools):
        folder = out / f"skole-{index + 1:02d}"
        folder.mkdir(parents=True)
        (folder / "plan.yaml").write_text(plan.replace("  svarfrist_virkedager: 3",
                                                       f"  svarfrist_virkedager: {declared_limit(index)}"), encoding="utf-8")
        reply = FIRST_MONDAY + dt.timedelta(days=reply_days(index))
        (folder / "log.csv").write_text(
            "id,date,type,school,class,pupil,roles,channel,thread,flags\n"
            f"1,{FIRST_MONDAY},henvendelse,Fjellvegen skole,1A,elev-1a-01,foresatt,aula,H1,\n"
            f"2,{reply},svar,Fjellvegen skole,1A,elev-1a-01,kontaktlaerer,aula,H1,\n", encoding="utf-8")
    return out


def expected_failing_at_two() -> set[str]:
    """The schools a 2-day limit fails that pass today's 3: a plan promising 3 days, or a reply on day 3."""
    return {f"skole-{index + 1:02d}" for index in range(SCHOOLS) if declared_limit(index) == 3 or reply_days(index) == 3}


@pytest.fixture(scope="module")
def municipality(tmp_path_factory) -> Path:
    return write_municipality(tmp_path_factory.mktemp("whatif") / "schools")


def _audit(schools: Path, policy: str = "tromso", **options):
    return run_audit(AuditRequest(policy=policy, schools_dir=schools, as_of=AS_OF, jobs=1, **options))


@pytest.fixture(scope="module")
def what_if_audit(municipality):
    return _audit(municipality, what_if=("svarfrist_virkedager=2",))


def test_a_two_day_reply_limit_lists_the_schools_it_would_fail(what_if_audit):
    what_if = what_if_audit.what_if
    failing = {change.folder for change in what_if.changes if change.after is Status.fail}
    assert failing == expected_failing_at_two()
    assert what_if.schools_changed == len(failing)
    assert {change.rule_id for change in what_if.changes} == {PLAN_RULE, LOG_RULE}
    assert all(change.before is Status.passed for change in what_if.changes)
    assert what_if.scenario == ["parameter svarfrist_virkedager: 3 -> 2, no decision recorded (--what-if svarfrist_virkedager=2)"]
    assert what_if.after.passed == what_if.before.passed - len(what_if.changes)


def test_today_is_unchanged_by_a_what_if(municipality, what_if_audit):
    plain = _audit(municipality)
    assert plain.what_if is None
    assert [school.statuses for school in plain.schools] == [school.statuses for school in what_if_audit.schools]
    assert plain.rule_results == what_if_audit.rule_results


def test_the_what_if_equals_the_audit_with_an_override_setting_the_value(municipality, what_if_audit, tmp_path):
    override = tmp_path / "svarfrist.yaml"
    override.write_text("kind: policy-override\nextends: tromso\nparameters:\n  svarfrist_virkedager: 2\n", encoding="utf-8")
    adopted = {school.folder: school for school in _audit(municipality, policy=str(override)).schools}
    assert {school.folder: school.what_if for school in what_if_audit.schools} == \
        {folder: school.statuses for folder, school in adopted.items()}
    shares = {change.key: change.after for change in what_if_audit.what_if.schools}
    assert shares == {folder: adopted[folder].compliance.share for folder in shares}


def test_a_candidate_override_file_is_a_scenario(municipality, what_if_audit, tmp_path):
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text("kind: policy-override\nextends: tromso\nparameters:\n"
                         "  svarfrist_virkedager: {value: 2, decided_by: Oppvekstutvalget, reference: PS 3/2026, date: 2026-02-01}\n"
                         f"rules:\n  {LOG_RULE}: {{disabled: Loggen fra fagsystemet kommer først til høsten}}\n", encoding="utf-8")
    audit = _audit(municipality, what_if_file=candidate)
    assert f"rule {LOG_RULE} disabled" in audit.what_if.scenario[1]
    assert "decided by Oppvekstutvalget (PS 3/2026, 2026-02-01)" in audit.what_if.scenario[0]
    disabled = [change for change in audit.what_if.changes if change.rule_id == LOG_RULE]
    assert len(disabled) == SCHOOLS - sum(1 for s in audit.schools if s.statuses[LOG_RULE] is Status.not_applicable)
    assert all(change.after is None for change in disabled)
    plan_changes = [change.folder for change in audit.what_if.changes if change.rule_id == PLAN_RULE]
    assert plan_changes == [change.folder for change in what_if_audit.what_if.changes if change.rule_id == PLAN_RULE]
    assert LOG_RULE not in audit.what_if.severities
    shown = AUDIT_REPORTERS["table"].render_audit(audit.model_copy(update={"language": "en"})).split("What if:")[1]
    assert LOG_RULE in shown and "rule disabled" in shown


def test_each_school_is_read_once_for_both_scenarios(municipality, monkeypatch):
    """One pass: the plan, the roster/calendar and the log of each school are read once, not once per scenario."""
    calls = {"plan": 0, "prepare": 0, "events": 0}

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(api, "read_plan", counting("plan", api.read_plan))  # the what-if reads through api.read_plan_in_force
    monkeypatch.setattr(logrun, "prepare", counting("prepare", logrun.prepare))
    monkeypatch.setattr(logrun, "read_logs", counting("events", logrun.read_logs))
    audit = _audit(municipality, what_if=("svarfrist_virkedager=2",))
    assert audit.what_if.changes
    assert calls == {"plan": SCHOOLS, "prepare": SCHOOLS, "events": SCHOOLS}


@pytest.mark.parametrize("assignment, message", [
    ("svarfrist_virkedagr=2", "unknown parameter 'svarfrist_virkedagr' (did you mean 'svarfrist_virkedager'?)"),
    ("svarfrist_virkedager=0", "parameter 'svarfrist_virkedager': 0 is below the minimum 1"),
    ("svarfrist_virkedager=to", "expected a value like the default 3, got 'to'"),
    ("svarfrist_virkedager", "--what-if takes PARAMETER=VALUE"),
])
def test_a_bad_what_if_is_refused_with_exit_2(municipality, assignment, message):
    result = run_cli("audit", municipality, "--policy", "tromso", "--what-if", assignment, "-j", "1")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_candidate_for_another_pack_is_refused(municipality, tmp_path):
    candidate = tmp_path / "vest.yaml"
    candidate.write_text("kind: policy-override\nextends: vest\n", encoding="utf-8")
    with pytest.raises(UsageError, match="extends pack 'vest', but the audit is of pack 'tromso'"):
        _audit(municipality, what_if_file=candidate)


def test_a_bad_candidate_file_is_refused_at_its_line(municipality, tmp_path):
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text("kind: policy-override\nextends: tromso\nparameters:\n  svarfrist_virkedager: 0\n", encoding="utf-8")
    result = run_cli("audit", municipality, "--policy", "tromso", "--what-if-file", candidate, "-j", "1")
    assert result.exit_code == 2
    assert f"{candidate}:4:3: parameter 'svarfrist_virkedager': 0 is below the minimum 1" in result.stderr


@pytest.fixture(scope="module")
def rendered(municipality, tmp_path_factory) -> Path:
    """One CLI run writing the what-if audit in every format that shows it."""
    out = tmp_path_factory.mktemp("rendered")
    result = run_cli("audit", municipality, "--policy", "tromso", "--what-if", "svarfrist_virkedager=2", "-j", "1",
                     "--as-of", AS_OF.isoformat(), "--lang", "en", "--output-dir", out,
                     *[option for fmt in ("table", "markdown", "html", "json") for option in ("--format", fmt)])
    assert result.exit_code == 1, result.stderr  # the schools have gaps today
    return out


@pytest.mark.parametrize("extension, heading", [("txt", "What if:"), ("md", "## What if:"), ("html", "<h2>What if:")])
def test_every_format_shows_the_what_if(rendered, extension, heading):
    output = (rendered / f"report.{extension}").read_text(encoding="utf-8")
    assert heading in output
    assert f"{len(expected_failing_at_two())} schools would get another verdict" in output
    assert "skole-02" in output.split("What if:")[1]


def test_the_html_summary_leads_with_the_what_if(rendered):
    summary = (rendered / "report.html").read_text(encoding="utf-8").split('<section class="summary"')[1].split("</section>")[0]
    assert "<h3>What if</h3>" in summary and f'<p class="big">{len(expected_failing_at_two())} / {SCHOOLS}</p>' in summary


def test_the_json_holds_the_what_if_and_validates(rendered):
    document = json.loads((rendered / "report.json").read_text(encoding="utf-8"))
    schema_validator("audit").validate(document)
    assert document["what_if"]["schools_changed"] == len(expected_failing_at_two())


def test_the_nb_summary_is_grammatical(what_if_audit):
    from policycheck.reports.audit_rows import what_if_summary
    summary = what_if_summary(what_if_audit, what_if_audit.what_if)
    assert f"{len(expected_failing_at_two())} skoler ville fått en annen vurdering" in summary
    one = what_if_audit.what_if.model_copy(update={"schools_changed": 1})
    assert "1 skole ville fått en annen vurdering" in what_if_summary(what_if_audit, one)


def test_shards_with_a_what_if_merge_into_the_one_run(tmp_path):
    schools, what_if = write_municipality(tmp_path / "schools", schools=8), ("svarfrist_virkedager=2",)
    paths = []
    for index in (1, 2):
        shard = _audit(schools, what_if=what_if, shard=Shard(index, 2))
        paths.append(tmp_path / f"shard-{index}.json")
        paths[-1].write_text(shard.model_dump_json(by_alias=True), encoding="utf-8")
    merged, one_run = merge_audits(paths), _audit(schools, what_if=what_if)
    assert merged.what_if.changes and merged.what_if.model_dump() == one_run.what_if.model_dump()
