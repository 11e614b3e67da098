"""The municipality audit: parallel checks, broken schools, aggregation, shards and merge."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tempfile
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_cli
from policycheck.audit.aggregate import build_audit
from policycheck.audit.progress import Progress
from policycheck.audit.run import AuditRequest, merge_audits, run_audit
from policycheck.audit.shard import Shard
from policycheck.errors import UsageError
from policycheck.models.audit import RuleInfo, SchoolResult
from policycheck.models.common import Severity, Status
from policycheck.models.report import PolicyRef
from policycheck.schemas import schema_validator

sys.path.insert(0, str(ROOT / "examples" / "municipality"))
import generate  # noqa: E402

AS_OF = dt.date(2025, 9, 1)
MINIPACK = "tests/data/minipack"


@pytest.fixture(scope="module")
def municipality(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("municipality")
    generate.generate(out, schools=35, seed=7)
    return out


def _audit(schools_dir: Path, **options):
    return run_audit(AuditRequest(policy=MINIPACK, schools_dir=schools_dir, as_of=AS_OF, jobs=1, **options))


def test_every_school_is_checked_and_a_broken_one_is_reported(municipality):
    audit = _audit(municipality)
    assert len(audit.schools) == 35
    assert [school.folder for school in audit.broken] == ["skole-03"]
    assert "plan.yaml:10:14: not valid YAML" in audit.broken[0].error
    assert audit.exit_code(Severity.required) == 2
    schema_validator("audit").validate(json.loads(audit.model_dump_json(by_alias=True)))


def test_manifest_names_another_plan_file(municipality):
    school = next(s for s in _audit(municipality).schools if s.folder == "skole-02")
    assert school.error is None and school.name == "Sjøvegen skole"


def test_manifest_may_not_point_outside_the_school_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "school.yaml").write_text("plan: ../../etc/passwd\n", encoding="utf-8")
    assert "inside the school's folder" in _audit(tmp_path).schools[0].error


def test_parallel_run_equals_serial_run(municipality):
    parallel = run_audit(AuditRequest(policy=MINIPACK, schools_dir=municipality, as_of=AS_OF, jobs=2))
    assert parallel == _audit(municipality)


def test_compliance_per_school_and_per_rule(municipality):
    audit = _audit(municipality)
    school = next(s for s in audit.schools if s.folder == "skole-01")
    weight = {rule.id: {"required": 3, "recommended": 2, "advisory": 1}[rule.severity.value]
              for rule in audit.rules if rule.bearer.is_school}
    applicable = {rule_id: s for rule_id, s in school.statuses.items() if s is not Status.not_applicable and rule_id in weight}
    passed = sum(weight[rule_id] for rule_id, s in applicable.items() if s is Status.passed)
    assert school.compliance.share == round(passed / sum(weight[rule_id] for rule_id in applicable), 4)
    gaps = [r.gaps for r in audit.most_common_gaps]
    assert gaps == sorted(gaps, reverse=True)


def test_small_groups_show_no_share(municipality):
    audit = _audit(municipality, min_group=100)
    assert all(result.compliance.share is None for result in audit.rule_results)


def test_compare_shows_change_per_school_and_rule(municipality, tmp_path):
    previous = tmp_path / "previous.json"
    audit = _audit(municipality)
    document = json.loads(audit.model_dump_json(by_alias=True))
    document["schools"][0]["compliance"]["share"] = 0.0
    document["rule_results"][0]["compliance"]["share"] = 0.5
    previous.write_text(json.dumps(document), encoding="utf-8")
    comparison = _audit(municipality, compare=previous).comparison
    first_school, first_rule = comparison.schools[0], comparison.rules[0]
    assert first_school.delta == audit.schools[0].compliance.share
    assert first_rule.delta == round(audit.rule_results[0].compliance.share - 0.5, 4)


def test_shard_parse():
    assert Shard.parse("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "x", "1/0"):
        with pytest.raises(UsageError):
            Shard.parse(bad)


def test_shards_then_merge_on_the_command_line(municipality, tmp_path, invoke):
    base = ("audit", municipality, "--policy", MINIPACK, "--as-of", "2025-09-01", "--jobs", "1", "--format", "json")
    _, whole, _ = invoke(*base)
    paths = []
    for index in (1, 2, 3):
        paths.append(tmp_path / f"shard-{index}.json")
        assert invoke(*base, "--shard", f"{index}/3", "-o", paths[-1])[0] in (0, 1, 2)
    code, merged, _ = invoke("merge", *paths, "--format", "json")
    assert merged == whole and code == 2


RULES = [RuleInfo(id=f"r-{i}", title="t", severity=Severity.required, section="1", quote="q", remediation="r")
         for i in range(3)]
HEADER = {"tool_version": "0", "language": "en", "as_of": AS_OF, "policy": PolicyRef(id="p", version="1.0.0", title="P")}
SCHOOLS = st.lists(
    st.builds(lambda folder, statuses: SchoolResult(folder=folder, statuses=dict(zip([r.id for r in RULES], statuses))),
              st.text("abcdefghij-", min_size=1, max_size=8), st.lists(st.sampled_from(list(Status)), min_size=3, max_size=3)),
    unique_by=lambda school: school.folder, max_size=12)


@settings(max_examples=25, deadline=None)
@given(schools=SCHOOLS, count=st.integers(1, 5))
def test_shard_then_merge_equals_one_run(schools, count):
    whole = build_audit(HEADER, RULES, schools, min_group=2)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(1, count + 1):
            shard = Shard(index, count)
            part = [school for school in schools if shard.contains(school.folder)]
            paths.append(Path(folder) / f"{index}.json")
            audit = build_audit(HEADER, RULES, part, min_group=2, shard=str(shard))
            paths[-1].write_text(audit.model_dump_json(by_alias=True), encoding="utf-8")
        assert merge_audits(paths) == whole


def test_merge_refuses_a_school_in_two_shards(tmp_path):
    audit = build_audit(HEADER, RULES, [SchoolResult(folder="a", statuses={})], min_group=1)
    for name in ("1.json", "2.json"):
        (tmp_path / name).write_text(audit.model_dump_json(by_alias=True), encoding="utf-8")
    with pytest.raises(UsageError, match="more than one shard: a"):
        merge_audits([tmp_path / "1.json", tmp_path / "2.json"])


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert not Progress(io.StringIO()).enabled
    stream = _Tty()
    progress = Progress(stream)
    progress.start(2)
    progress.advance()
    assert "1/2" in stream.getvalue()
    monkeypatch.setenv("CI", "true")
    assert not Progress(_Tty()).enabled


def test_generator_is_reproducible(tmp_path):
    generate.generate(tmp_path / "a", schools=4, seed=3)
    generate.generate(tmp_path / "b", schools=4, seed=3)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_audit_reads_each_schools_log_and_roster_by_convention(tmp_path):
    """A school folder holding log.csv and roster.yaml is checked like `check --log --roster`."""
    schools = tmp_path / "schools"
    shutil.copytree(ROOT / "tests" / "data" / "logschool", schools / "a-skole")
    shutil.copytree(ROOT / "tests" / "data" / "logschool", schools / "b-skole")
    (schools / "b-skole" / "log.csv").write_text("id,date\nx,31.02.2025\n", encoding="utf-8")
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=schools, as_of=dt.date(2026, 6, 30), jobs=1))
    good, broken = audit.schools
    assert good.statuses["log-aula-andel"] is Status.fail
    assert all(status is Status.passed for rule, status in good.statuses.items() if rule != "log-aula-andel")
    assert broken.error is not None and "log.csv" in broken.error


def test_manifest_names_log_files_inside_the_folder(tmp_path):
    school = tmp_path / "schools" / "c-skole"
    shutil.copytree(ROOT / "tests" / "data" / "logschool", school)
    (school / "log.csv").rename(school / "hendelser.csv")
    (school / "school.yaml").write_text("logs: [hendelser.csv]\nroster: roster.yaml\n", encoding="utf-8")
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=tmp_path / "schools",
                                   as_of=dt.date(2026, 6, 30), jobs=1))
    assert audit.schools[0].statuses["log-aula-andel"] is Status.fail
    (school / "school.yaml").write_text("logs: [../../elsewhere.csv]\n", encoding="utf-8")
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=tmp_path / "schools",
                                   as_of=dt.date(2026, 6, 30), jobs=1))
    assert "must be a path inside the school's folder" in audit.schools[0].error


def test_an_audit_over_logs_names_no_pupil(tmp_path):
    """Audits aggregate over schools: the pupils behind a log finding stay in the school's own report."""
    schools = tmp_path / "schools"
    shutil.copytree(ROOT / "tests" / "data" / "logschool", schools / "a-skole")
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=schools, as_of=dt.date(2026, 6, 30), jobs=1))
    text = audit.model_dump_json()
    assert not any(pseudonym in text for pseudonym in ('"P1"', '"P2"', '"P3"', "KL1", "KL8"))
    assert any(gap.rule_id == "log-aula-andel" for gap in audit.schools[0].gaps)


