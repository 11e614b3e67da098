"""The audit page's opening summary: schools that meet every rule, the most common gaps, and the
change since the previous audit as a small inline SVG bar chart."""

from __future__ import annotations

from statistics import mean

from policycheck.messages import text
from policycheck.models.audit import AuditReport, Comparison
from policycheck.reports.audit_rows import percent, signed, what_if_summary
from policycheck.reports.htmlkit import esc

COMMON_SHOWN = 5
BAR_WIDTH, BAR_HEIGHT, LABEL_WIDTH = 220, 18, 70


def audit_summary(audit: AuditReport) -> str:
    lang = audit.language
    boxes = [_compliant(audit), _common(audit), _change(audit)] + ([_what_if(audit)] if audit.what_if else [])
    return (f'<section class="summary" aria-label="{esc(text("heading.summary_audit", lang))}">'
            + "".join(f"<div>{box}</div>" for box in boxes) + "</section>")


def fully_compliant(audit: AuditReport) -> int:
    """Schools checked without a gap (waived gaps do not count against a school)."""
    return sum(1 for school in audit.schools if school.error is None and not any(g.status.is_gap for g in school.gaps))


def _compliant(audit: AuditReport) -> str:
    lang, total, compliant = audit.language, len(audit.schools), fully_compliant(audit)
    html = (f'<p class="big">{compliant} / {total}</p>'
            f"<p>{esc(text('summary.compliant', lang, compliant=compliant, total=total))}</p>")
    if audit.broken:
        html += f"<p>{esc(text('summary.broken', lang, count=len(audit.broken)))}</p>"
    return html


def _common(audit: AuditReport) -> str:
    lang, titles = audit.language, {rule.id: rule.title for rule in audit.rules}
    heading = f"<h3>{esc(text('heading.most_common', lang))}</h3>"
    if not audit.most_common_gaps:
        return heading + f"<p>{esc(text('summary.no_common', lang))}</p>"
    items = [text("summary.gap_item", lang, title=titles[r.rule_id], gaps=r.gaps, total=len(audit.schools))
             for r in audit.most_common_gaps[:COMMON_SHOWN]]
    return heading + "<ol>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ol>"


def _change(audit: AuditReport) -> str:
    lang = audit.language
    heading = f"<h3>{esc(text('heading.change', lang))}</h3>"
    if audit.comparison is None:
        return heading + f"<p>{esc(text('summary.no_comparison', lang))}</p>"
    before, after = _averages(audit.comparison)
    delta = None if before is None or after is None else after - before
    line = text("summary.change", lang, before=percent(before, lang), after=percent(after, lang), delta=signed(delta, lang),
                previous=audit.comparison.previous_as_of.isoformat())
    return heading + _bars(audit, before, after) + f"<p>{esc(line)}</p>"


def _what_if(audit: AuditReport) -> str:
    """The what-if in a sentence, for the reader who has a minute (the section below has the schools)."""
    lang, what_if = audit.language, audit.what_if
    return (f"<h3>{esc(text('heading.what_if', lang))}</h3>"
            f'<p class="big">{what_if.schools_changed} / {len(audit.schools)}</p>'
            f"<p>{esc(what_if_summary(audit, what_if))}</p>")


def _averages(comparison: Comparison) -> tuple[float | None, float | None]:
    befores = [change.before for change in comparison.schools if change.before is not None]
    afters = [change.after for change in comparison.schools if change.after is not None]
    return (mean(befores) if befores else None, mean(afters) if afters else None)


def _bars(audit: AuditReport, before: float | None, after: float | None) -> str:
    """Two horizontal bars, before and now, each labelled with its share."""
    lang = audit.language
    rows = [(f"{text('heading.before', lang)} ({audit.comparison.previous_as_of.isoformat()})", before, "#9e9e9e"),
            (text("heading.after", lang), after, "#1565c0")]
    width, height = LABEL_WIDTH + BAR_WIDTH + 50, len(rows) * (BAR_HEIGHT + 6) + 16
    parts = []
    for index, (label, share, colour) in enumerate(rows):
        y = index * (BAR_HEIGHT + 6)
        length = round(BAR_WIDTH * (share or 0))
        parts.append(f'<text x="0" y="{y + 13}" font-size="11">{esc(label.split(" (")[0])}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#eee"/>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{colour}"><title>{esc(label)}: {esc(percent(share, lang))}</title></rect>'
                     f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 13}" font-size="12">{esc(percent(share, lang))}</text>')
    return (f'<svg class="change" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" aria-label="{esc(text("heading.change", lang))}">'
            + "".join(parts) + "</svg>")
