"""Headless Chromium for the HTML tests: screenshots, and layout measured by a script in the page.

Headless Chromium will not make a window narrower than 500 px, so the page is shown in an
iframe of the width asked for (a phone's 390 px), inside a wrapper page. The measuring script is
added to the page and allowed by its own hash in the page's Content-Security-Policy, beside the
page's sorting script, so the page runs as a reader's browser runs it; the frame shares the
wrapper's origin (srcdoc), so the script hands its JSON to the wrapper, which --dump-dom prints.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SKIP_REASON = "chromium is not installed (apt-get install -y chromium; .ci/run does this)"

MEASURE = """
(function () {
  var root = document.documentElement, svgLabels = [];
  document.querySelectorAll("svg.heatmap text").forEach(function (label) {
    var svg = label.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    svgLabels.push(parseFloat(getComputedStyle(label).fontSize) * scale);
  });
  var sorted = null, table = document.querySelector("table.sortable");
  if (table) {
    var button = table.tHead.rows[0].cells[0].querySelector("button");
    var first = function () { return table.tBodies[0].rows[0].cells[0].textContent.trim(); };
    var column = function () { return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[0].textContent.trim(); }); };
    if (button) { button.click(); var up = column(); button.click(); sorted = {ascending: up, descending: column(), first: first()}; }
  }
  var out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
                                    heatmapLabelPx: svgLabels.length ? Math.min.apply(null, svgLabels) : null,
                                    heatmapLabels: svgLabels.length, sorted: sorted});
  window.parent.document.body.appendChild(out);
})();
"""


HEIGHT = 1800


def _run(wrapper: Path, width: int, tmp_path: Path, *action: str) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={max(width, 500)},{HEIGHT}",
               "--virtual-time-budget=3000", *action, wrapper.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=True).stdout


def _framed(page: str, width: int, tmp_path: Path, name: str) -> Path:
    wrapper = tmp_path / f"{name}-{width}.html"
    wrapper.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{width}</title></head>'
                       f'<body style="margin:0"><iframe style="border:0;display:block" width="{width}" height="{HEIGHT}" '
                       f'srcdoc="{html.escape(page, quote=True)}"></iframe></body></html>', encoding="utf-8")
    return wrapper


def screenshot(page: str, width: int, tmp_path: Path, name: str = "page") -> Path:
    """A PNG of the page shown `width` px wide."""
    png = tmp_path / f"{name}-{width}.png"
    _run(_framed(page, width, tmp_path, name), width, tmp_path, f"--screenshot={png}")
    return png


def measure(page: str, width: int, tmp_path: Path) -> dict:
    """Layout figures of the page shown `width` px wide (see MEASURE)."""
    digest = base64.b64encode(hashlib.sha256(MEASURE.encode("utf-8")).digest()).decode("ascii")
    marker = "script-src 'sha256-"
    assert page.count(marker) == 1
    measured = page.replace(marker, f"script-src 'sha256-{digest}' 'sha256-", 1)
    measured = measured.replace("</body>", f"<script>{MEASURE}</script>\n</body>", 1)
    dom = _run(_framed(measured, width, tmp_path, "measure"), width, tmp_path, "--dump-dom")
    start = dom.index('<pre id="measured">') + len('<pre id="measured">')
    return json.loads(html.unescape(dom[start:dom.index("</pre>", start)]))


def assert_fits_the_screen(page: str, width: int, tmp_path: Path, name: str) -> dict:
    """Screenshot the page `width` px wide (kept under tmp_path for a person to look at), assert it
    renders and has no horizontal overflow, and return its layout figures for further checks."""
    png = screenshot(page, width, tmp_path, name)
    assert png.stat().st_size > 10_000
    measured = measure(page, width, tmp_path)
    assert measured["clientWidth"] == width and measured["scrollWidth"] <= measured["clientWidth"]
    return measured
