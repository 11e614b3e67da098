"""`html`: one self-contained page (no scripts, no external assets) that prints well."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.report import Finding, Report
from policycheck.reports.base import gaps, heading, locations, message_with_notes, notes, ordered, summary_line
from policycheck.reports.htmlkit import badge, esc, gap_card, page, table


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
        details.append(f"<p><strong>{esc(text('heading.remediation', lang))}:</strong> {esc(finding.remediation)}</p>")
    if locations(finding):
        details.append(f'<p class="meta"><code>{esc(locations(finding))}</code></p>')
    details += [f'<p class="note">{esc(note)}</p>' for note in notes(finding, lang)]
    return details


def _findings_table(report: Report) -> str:
    lang = report.language
    headers = [text(f"heading.{name}", lang) for name in ("status", "severity", "rule", "section", "message")]
    rows = [[badge(f.status, lang), esc(text(f"severity.{f.severity.value}", lang)),
             f"{esc(f.rule_id)}<br><span class=\"meta\">{esc(f.title)}</span>", esc(f.source.section),
             esc(message_with_notes(f, lang))] for f in ordered(report.findings)]
    return table(headers, rows)
