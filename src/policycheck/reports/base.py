"""The one small interface every output format implements."""

from __future__ import annotations

from typing import ClassVar, Protocol

from policycheck.models.common import Status
from policycheck.models.report import Finding, Report

# Gaps first, then what could not be decided, then what is settled.
STATUS_ORDER = [Status.fail, Status.needs_attestation, Status.insufficient_data, Status.waived,
                Status.passed, Status.not_applicable]


class Reporter(Protocol):
    """Renders a report as text; formatters only read the report."""

    name: ClassVar[str]
    description: ClassVar[str]

    def render(self, report: Report) -> str: ...


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings with gaps first and, within a status, the most binding rules first."""
    return sorted(findings, key=lambda f: (STATUS_ORDER.index(f.status), -f.severity.rank))
