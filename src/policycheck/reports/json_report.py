"""`json`: the report as JSON, valid against schemas/report.schema.json."""

from __future__ import annotations

from policycheck.models.audit import AuditReport
from policycheck.models.report import Report


class JsonReporter:
    name = "json"
    description = "machine-readable report (schemas/report.schema.json, schemas/audit.schema.json)"
    extension = "json"

    def render(self, report: Report) -> str:
        return report.model_dump_json(by_alias=True, indent=2, exclude_none=True) + "\n"

    def render_audit(self, audit: AuditReport) -> str:
        return audit.model_dump_json(by_alias=True, indent=2) + "\n"