def test_a_symlink_out_of_the_school_folder_is_refused(tmp_path):
    schools = tmp_path / "schools"
    shutil.copytree(ROOT / "tests" / "data" / "logschool", schools / "a-skole")
    outside = tmp_path / "other-school-log.csv"
    (schools / "a-skole" / "log.csv").rename(outside)
    (schools / "a-skole" / "log.csv").symlink_to(outside)
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=schools, as_of=dt.date(2026, 6, 30), jobs=1))
    assert "leads outside the school's folder" in audit.schools[0].error


def test_without_a_date_each_school_is_judged_as_check_judges_it(tmp_path):
    """No --as-of: a plan for a school year that is over is judged as of 31 July ending it, in the
    audit as in `check`, so a principal and the municipality see the same result."""
    schools = tmp_path / "schools"
    for folder, year in (("a-skole", "2024-2025"), ("b-skole", "2023-2024")):
        shutil.copytree(ROOT / "tests" / "data" / "logschool", schools / folder)
        plan = schools / folder / "plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("2025-2026", year), encoding="utf-8")
    audit = run_audit(AuditRequest(policy="tests/data/logpack", schools_dir=schools, jobs=1))
    assert [school.as_of for school in audit.schools] == [dt.date(2025, 7, 31), dt.date(2024, 7, 31)]
    assert audit.as_of == dt.date(2025, 7, 31)
    for school in audit.schools:
        folder = schools / school.folder
        inputs = [f"--{name}={folder / file}" for name, file in
                  (("plan", "plan.yaml"), ("log", "log.csv"), ("roster", "roster.yaml"), ("calendar", "calendar.yaml"))]
        report = json.loads(run_cli("check", "-p", "tests/data/logpack", *inputs, "--format", "json").stdout)
        assert report["as_of"] == school.as_of.isoformat()
        assert {f["rule_id"]: f["status"] for f in report["findings"]} == {k: v.value for k, v in school.statuses.items()}


