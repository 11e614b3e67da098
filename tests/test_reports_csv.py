"""CSV: UTF-8 with BOM, one row per finding, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io

import pytest

from policycheck.reports.csv_report import CsvReporter
from policycheck.reports.csvkit import neutralise


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


def test_plain_cells_are_kept():
    assert neutralise("Ås skole") == "Ås skole" and neutralise(None) == "" and neutralise(3) == "3"


def test_bom_rows_and_injected_values(minireport):
    report = minireport()
    inputs = report.inputs.model_copy(update={"school": "=cmd|' /C calc'!A0"})
    finding = report.findings[0].model_copy(update={"message": "-2+3"})
    rendered = CsvReporter().render(report.model_copy(update={"inputs": inputs, "findings": [finding]}))
    assert rendered.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(rendered.removeprefix("\ufeff"))))
    assert len(rows) == 2
    assert rows[1][0] == "'=cmd|' /C calc'!A0" and "'-2+3" in rows[1]


def test_bom_survives_the_atomic_writer(tmp_path, minireport):
    from policycheck.output import write_atomic

    write_atomic(tmp_path / "r.csv", CsvReporter().render(minireport()))
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
