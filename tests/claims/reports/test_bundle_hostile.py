"""Hostile bundles: each attack of the audit (issue 15), made the same way, now refused.

Every answer is one line on stderr and exit 1, never a traceback; nothing is
written outside verify's own temporary folder, which is gone afterwards.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.claims.reports.bundles import (
    MANIFEST,
    SYMLINK,
    Entry,
    Forgery,
    Genuine,
    one_line,
    verify,
    write_zip,
)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where verify's temporary folders go in this test (and must be gone from after)."""
    folder = tmp_path / "private-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*"))


@pytest.mark.parametrize("kind", ["relative", "absolute"])
def test_a_snapshot_id_that_is_a_path_writes_nothing(
    genuine: Genuine, tmp_path: Path, private_tmp: Path, kind: str
) -> None:
    """The audit's attack: a snapshot id naming a file out of verify's work folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    # verify's folder is private-tmp/factdesk-verify-XXXX: two levels up is tmp_path.
    evil = "../../outside/pwned" if kind == "relative" else str(outside / "pwned")

    def point_at_outside(report: dict[str, Any]) -> None:
        old = report["snapshots"][0]["id"]
        report["snapshots"][0]["id"] = evil
        for claim in report["claims"]:
            if claim["snapshot_id"] == old:
                claim["snapshot_id"] = evil

    bundle = Forgery.of(genuine).report(point_at_outside).write(tmp_path / "evil.zip")
    before = files_under(tmp_path)
    result = verify(bundle)

    assert result.exit_code == 1
    error = one_line(result.stderr)
    assert "claims[0].snapshot_id" in error, "the first record to name it is refused"
    assert 'is not of type "integer"' in error
    assert "pwned" not in error, "hostile values are not echoed"
    assert not (outside / "pwned.txt").exists()
    assert list(outside.iterdir()) == []
    assert files_under(tmp_path) == before, "nothing written anywhere under the test folder"
    assert list(private_tmp.iterdir()) == [], "verify's own folder is removed"


def test_a_genuine_bundle_leaves_nothing_behind(
    genuine: Genuine, tmp_path: Path, private_tmp: Path
) -> None:
    bundle = Forgery.of(genuine, keep_signature=True).write(tmp_path / "b.zip", fix_manifest=False)
    before = files_under(tmp_path)
    result = verify(bundle)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert files_under(tmp_path) == before
    assert list(private_tmp.iterdir()) == []


def _report_without(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.name != "report.json"]


ZIP_ATTACKS: dict[str, tuple[Callable[[Genuine], list[Entry]], str, str]] = {
    # name: (the entries to add, the entry the error names, the reason it gives)
    "dot-dot": (
        lambda g: [Entry("../report.json", g.files["report.json"])],
        "'../report.json'",
        "has a '..' component",
    ),
    "dot-dot-deep": (
        lambda g: [Entry("notes/../../../etc/cron.d/x", b"* * * * * root sh")],
        "'notes/../../../etc/cron.d/x'",
        "has a '..' component",
    ),
    "absolute": (
        lambda g: [Entry("/tmp/factdesk-report.json", g.files["report.json"])],
        "'/tmp/factdesk-report.json'",
        "is an absolute path",
    ),
    "drive": (
        lambda g: [Entry("C:/Windows/report.json", b"{}")],
        "'C:/Windows/report.json'",
        "is an absolute path",
    ),
    "symlink": (
        lambda g: [Entry("sources.link", b"/etc/passwd", mode=SYMLINK)],
        "'sources.link'",
        "is a symbolic link",
    ),
    "duplicate": (
        # A second report.json: Python's zipfile reads this one, unzip the first.
        lambda g: [Entry("report.json", g.files["report.json"].replace(b"20.000", b"90.000"))],
        "'report.json'",
        "appears more than once",
    ),
    "duplicate-case": (
        lambda g: [Entry("Report.JSON", g.files["report.json"])],
        "'report.json'",
        "appears more than once",
    ),
    "folder": (
        lambda g: [Entry("extra/", b"")],
        "'extra/'",
        "is not a plain file",
    ),
    "encrypted": (
        lambda g: [Entry("notes.txt", b"secret", flags=0x1)],
        "'notes.txt'",
        "is encrypted",
    ),
    "bzip2": (
        lambda g: [Entry("notes.txt", b"hello", compression=zipfile.ZIP_BZIP2)],
        "'notes.txt'",
        "compressed with method 12",
    ),
}


@pytest.mark.parametrize("attack", sorted(ZIP_ATTACKS))
def test_zip_entries_out_of_place_are_refused_even_when_listed(
    genuine: Genuine, tmp_path: Path, private_tmp: Path, attack: str
) -> None:
    extra, named, reason = ZIP_ATTACKS[attack]
    forgery = Forgery.of(genuine)
    forgery.extra = extra(genuine)
    bundle = forgery.write(tmp_path / f"{attack}.zip")
    with zipfile.ZipFile(bundle) as zf:
        listed = zf.read(MANIFEST).decode()
    assert all(e.name in listed for e in forgery.extra), "the manifest lists them all"

    result = verify(bundle)
    assert result.exit_code == 1
    error = one_line(result.stderr)
    assert named in error, error
    assert reason in error
    assert list(private_tmp.iterdir()) == []


def _edit(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set (or with ``...`` delete) the field at a dotted path of the report."""

    def edit(report: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = report
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        key: Any = int(last) if last.isdigit() else last
        if value is ...:
            del node[key]
        else:
            node[key] = value

    return edit


MALFORMED_FIELDS = {
    # name: (edit, what the error says)
    "null date": (_edit("snapshots.0.fetched_at", None), "snapshots[0].fetched_at"),
    "invalid date": (
        _edit("snapshots.0.fetched_at", "2026-13-45T25:61:00+00:00"),
        'snapshots[0].fetched_at: the value is not a "date-time"',
    ),
    "date without zone": (
        _edit("snapshots.0.fetched_at", "2026-01-01T00:00:00"),
        "snapshots[0].fetched_at",
    ),
    "date out of range": (
        _edit("snapshots.0.fetched_at", "0001-01-01T00:00:00+14:00"),
        'snapshots[0].fetched_at: the value is not a "date-time"',
    ),
    "missing selector": (_edit("claims.0.selector", ...), '"selector" is a required property'),
    "string offset": (
        _edit("claims.0.start", "12"),
        'claims[0].start: the value is not of type "integer"',
    ),
    "negative offset": (_edit("claims.1.end", -1), "claims[1].end"),
    "float id": (_edit("claims.0.id", 1.5), "claims[0].id"),
    "selector of the wrong type": (
        _edit("claims.0.selector.type", "XPathSelector"),
        "claims[0].selector.type",
    ),
    "null claims": (_edit("claims", None), "report.claims"),
    "unknown field": (_edit("snapshots.0.\x1b[2Jevil", 1), "Additional properties"),
    "no summary": (_edit("summary", ...), '"summary" is a required property'),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_FIELDS))
