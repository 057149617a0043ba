"""Bad input: clear one-line errors, and nothing (partial or not) at the target path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.claims.reports.conftest import Desk, ok

FORMATS = ["md", "html", "csv", "json", "claimreview", "prov", "warc", "bundle"]


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_a_file(desk: Desk, fmt: str) -> None:
    result, path = desk.report(fmt)
    assert ok(result)
    assert path.stat().st_size > 0
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []


def test_empty_selection_writes_nothing(desk: Desk) -> None:
    result, path = desk.report("json", "--verdict", "false")
    assert result.exit_code == 1
    assert "no claim matches the filters" in one_line(result.stderr)
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_a_failed_export_leaves_the_previous_file_alone(desk: Desk) -> None:
    path = desk.tmp / "report.html"
    path.write_text("yesterday's report", encoding="utf-8")
    result, _ = desk.report("html", "--claim", "999999", name="report.html")
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == "yesterday's report"


def test_unwritable_paths(desk: Desk, tmp_path: Path) -> None:
    missing = desk.cli("report", "--format", "json", "-o", str(tmp_path / "no" / "r.json"))
    assert missing.exit_code == 1
    assert "does not exist" in one_line(missing.stderr)
    directory = desk.cli("report", "--format", "json", "-o", str(tmp_path))
    assert directory.exit_code == 1
    assert "is a directory" in one_line(directory.stderr)
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = desk.cli("report", "--format", "json", "-o", str(locked / "r.json"))
        assert result.exit_code == 1
        assert "not writable" in one_line(result.stderr)


def test_binary_formats_need_a_file(desk: Desk) -> None:
    for fmt in ("warc", "bundle"):
        result = desk.cli("report", "--format", fmt)
        assert result.exit_code == 2
        assert "give a file with -o PATH" in one_line(result.stderr)


def test_text_formats_go_to_stdout(desk: Desk) -> None:
    result = ok(desk.cli("report", "--format", "md"))
    assert result.stdout.startswith("# Desk")


def test_bad_filters_are_refused(desk: Desk) -> None:
    since = desk.cli("report", "--format", "json", "--since", "last tuesday")
    assert since.exit_code == 2
    assert "is not a date" in since.stderr
    status = desk.cli("report", "--format", "json", "--status", "archived")
    assert status.exit_code == 1
    assert "unknown" in one_line(status.stderr)
    verdict = desk.cli("report", "--format", "json", "--verdict", "pants-on-fire")
    assert verdict.exit_code == 1
    assert "not on the scale" in one_line(verdict.stderr)
