"""The schools x sections heatmap (inline SVG, all text escaped), its legend and the drill-down to rules.

A pack of 95 rules cannot show a readable column per rule, so a column is a section of the
source document (the rule's `source.section`, in the pack's order) and a cell is the school's
worst status among that section's rules, in colour and with its symbol. The drill-down lists
each section's rules with their compliance and the schools that have the gap. The SVG keeps its
natural size (labels at 12 px) and scrolls sideways inside its box when the screen is narrower.
"""

from __future__ import annotations

from dataclasses import dataclass

from policycheck.messages import text
from policycheck.models.audit import AuditReport, RuleInfo, SchoolResult
from policycheck.models.common import Status
from policycheck.reports.audit_rows import percent, severity_label
from policycheck.reports.base import STATUS_ORDER, status_label
from policycheck.reports.htmlkit import BROKEN_COLOUR, STATUS_COLOURS, badge, esc, symbol, table

CELL, ROW, LEFT, FONT = 34, 24, 210, 12
CHAR = 7  # average width of a 12 px sans-serif character, for the rotated column labels
NAME_LIMIT = 28


@dataclass(frozen=True)
class SectionGroup:
    section: str
    rules: list[RuleInfo]


def section_groups(audit: AuditReport) -> list[SectionGroup]:
    """The pack's rules grouped by source section, sections in the order the pack first names them."""
    grouped: dict[str, list[RuleInfo]] = {}
    for rule in audit.rules:
        grouped.setdefault(rule.section, []).append(rule)
    return [SectionGroup(section, rules) for section, rules in grouped.items()]


def heatmap(audit: AuditReport) -> str:
    groups, lang = section_groups(audit), audit.language
    top = 16 + int(max((len(f"§{g.section}") for g in groups), default=1) * CHAR * 0.72)
    width = LEFT + CELL * len(groups) + top
    height = top + ROW * len(audit.schools) + 8
    parts = [_column_label(i, group.section, top) for i, group in enumerate(groups)]
    for row, school in enumerate(audit.schools):
        parts += _row(top + row * ROW, school, groups, lang)
    label = text("heading.by_section", lang)
    svg = (f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{esc(label)}" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="{FONT}">'
           f'<title>{esc(label)}</title>' + "".join(parts) + "</svg>")
    return f'<div class="scroll">{svg}</div>\n{legend(lang)}'


def legend(lang: str) -> str:
    """Every status as its badge (colour, symbol and word); HTML, so entries wrap instead of overlapping."""
    entries = [badge(status, lang) for status in STATUS_ORDER] + [badge(None, lang)]
    return (f'<ul class="legend" aria-label="{esc(text("heading.legend", lang))}">'
            + "".join(f"<li>{entry}</li>" for entry in entries) + "</ul>")


def _column_label(column: int, section: str, top: int) -> str:
    x, y = LEFT + column * CELL + CELL // 2 - 2, top - 6
    return f'<text transform="translate({x},{y}) rotate(-45)">§{esc(section)}</text>'


def _row(y: int, school: SchoolResult, groups: list[SectionGroup], lang: str) -> list[str]:
    name = school.name or school.folder
    shown = name if len(name) <= NAME_LIMIT else name[:NAME_LIMIT - 1] + "…"
    parts = [f'<text x="{LEFT - 8}" y="{y + ROW - 8}" text-anchor="end">{esc(shown)}<title>{esc(name)}</title></text>']
    if school.error is not None:
        tip = f"{name}: {text('status.broken', lang)}: {school.error}"
        return parts + [_cell(LEFT, y, CELL * len(groups) - 2, BROKEN_COLOUR, symbol(None), tip)]
    for column, group in enumerate(groups):
        statuses = [school.statuses.get(rule.id, Status.not_applicable) for rule in group.rules]
        worst = min(statuses, key=STATUS_ORDER.index)
        applicable = [status for status in statuses if status is not Status.not_applicable]
        tip = text("heatmap.cell", lang, school=name, section=group.section, applicable=len(applicable),
                   passed=applicable.count(Status.passed), worst=status_label(worst, lang))
        parts.append(_cell(LEFT + column * CELL, y, CELL - 2, STATUS_COLOURS[worst], symbol(worst), tip))
    return parts


def _cell(x: int, y: int, width: int, colour: str, mark: str, tip: str) -> str:
    centre_x, centre_y = x + width // 2, y + (ROW - 2) // 2 + 4
    return (f'<g><title>{esc(tip)}</title><rect x="{x}" y="{y}" width="{width}" height="{ROW - 2}" fill="{colour}"/>'
            f'<text x="{centre_x}" y="{centre_y}" text-anchor="middle" fill="#fff" font-weight="bold">{esc(mark)}</text></g>')


def drill_down(audit: AuditReport) -> str:
    """Per section, a folded list of its rules: compliance, and the schools with the gap."""
    lang = audit.language
    results = {result.rule_id: result for result in audit.rule_results}
    with_gap = {rule.id: [s for s in audit.schools
                          if s.error is None and s.statuses.get(rule.id, Status.not_applicable).is_gap]
                for rule in audit.rules}
    headers = [text(f"heading.{name}", lang) for name in ("rule", "title", "severity", "compliance", "schools_with_gap")]
    blocks = []
    for group in section_groups(audit):
        schools = {school.folder for rule in group.rules for school in with_gap[rule.id]}
        rows = [[esc(rule.id), esc(rule.title), esc(severity_label(rule.severity, lang)),
                 esc(percent(results[rule.id].compliance.share, lang)),
                 esc(", ".join(f"{s.name or s.folder} ({s.folder})" for s in with_gap[rule.id]) or "–")]
                for rule in group.rules]
        summary = text("heatmap.section", lang, section=group.section, rules=len(group.rules), schools=len(schools))
        blocks.append(f"<details><summary>{esc(summary)}</summary>\n{table(headers, rows)}\n</details>")
    return "\n".join(blocks)