def test_malformed_report_fields_get_one_line(
    genuine: Genuine, tmp_path: Path, private_tmp: Path, case: str
) -> None:
    edit, expected = MALFORMED_FIELDS[case]
    bundle = Forgery.of(genuine).report(edit).write(tmp_path / "malformed.zip")
    result = verify(bundle)
    assert result.exit_code == 1
    error = one_line(result.stderr)
    assert expected in error, error
    assert "factdesk-report-2 schema" in error
    assert "\x1b" not in error, "escape sequences from the bundle never reach the terminal"
    assert list(private_tmp.iterdir()) == []


def test_zero_padding_around_warc_records_is_read_past(genuine: Genuine, tmp_path: Path) -> None:
    """Some archivers pad between gzip members; more than one read's worth here."""
    forgery = Forgery.of(genuine).report(lambda report: None)
    forgery.files["sources.warc.gz"] = bytes(200_000) + genuine.files["sources.warc.gz"]
    result = verify(forgery.write(tmp_path / "padded.zip"))
    assert result.exit_code == 0, result.stdout
    assert "in 1 archived snapshots" in result.stdout


def test_a_manifest_that_is_not_utf8(genuine: Genuine, tmp_path: Path) -> None:
    forgery = Forgery.of(genuine)
    forgery.files[MANIFEST] = forgery.manifest() + b"\xff\xfe  caf\xe9.txt\n"
    result = verify(forgery.write(tmp_path / "latin1.zip", fix_manifest=False))
    assert result.exit_code == 1
    assert "manifest-sha256.txt is not UTF-8 text" in one_line(result.stderr)


def test_a_bad_crc(genuine: Genuine, tmp_path: Path) -> None:
    """A byte flipped inside the stored WARC: the zip's CRC no longer matches."""
    bundle = Forgery.of(genuine, keep_signature=True).write(tmp_path / "crc.zip")
    data = bytearray(bundle.read_bytes())
    warc = genuine.files["sources.warc.gz"]
    at = bytes(data).index(warc[100:140]) + 10  # stored uncompressed: its bytes are there
    data[at] ^= 0xFF
    bundle.write_bytes(bytes(data))
    result = verify(bundle)
    assert result.exit_code == 1
    error = one_line(result.stderr)
    assert "sources.warc.gz cannot be read from the zip (Bad CRC-32" in error
    assert "the bundle is damaged" in error


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01 not json", "report.json is not valid JSON"),
        (b'["factdesk-report", 2]', "report.json is not a JSON object"),
        (b'{"format": "factdesk-report", "version": 2, "claims": [', "is not valid JSON"),
        (b'{"claims": [], "format": "factdesk-report", "version": 2}', "do not come before"),
        (b'{"format": "factdesk-report", "format": "x"}', "has the field 'format' twice"),
        (b'{"format": "warc"}', "report.json is not a factdesk report"),
        (b'{"format": "factdesk-report", "version": "2"}', "of version unknown"),
    ],
)
def test_a_report_that_is_not_one(
    genuine: Genuine, tmp_path: Path, content: bytes, expected: str
) -> None:
    forgery = Forgery.of(genuine)
    forgery.files["report.json"] = content
    result = verify(forgery.write(tmp_path / "notreport.zip"))
    assert result.exit_code == 1
    assert expected in one_line(result.stderr)


def test_a_truncated_zip(genuine: Genuine, tmp_path: Path) -> None:
    bundle = tmp_path / "cut.zip"
    bundle.write_bytes(genuine.path.read_bytes()[:-200])
    result = verify(bundle)
    assert result.exit_code == 1
    assert "not a readable zip file" in one_line(result.stderr)


def test_an_empty_zip_and_a_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.zip"
    write_zip(empty, [])
    result = verify(empty)
    assert result.exit_code == 1
    assert "no manifest-sha256.txt" in one_line(result.stderr)
    folder = verify(tmp_path)
    assert folder.exit_code == 1
    assert "is a folder" in one_line(folder.stderr)


def test_extra_report_records_are_counted_against_the_summary(
    genuine: Genuine, tmp_path: Path
) -> None:
    def duplicate(report: dict[str, Any]) -> None:
        report["snapshots"].append(dict(report["snapshots"][0]))

    result = verify(Forgery.of(genuine).report(duplicate).write(tmp_path / "twice.zip"))
    assert result.exit_code == 1
    assert "listed twice in report.json" in result.stdout
    assert "its summary counts" in result.stdout
