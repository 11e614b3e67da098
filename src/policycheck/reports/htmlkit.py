"""Pieces of the self-contained HTML pages: one stylesheet, escaping, badges, quotes.

Every value that comes from an input (school names, plan text, pack text) goes through
`esc`; the pages carry no script and load nothing from outside.
"""

from __future__ import annotations

from html import escape

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.reports.base import status_label

STATUS_COLOURS = {Status.passed: "#2e7d32", Status.fail: "#c62828", Status.needs_attestation: "#ef6c00",
                  Status.insufficient_data: "#6a1b9a", Status.waived: "#1565c0", Status.not_applicable: "#9e9e9e"}
BROKEN_COLOUR = "#212121"

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
 padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;
 text-align:left;vertical-align:top}th{background:#f0f0f0}
.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;color:#fff;font-size:.85em;white-space:nowrap}
.gap{display:grid;grid-template-columns:1fr 1fr;gap:1rem;border:1px solid #ddd;border-radius:.4rem;
 padding:.5rem 1rem;margin:.75rem 0;break-inside:avoid}
blockquote{margin:0;align-self:start;padding:.25rem .75rem;border-left:4px solid #888;background:#f7f7f7;font-style:italic}
.meta{color:#555;font-size:.9em}.note{color:#1565c0}code{font-size:.9em;overflow-wrap:anywhere}pre{white-space:pre-wrap}
.heatmap{max-width:100%;height:auto}.legend span{margin-right:1rem}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}
 .gap,tr,svg{break-inside:avoid}h2{break-after:avoid}
 .badge,th,blockquote,.heatmap rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def page(title: str, language: str, body: str) -> str:
    """A whole HTML document; nothing is loaded from outside and nothing runs."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def badge(status: Status | None, language: str) -> str:
    colour = STATUS_COLOURS[status] if status else BROKEN_COLOUR
    label = status_label(status, language) if status else text("status.broken", language)
    return f'<span class="badge" style="background:{colour}">{esc(label)}</span>'


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A table whose cells are already HTML (escape values before passing them)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def gap_card(title: str, details: list[str], quote: str, section: str) -> str:
    """A gap with the source quote beside it: details (already HTML) left, quote right."""
    left = f"<div><h3>{esc(title)}</h3>{''.join(details)}</div>"
    right = f'<blockquote>{esc(quote)}<div class="meta">§{esc(section)}</div></blockquote>'
    return f'<div class="gap">{left}{right}</div>'