def _rule(rule_id: str, severity: str, bearer: str = "school") -> RuleInfo:
    return RuleInfo(id=rule_id, title=rule_id, severity=severity, bearer=bearer, section="1", quote="q", remediation="r")


def _share(rules: list[RuleInfo], statuses: dict[str, Status]) -> float:
    header = {"tool_version": "0", "language": "en", "as_of": AS_OF, "policy": PolicyRef(id="p", version="1.0.0", title="P")}
    school = SchoolResult(folder="a", statuses=statuses)
    return build_audit(header, rules, [school], min_group=1).schools[0].compliance.share


def test_a_school_cannot_raise_its_share_by_passing_parents_expectations():
    own = [_rule("skal-1", "required"), _rule("skal-2", "required"), _rule("boer", "recommended")]
    statuses = {"skal-1": Status.passed, "skal-2": Status.fail, "boer": Status.passed}
    tags = [_rule(f"forventning-{i}", "advisory", bearer="parents") for i in range(13)]
    with_tags = {**statuses, **{rule.id: Status.passed for rule in tags}}
    assert _share(own, statuses) == _share(own + tags, with_tags) == round(5 / 8, 4)


def test_a_school_share_weights_rules_by_severity():
    rules = [_rule("skal", "required"), _rule("kan", "advisory")]
    assert _share(rules, {"skal": Status.fail, "kan": Status.passed}) == 0.25
    assert _share(rules, {"skal": Status.passed, "kan": Status.fail}) == 0.75


def test_the_audit_report_says_how_the_share_is_computed(municipality):
    result = run_cli("audit", str(municipality), "--policy", MINIPACK, "--as-of", "2025-09-01", "--lang", "nb")
    assert "vektet andel oppfylte regler" in result.stdout and "(påkrevd teller 3, anbefalt 2, veiledende 1" in result.stdout
    assert "regler som retter seg mot foreldre, FAU eller andre utenfor skolen, telles ikke med" in result.stdout
