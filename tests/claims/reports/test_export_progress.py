"""A long export says how far it is: a counter line per page on stderr off a terminal."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from db.engine import Database
from tests.claims.reports.bulk import fill
from tests.support.cli import CliRun


def test_a_long_export_counts_its_pages_on_stderr(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    fill(database, 2500)
    path = tmp_path / "big.csv"
    result = cli("report", "--format", "csv", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("report ")]
    assert lines[:3] == [
        "report 1/3 1,000 claims",
        "report 2/3 2,000 claims",
        "report 3/3 2,500 claims",
    ]
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 2500
