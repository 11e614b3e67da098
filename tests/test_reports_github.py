"""GitHub workflow commands: one annotation per gap, escaped as the runner expects."""

from __future__ import annotations

from policycheck.reports.github import GithubReporter, escape_data, escape_property


def test_escaping():
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_annotation_per_gap_pointing_at_the_plan(minireport):
    report = minireport("en")
    lines = GithubReporter().render(report).splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == report.summary.gaps
    assert annotations[1].startswith("::error file=tests/data/plan-gaps.yaml,line=12,col=17,title=mini-organ%3A")
    # mini-samtaler is required in the pack but rests on the pack's reading of a number: capped, a warning
    assert any(a.startswith("::warning file=tests/data/plan-gaps.yaml,line=10,col=11,title=mini-samtaler%3A")
               for a in annotations)


def test_a_message_cannot_start_a_new_command(minireport):
    report = minireport()
    finding = report.findings[0].model_copy(update={"message": "x\n::error::injected"})
    rendered = GithubReporter().render(report.model_copy(update={"findings": [finding]}))
    assert "\n::error::injected" not in rendered


def test_audit_annotates_each_school_plan_and_each_broken_school(invoke):
    code, out, _ = invoke("audit", "tests/data/municipality", "--policy", "tests/data/minipack", "--as-of", "2025-09-01",
                          "--format", "github")
    lines = out.splitlines()
    assert any(line.startswith("::error file=tests/data/municipality/skole-01/plan.yaml,line=11,col=1,title=") for line in lines)
    broken = [line for line in lines if line.startswith("::error title=skole-03")]
    assert len(broken) == 1 and "skole-03/plan.yaml:10:14" in broken[0]
    assert all(line.startswith("::") for line in lines[:-1]) and code == 2
