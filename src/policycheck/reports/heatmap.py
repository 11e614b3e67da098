"""The schools x rules matrix as an inline SVG heatmap with a legend (no script, all text escaped)."""

from __future__ import annotations

from policycheck.messages import text
from policycheck.models.audit import AuditReport, SchoolResult
from policycheck.models.common import Status
from policycheck.reports.base import STATUS_ORDER, status_label
from policycheck.reports.htmlkit import BROKEN_COLOUR, STATUS_COLOURS, esc

CELL, LEFT, TOP, LEGEND = 22, 230, 150, 60
LEGEND_COLUMNS, LEGEND_ENTRY = 4, 170
LEGEND_WIDTH = 110 + LEGEND_COLUMNS * LEGEND_ENTRY


def heatmap(audit: AuditReport) -> str:
    rules, lang = [rule.id for rule in audit.rules], audit.language
    width = max(LEFT + CELL * len(rules) + 20, LEGEND_WIDTH)
    height = TOP + CELL * len(audit.schools) + LEGEND
    parts = [_column_label(i, rule) for i, rule in enumerate(rules)]
    for row, school in enumerate(audit.schools):
        parts += _row(row, school, rules, lang)
    parts.append(_legend(TOP + CELL * len(audit.schools) + 20, lang))
    label = text("heading.heatmap", lang)
    return (f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{esc(label)}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
            f'<title>{esc(label)}</title>' + "".join(parts) + "</svg>")


def _column_label(column: int, rule: str) -> str:
    x, y = LEFT + column * CELL + CELL // 2 + 4, TOP - 6
    return f'<text transform="translate({x},{y}) rotate(-60)">{esc(rule)}</text>'


def _row(row: int, school: SchoolResult, rules: list[str], lang: str) -> list[str]:
    y = TOP + row * CELL
    name = school.name or school.folder
    parts = [f'<text x="{LEFT - 8}" y="{y + CELL - 7}" text-anchor="end">{esc(name)}</text>']
    if school.error is not None:
        tip = f"{name}: {text('status.broken', lang)}: {school.error}"
        return parts + [_cell(LEFT, y, CELL * len(rules) - 2, BROKEN_COLOUR, tip)]
    for column, rule in enumerate(rules):
        status = school.statuses.get(rule, Status.not_applicable)
        tip = f"{name} · {rule}: {status_label(status, lang)}"
        parts.append(_cell(LEFT + column * CELL, y, CELL - 2, STATUS_COLOURS[status], tip))
    return parts


def _cell(x: int, y: int, width: int, colour: str, tip: str) -> str:
    return f'<rect x="{x}" y="{y}" width="{width}" height="{CELL - 2}" fill="{colour}"><title>{esc(tip)}</title></rect>'


def _legend(y: int, lang: str) -> str:
    entries = [(STATUS_COLOURS[status], status_label(status, lang)) for status in STATUS_ORDER]
    entries.append((BROKEN_COLOUR, text("status.broken", lang)))
    parts = [f'<text x="0" y="{y + 12}" font-weight="bold">{esc(text("heading.legend", lang))}</text>']
    for i, (colour, label) in enumerate(entries):
        x, row_y = 110 + (i % LEGEND_COLUMNS) * LEGEND_ENTRY, y + (i // LEGEND_COLUMNS) * 20
        parts.append(f'<rect x="{x}" y="{row_y}" width="14" height="14" fill="{colour}"/>'
                     f'<text x="{x + 20}" y="{row_y + 12}">{esc(label)}</text>')
    return "".join(parts)
