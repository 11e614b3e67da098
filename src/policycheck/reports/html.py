"""`html`: one self-contained page (no external assets; one inline script sorts tables) that prints on A4
and reads on a phone. The audit page leads with a summary for readers who have a minute."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.audit import AuditReport, SchoolGap, SchoolResult
from policycheck.models.report import Finding, Report
from policycheck.reports.audit_rows import audit_heading, sections
from policycheck.reports.heatmap import drill_down, heatmap
from policycheck.reports.summary import audit_summary
from policycheck.reports.base import gaps, heading, locations, log_evidence, message_with_notes, notes, ordered, summary_line
from policycheck.reports.htmlkit import badge, esc, gap_card, markdown_paragraphs, page, table


class HtmlReporter:
    name = "html"
    description = "a self-contained HTML page with the source quote beside each gap"
    extension = "html"

    def render(self, report: Report) -> str:
        lang = report.language
        body = [f"<h1>{esc(heading(report))}</h1>", f"<p>{esc(summary_line(report))}</p>",
                f"<h2>{esc(text('heading.gaps', lang))}</h2>", gap_cards(report.findings, lang),
                f"<h2>{esc(text('heading.findings', lang))}</h2>", _findings_table(report)]
        return page(heading(report), lang, "\n".join(body))

    def render_audit(self, audit: AuditReport) -> str:
        lang = audit.language
        body = [f"<h1>{esc(audit_heading(audit))}</h1>", audit_summary(audit),
                f"<h2>{esc(text('heading.by_section', lang))}</h2>", heatmap(audit),
                f"<h2>{esc(text('heading.rules_by_section', lang))}</h2>", drill_down(audit)]
        body += [f"<h2>{esc(section.title)}</h2>\n" + table(section.headers, [[esc(c) for c in row] for row in section.rows])
                 for section in sections(audit)]
        body += [_school_section(audit, school) for school in audit.schools]
        return page(audit_heading(audit), lang, "\n".join(body))


def gap_cards(findings: list[Finding], lang: str) -> str:
    """Each gap as a card with its source quote beside it (shared with the audit page)."""
    found = gaps(findings)
    if not found:
        return f"<p>{esc(text('heading.no_gaps', lang))}</p>"
    return "\n".join(gap_card(f"{f.rule_id}: {f.title}", _details(f, lang), f.source.quote, f.source.section)
                     for f in found)


def _details(finding: Finding, lang: str) -> list[str]:
    details = [f"<p>{badge(finding.status, lang)} {esc(text(f'severity.{finding.severity.value}', lang))}</p>",
               f"<p>{esc(finding.message)}</p>"]
    if finding.remediation:
        details.append(_remediation(finding.remediation, lang))
    evidence = log_evidence(finding)
    if evidence:
        details.append(f'<p class="meta">{esc(text("heading.evidence", lang))}:</p><ul class="evidence">'
                       + "".join(f"<li>{esc(line)}</li>" for line in evidence) + "</ul>")
    if locations(finding):
        details.append(f'<p class="meta"><code>{esc(locations(finding))}</code></p>')
    details += [f'<p class="note">{esc(note)}</p>' for note in notes(finding, lang)]
    return details


def _remediation(markdown: str, lang: str) -> str:
    """The remediation's Markdown rendered, its label leading the first paragraph."""
    first, *rest = markdown_paragraphs(markdown) or [""]
    label = f"<strong>{esc(text('heading.remediation', lang))}:</strong>"
    return f'<div class="remediation"><p>{label} {first}</p>' + "".join(f"<p>{p}</p>" for p in rest) + "</div>"


def _findings_table(report: Report) -> str:
    lang = report.language
    headers = [text(f"heading.{name}", lang) for name in ("status", "severity", "rule", "section", "message")]
    rows = [[badge(f.status, lang), esc(text(f"severity.{f.severity.value}", lang)),
             f"{esc(f.rule_id)}<br><span class=\"meta\">{esc(f.title)}</span>", esc(f.source.section),
             esc(message_with_notes(f, lang))] for f in ordered(report.findings)]
    return table(headers, rows)


def _school_section(audit: AuditReport, school: SchoolResult) -> str:
    """A section per school: its gaps, each with the rule's source quote beside it."""
    lang, rules = audit.language, {rule.id: rule for rule in audit.rules}
    title = f"{school.name or school.folder} ({school.folder})"
    if school.error is not None:
        content = f"<p>{badge(None, lang)}</p><pre>{esc(school.error)}</pre>"
    elif not school.gaps:
        content = f"<p>{esc(text('heading.no_gaps', lang))}</p>"
    else:
        content = "\n".join(gap_card(f"{gap.rule_id}: {rules[gap.rule_id].title}", _gap_details(gap, rules, lang),
                                      rules[gap.rule_id].quote, rules[gap.rule_id].section) for gap in school.gaps)
    return f'<section class="school" id="school-{esc(school.folder)}">\n<h2>{esc(title)}</h2>\n{content}\n</section>'


def _gap_details(gap: SchoolGap, rules: dict, lang: str) -> list[str]:
    rule = rules[gap.rule_id]
    details = [f"<p>{badge(gap.status, lang)} {esc(text(f'severity.{rule.severity.value}', lang))}</p>",
               f"<p>{esc(gap.message)}</p>"]
    if gap.status.is_gap:
        details.append(_remediation(rule.remediation, lang))
    if gap.location:
        details.append(f'<p class="meta"><code>{esc(gap.location)}</code></p>')
    return details + [f'<p class="note">{esc(note)}</p>' for note in gap.notes]
