"""Output formats by name; the CLI's --format choices come from here."""

from __future__ import annotations

from policycheck.errors import UsageError, did_you_mean
from policycheck.registry import build_registry
from policycheck.reports.base import Reporter
from policycheck.reports.csv_report import CsvReporter
from policycheck.reports.github import GithubReporter
from policycheck.reports.html import HtmlReporter
from policycheck.reports.json_report import JsonReporter
from policycheck.reports.junit import JunitReporter
from policycheck.reports.markdown import MarkdownReporter
from policycheck.reports.oscal import OscalReporter
from policycheck.reports.sarif import SarifReporter
from policycheck.reports.table import TableReporter

REPORTERS: dict[str, Reporter] = build_registry(
    [TableReporter(), JsonReporter(), MarkdownReporter(), CsvReporter(), HtmlReporter(), JunitReporter(),
     SarifReporter(), GithubReporter(), OscalReporter()],
    lambda r: r.name, "format")


# Formats that can also show a municipality audit (they offer `render_audit`).
AUDIT_REPORTERS: dict[str, Reporter] = {name: r for name, r in REPORTERS.items() if hasattr(r, "render_audit")}


def reporter(name: str, registry: dict[str, Reporter] = REPORTERS) -> Reporter:
    if name not in registry:
        raise UsageError(f"unknown format '{name}'{did_you_mean(name, registry)}; known: {', '.join(registry)}")
    return registry[name]
