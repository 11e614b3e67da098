"""The audit's tables as plain rows, shared by the table, markdown and HTML renderers."""

from __future__ import annotations

from dataclasses import dataclass

from policycheck.messages import text
from policycheck.models.audit import AuditReport, Change, RuleResult, WhatIf
from policycheck.models.common import Severity, Status


@dataclass(frozen=True)
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]


def percent(share: float | None, lang: str) -> str:
    """A share as a whole percentage written as the language does ('97%', '97 %')."""
    return "–" if share is None else text("value.percent", lang, value=round(share * 100))


def signed(delta: float | None, lang: str) -> str:
    return "–" if delta is None else text("value.percent", lang, value=f"{round(delta * 100):+d}")


def audit_heading(audit: AuditReport) -> str:
    policy = audit.policy
    line = text("heading.audit", audit.language, n=len(audit.schools), policy=policy.title, pack=policy.id,
                version=policy.version, as_of=audit.as_of.isoformat())
    return f"{line} [{audit.shard}]" if audit.shard else line


def sections(audit: AuditReport) -> list[Section]:
    """Schools, rules, most common gaps, broken inputs and the comparison: those that have rows."""
    found = [_overrides(audit), _schools(audit), _rules(audit, audit.rule_results, "heading.rules"),
             _rules(audit, audit.most_common_gaps, "heading.most_common"), _broken(audit)]
    if audit.comparison:
        found += [_changes(audit, audit.comparison.schools, "heading.schools"),
                  _changes(audit, audit.comparison.rules, "heading.rules")]
    if audit.what_if:
        found += what_if_sections(audit, audit.what_if)
    return [section for section in found if section.rows]


def _overrides(audit: AuditReport) -> Section:
    """The override files applied and what each changed, level by level for a chain."""
    title = text("heading.overrides", audit.language)
    return Section(title, [title], [[override] for override in audit.policy.overrides])


def _headers(lang: str, *names: str) -> list[str]:
    return [text(f"heading.{name}", lang) for name in names]


def _schools(audit: AuditReport) -> Section:
    lang = audit.language
    rows = [[s.folder, s.name or "", percent(s.compliance.share, lang) if s.compliance else text("status.broken", lang),
             str(sum(1 for gap in s.gaps if gap.status.is_gap)) if s.error is None else "–"] for s in audit.schools]
    title = f"{text('heading.schools', lang)} ({text('audit.share_method', lang)})"
    return Section(title, _headers(lang, "folder", "school", "compliance", "gap_count"), rows)


def _rules(audit: AuditReport, results: list[RuleResult], title: str) -> Section:
    lang, info = audit.language, {rule.id: rule for rule in audit.rules}
    rows = [[r.rule_id, info[r.rule_id].title, severity_label(info[r.rule_id].severity, lang),
             percent(r.compliance.share, lang), "–" if r.gaps is None else str(r.gaps)] for r in results]
    headers = _headers(lang, "rule", "title", "severity", "compliance", "schools_with_gap")
    return Section(text(title, lang), headers, rows)


def severity_label(severity: Severity, lang: str) -> str:
    return text(f"severity.{severity.value}", lang)


def _broken(audit: AuditReport) -> Section:
    lang = audit.language
    rows = [[s.folder, s.error or ""] for s in audit.broken]
    return Section(text("heading.broken", lang), _headers(lang, "folder", "error"), rows)


def _changes(audit: AuditReport, changes: list[Change], what: str) -> Section:
    lang = audit.language
    title = f"{text('heading.change', lang)} ({audit.comparison.previous_as_of}): {text(what, lang)}"
    rows = [[c.key, percent(c.before, lang), percent(c.after, lang), signed(c.delta, lang)] for c in changes]
    return Section(title, [text(what, lang)] + _headers(lang, "before", "after", "delta"), rows)


def what_if_summary(audit: AuditReport, what_if: WhatIf) -> str:
    lang = audit.language
    return text("what_if.summary", lang, changes="; ".join(what_if.scenario), n=what_if.schools_changed,
                before=percent(what_if.before.share, lang), after=percent(what_if.after.share, lang))


def what_if_sections(audit: AuditReport, what_if: WhatIf) -> list[Section]:
    """The rules the scenario changes (with their shares today and with it), each school x rule verdict it
    changes, and the shares of the schools it touches. Always the first, so a what-if that changes nothing says so."""
    lang, info = audit.language, {rule.id: rule for rule in audit.rules}
    title = f"{text('heading.what_if', lang)}: {what_if_summary(audit, what_if)}"
    rules = [[r.rule_id, info[r.rule_id].title, str(r.schools_changed), percent(r.before.share, lang),
              percent(r.after.share, lang)] for r in what_if.rules]
    verdicts = [[c.folder, c.rule_id, _verdict(c.before, lang), _verdict(c.after, lang)] for c in what_if.changes]
    schools = [[c.key, percent(c.before, lang), percent(c.after, lang), signed(c.delta, lang)] for c in what_if.schools]
    return [Section(title, _headers(lang, "rule", "title", "schools_changed", "today", "with_what_if"), rules or [["–"] * 5]),
            Section(text("heading.what_if_verdicts", lang), _headers(lang, "folder", "rule", "today", "with_what_if"), verdicts),
            Section(text("heading.what_if_schools", lang), _headers(lang, "folder", "today", "with_what_if", "delta"), schools)]


def _verdict(status: Status | None, lang: str) -> str:
    return text("what_if.disabled", lang) if status is None else text(f"status.{status.value}", lang)
