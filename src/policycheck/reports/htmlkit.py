"""Pieces of the self-contained HTML pages: one stylesheet, escaping, badges, quotes, sorting.

Every value that comes from an input (school names, plan text, pack text) goes through
`esc`; remediation text from a pack is Markdown, rendered by `markdown_paragraphs` after escaping.
The pages load nothing from outside; the one script (sorting tables) is inline and allowed by
its hash in the Content-Security-Policy, so nothing else can run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

from policycheck.messages import text
from policycheck.models.common import Status
from policycheck.reports.base import status_label

STATUS_COLOURS = {Status.passed: "#2e7d32", Status.fail: "#c62828", Status.needs_attestation: "#b85600",
                  Status.insufficient_data: "#6a1b9a", Status.waived: "#1565c0", Status.not_applicable: "#6b6b6b"}
BROKEN_COLOUR = "#212121"
# Colour is never alone: each status also has a symbol (for colour-blind readers and black-and-white print).
STATUS_SYMBOLS = {Status.passed: "✓", Status.fail: "✗", Status.needs_attestation: "?",
                  Status.insufficient_data: "…", Status.waived: "~", Status.not_applicable: "–"}
BROKEN_SYMBOL = "!"

_STATUS_CSS = "".join(f".s-{status.value}{{background:{colour}}}" for status, colour in STATUS_COLOURS.items())

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
 padding:0 1rem;color:#1a1a1a;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;
 text-align:left;vertical-align:top}th{background:#f0f0f0}
th button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;text-align:inherit;cursor:pointer}th button::after{content:" ↕";color:#888}
th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
.scroll{overflow-x:auto;max-width:100%}
.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;color:#fff;font-size:.85em;white-space:nowrap}
.s-broken{background:#212121}""" + _STATUS_CSS + """
.gap{display:grid;grid-template-columns:1fr 1fr;gap:1rem;border:1px solid #ddd;border-radius:.4rem;
 padding:.5rem 1rem;margin:.75rem 0;break-inside:avoid}
blockquote{margin:0;align-self:start;padding:.25rem .75rem;border-left:4px solid #888;background:#f7f7f7;font-style:italic}
.meta{color:#555;font-size:.9em}.note{color:#1565c0}code{font-size:.9em;overflow-wrap:anywhere}pre{white-space:pre-wrap}
ul.evidence{margin:.25rem 0;padding-left:1.2rem;font-size:.9em}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0;margin:.5rem 0}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;margin:1rem 0}
.summary>div{border:1px solid #ddd;border-radius:.4rem;padding:.5rem 1rem}.summary ol{padding-left:1.2rem;margin:.25rem 0}
.big{font-size:1.6rem;font-weight:bold;margin:.25rem 0}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
@media (max-width:40rem){body{margin:1rem auto}.gap{grid-template-columns:1fr}
 th,td{padding:.25rem .3rem}table{font-size:.9em}}
@page{size:A4;margin:15mm 12mm}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}
 .gap,tr,svg{break-inside:avoid}h2{break-after:avoid}.scroll{overflow:visible}
 th button::after{content:""}
 .badge,th,blockquote,.heatmap rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# Sorts a table by the clicked column: numbers (85 %, +3 %) by value, text by the page's language.
SORT_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells, body = table.tBodies[0];
  var collator = new Intl.Collator(document.documentElement.lang, {numeric: true});
  function key(row, i) { return row.cells[i] ? row.cells[i].textContent.trim() : ""; }
  function number(value) { var m = value.replace(/\\u2212/g, "-").match(/^[+-]?\\d+([.,]\\d+)?/); return m ? parseFloat(m[0].replace(",", ".")) : null; }
  Array.prototype.forEach.call(heads, function (head, i) {
    var button = document.createElement("button");
    button.type = "button";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    head.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i), y = key(b, i), nx = number(x), ny = number(y);
        var order = nx !== null && ny !== null ? nx - ny : nx !== null ? -1 : ny !== null ? 1 : collator.compare(x, y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CONTENT_SECURITY_POLICY = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_HASH}'"
TITLE_LIMIT = 70  # longer <title>s are cut in tabs and flagged by HTML checkers


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def page(title: str, language: str, body: str) -> str:
    """A whole HTML document; nothing is loaded from outside and only the sorting script runs."""
    short = title if len(title) <= TITLE_LIMIT else title[:TITLE_LIMIT - 1].rstrip() + "…"
    return (f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
            f"<title>{esc(short)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n")


def symbol(status: Status | None) -> str:
    return STATUS_SYMBOLS[status] if status else BROKEN_SYMBOL


def badge(status: Status | None, language: str) -> str:
    label = status_label(status, language) if status else text("status.broken", language)
    css = f"s-{status.value}" if status else "s-broken"
    return f'<span class="badge {css}">{esc(symbol(status))} {esc(label)}</span>'


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A sortable table whose cells are already HTML (escape values before passing them)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return f'<div class="scroll"><table class="sortable">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table></div>'


def gap_card(title: str, details: list[str], quote: str, section: str) -> str:
    """A gap with the source quote beside it: details (already HTML) left, quote right (below on a phone)."""
    left = f"<div><h3>{esc(title)}</h3>{''.join(details)}</div>"
    right = f'<blockquote>{esc(quote)}<div class="meta">§{esc(section)}</div></blockquote>'
    return f'<div class="gap">{left}{right}</div>'


_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s)\"'<>]+)\)")


def markdown_paragraphs(source: str) -> list[str]:
    """Each paragraph's HTML: `code`, **strong**, *emphasis* and [links](https://...) rendered.

    The text is escaped first, so no markup from the pack survives except what these produce.
    """
    return [_inline(part) for part in re.split(r"\n\s*\n", source.strip()) if part]


def _inline(paragraph: str) -> str:
    pieces = _CODE.split(" ".join(paragraph.split()))  # odd pieces are code spans, kept verbatim
    return "".join(f"<code>{esc(piece)}</code>" if index % 2 else _styled(esc(piece)) for index, piece in enumerate(pieces))


def _styled(escaped: str) -> str:
    escaped = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', escaped)
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    return _EMPHASIS.sub(r"<em>\1</em>", escaped)
