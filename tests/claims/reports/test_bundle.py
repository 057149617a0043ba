"""The bundle: report + WARC + manifest, and a verification a third party can run."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

from claims.reports import (
    BundleCheck,
    ReportFormat,
    ReportSelection,
    export_report,
    verify_bundle,
)
from db.engine import Database
from db.migrate import upgrade
from db.urls import sqlite_url
from tests.claims.reports.bulk import fill
from tests.claims.reports.conftest import Desk, ok


def rewrite(bundle: Path, target: Path, changes: dict[str, bytes], *, fix_manifest: bool) -> None:
    """Copy ``bundle`` to ``target`` with some files replaced (a forger at work).

    A forger who fixes the manifest cannot sign it again with the maker's key:
    the signature goes.
    """
    with zipfile.ZipFile(bundle) as src:
        files = {name: src.read(name) for name in src.namelist()}
    files.update(changes)
    if fix_manifest:
        files.pop("signature.json", None)
        files["manifest-sha256.txt"] = "".join(
            f"{hashlib.sha256(data).hexdigest()}  {name}\n"
            for name, data in sorted(files.items())
            if name != "manifest-sha256.txt"
        ).encode()
    with zipfile.ZipFile(target, "w") as dst:
        for name, data in files.items():
            dst.writestr(name, data)


def test_bundle_holds_report_archive_and_manifest(desk: Desk) -> None:
    result, path = desk.report("bundle", name="bundle.zip")
    assert ok(result)
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == [
            "manifest-sha256.txt",
            "report.json",
            "signature.json",
            "sources.warc.gz",
        ]
        manifest = zf.read("manifest-sha256.txt").decode()
        for line in manifest.splitlines():
            digest, name = line.split("  ")
            assert hashlib.sha256(zf.read(name)).hexdigest() == digest
        report = json.loads(zf.read("report.json"))
    assert report["summary"]["claims"] == len(desk.claims)

    verified = ok(desk.cli("bundle", "verify", str(path)))
    passages = len(desk.claims) + 1  # every sentence and the one evidence quote
    assert f"ok {passages} quoted passages of {len(desk.claims)} claims" in verified.stdout
    assert "2 archived snapshots" in verified.stdout


def _edit_report(path: Path, edit: Any) -> bytes:
    with zipfile.ZipFile(path) as zf:
        report = json.loads(zf.read("report.json"))
    edit(report)
    return json.dumps(report).encode()


def test_a_forged_quote_is_caught_even_with_a_fixed_manifest(desk: Desk, tmp_path: Path) -> None:
    _, path = desk.report("bundle", name="bundle.zip")

    def forge(report: dict[str, Any]) -> None:
        claim = next(c for c in report["claims"] if c["evidence"])
        claim["evidence"][0]["quote"] = claim["evidence"][0]["quote"].replace("20.347", "20.000")

    forged = tmp_path / "forged.zip"
    rewrite(path, forged, {"report.json": _edit_report(path, forge)}, fix_manifest=True)
    check = verify_bundle(forged)
    assert not check.ok
    assert any(
        "evidence" in p and "quoted passage is not at characters" in p for p in check.problems
    )
    result = desk.cli("bundle", "verify", str(forged))
    assert result.exit_code == 1
    assert "FAILED" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_changed_byte_breaks_the_manifest(desk: Desk, tmp_path: Path) -> None:
    _, path = desk.report("bundle", name="bundle.zip")
    with zipfile.ZipFile(path) as zf:
        report = zf.read("report.json")
    tampered = tmp_path / "tampered.zip"
    rewrite(
        path, tampered, {"report.json": report.replace(b"20.000", b"20.001", 1)}, fix_manifest=False
    )
    check = verify_bundle(tampered)
    assert any(p.startswith("report.json: SHA-256 is") for p in check.problems)


def test_archived_bytes_that_differ_from_the_stated_hash_are_caught(
    desk: Desk, tmp_path: Path
) -> None:
    _, path = desk.report("bundle", name="bundle.zip")

    def later(report: dict[str, Any]) -> None:
        report["snapshots"][0]["fetched_at"] = "2001-01-01T00:00:00+00:00"

    moved = tmp_path / "moved.zip"
    rewrite(path, moved, {"report.json": _edit_report(path, later)}, fix_manifest=True)
    check = verify_bundle(moved)
    assert any("archived at 2001-01-01" in p for p in check.problems)


def test_not_a_bundle(desk: Desk, tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    result = desk.cli("bundle", "verify", str(junk))
    assert result.exit_code == 1
    assert "not a readable zip file" in result.stderr
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("hello.txt", "hi")
    result = desk.cli("bundle", "verify", str(empty))
    assert result.exit_code == 1
    assert "not a factdesk bundle" in result.stderr
    missing = desk.cli("bundle", "verify", str(tmp_path / "nope.zip"))
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr


def _verify_peak(database: Database, tmp_path: Path, claims: int) -> tuple[BundleCheck, int]:
    fill(database, claims)
    bundle = tmp_path / f"bundle-{claims}.zip"
    export_report(database, ReportFormat.bundle, ReportSelection(), output=bundle)
    tracemalloc.start()
    try:
        check = verify_bundle(bundle)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return check, peak


def test_verify_memory_does_not_grow_with_the_claims(tmp_path: Path) -> None:
    """Ten times the claims, not ten times the memory: verify streams the report.

    Verification reads no database; SQLite is only where the bundles come from.
    """
    peaks: list[int] = []
    for claims in (200, 200, 2000):  # the first run imports the extractors: not measured
        database = Database(sqlite_url(tmp_path / f"desk-{claims}-{len(peaks)}.sqlite3"))
        upgrade(database.engine)
        check, peak = _verify_peak(database, tmp_path, claims)
        database.dispose()
        assert check.ok, check.problems[:3]
        assert check.claims == claims
        assert check.passages == 2 * claims  # each sentence and its evidence quote
        peaks.append(peak)
    _, small, large = peaks
    # Loading the report whole would make this about 10; streaming keeps it near 1.
    assert large < 2.5 * small, peaks


def _as_version_1(report: dict[str, Any]) -> None:
    """What factdesk wrote before schema 2: no fetches, no anchors."""
    report["version"] = 1
    report["$schema"] = report["$schema"].replace("report-2", "report-1")
    del report["signer"]
    for snapshot in report["snapshots"]:
        del snapshot["fetches"]
    for claim in report["claims"]:
        del claim["anchors"]
        # Derived claims and figure ids came later in version 2.
        del claim["reasoning"]
        if claim["kind"] == "derived":
            claim["kind"] = "numeric"
        for quantity in claim["quantities"]:
            del quantity["id"]
        # Corrections, groups and freshness came in version 2 too.
        # So did PDF pages and earlier fact-checks.
        for key in ("corrected", "original", "group", "page", "fact_checks"):
            del claim[key]
        for evidence in claim["evidence"]:
            del evidence["anchors"]
            for key in ("freshness", "changed_at", "now", "page"):
                del evidence[key]


def test_a_bundle_of_report_version_1_still_verifies(desk: Desk, tmp_path: Path) -> None:
    _, path = desk.report("bundle", name="bundle.zip")
    old = tmp_path / "old.zip"
    rewrite(path, old, {"report.json": _edit_report(path, _as_version_1)}, fix_manifest=True)
    check = verify_bundle(old)
    assert check.ok, check.problems
    assert check.passages == len(desk.claims) + 1


def test_a_report_version_this_factdesk_does_not_know_is_refused(
    desk: Desk, tmp_path: Path
) -> None:
    _, path = desk.report("bundle", name="bundle.zip")

    def future(report: dict[str, Any]) -> None:
        report["version"] = 99

    newer = tmp_path / "newer.zip"
    rewrite(path, newer, {"report.json": _edit_report(path, future)}, fix_manifest=True)
    result = desk.cli("bundle", "verify", str(newer))
    assert result.exit_code == 1
    assert "version 99" in result.stderr
    assert "upgrade factdesk" in result.stderr
