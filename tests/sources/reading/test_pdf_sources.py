"""PDF sources: ingested with page-numbered claims, quoted as evidence with
their table figures cross-checked, and refused with a reason when unreadable."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from db.engine import Database
from db.models import Claim, Snapshot, Source
from sources.pages import page_at
from sources.warc import read_bodies
from tests.sources.reading import pdfs
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "rapport-ess.pdf"
    path.write_bytes(pdfs.report_pdf())
    return path


def test_a_pdf_file_ingests_with_page_numbered_claims(
    cli: CliRun, database: Database, report: Path
) -> None:
    result = cli("ingest", str(report), "--format", "json")
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        source = session.exec(select(Source)).one()
        snapshot = session.exec(select(Snapshot)).one()
        claims = session.exec(select(Claim)).all()
    assert source.kind == "pdf"
    # The PDF's own bytes are the snapshot's body.
    assert snapshot.media_type == "application/pdf"
    assert snapshot.body_sha256 == hashlib.sha256(report.read_bytes()).hexdigest()
    assert snapshot.title == "Rapport ESS 2023"
    assert snapshot.language == "fr"
    (counted,) = [c for c in claims if "27.262 coopératives" in c.text]
    assert page_at(snapshot.text, counted.start) == 1
    (employs,) = [c for c in claims if "120.000 personnes" in c.text]
    assert page_at(snapshot.text, employs.start) == 2
    assert "\f" not in employs.text

    shown = cli("show", str(employs.id))
    assert shown.exit_code == 0, shown.stderr
    assert "p. 2" in shown.stdout


def test_a_quote_from_page_two_of_a_served_pdf_cross_checks_a_claim(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    article = "<html><body><article><p>Le Maroc compte 27.262 coopératives, selon le ministère."
    http_server.route("/article", article + "</p></article></body></html>")
    http_server.route("/rapport.pdf", pdfs.report_pdf(), content_type="application/pdf")
    assert cli("ingest", http_server.url("/article")).exit_code == 0
    with database.read() as session:
        claim = session.exec(select(Claim)).one()

    added = cli(
        "evidence", "add", str(claim.id), http_server.url("/rapport.pdf"),
        "--stance", "supports", "--quote", pdfs.TABLE_ROW, "--format", "json",
    )

    assert added.exit_code == 0, added.stderr
    evidence = json.loads(added.stdout)
    results = [check["result"] for check in evidence["crosscheck"]]
    assert "within" in results, evidence["crosscheck"]
    with database.read() as session:
        snapshot = session.exec(
            select(Snapshot).where(Snapshot.media_type == "application/pdf")
        ).one()
        source = session.get(Source, snapshot.source_id)
    assert source is not None
    assert source.kind == "pdf"
    start = snapshot.text.index(pdfs.TABLE_ROW)
    assert page_at(snapshot.text, start) == 2
    shown = cli("show", str(claim.id))
    assert "p. 2" in shown.stdout
    assert pdfs.TABLE_ROW in shown.stdout


BAD_PDFS = {
    "encrypted": (pdfs.encrypted_pdf, "encrypted"),
    "scanned, no text layer": (pdfs.scanned_pdf, "no text layer"),
    "truncated": (pdfs.truncated_pdf, "not a readable PDF"),
    "compression bomb": (lambda: pdfs.bomb_pdf(4 << 20), "1 MiB cap"),
}


@pytest.mark.parametrize("case", list(BAD_PDFS))
def test_unreadable_pdfs_are_refused_with_their_reason(
    case: str,
    cli: CliRun,
    database: Database,
    http_server: HTTPTestServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FACTDESK_FETCH__MAX_BODY_MIB", "1")
    build, reason = BAD_PDFS[case]
    body = build()
    path = tmp_path / "report.pdf"
    path.write_bytes(body)
    http_server.route("/report.pdf", body, content_type="application/pdf")

    for target, stdin in ((str(path), None), ("-", body), (http_server.url("/report.pdf"), None)):
        result = cli("ingest", target, input=stdin)
        assert result.exit_code == 1, (target, result.stdout)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert reason in lines[0]
        assert ("stdin" if target == "-" else target) in lines[0]
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies) == (0, 0, 0)
    assert c.failed_fetches == 3


def test_a_pdf_source_is_archived_and_verified_like_any_page(
    cli: CliRun, database: Database, report: Path, tmp_path: Path
) -> None:
    assert cli("ingest", str(report)).exit_code == 0
    bundle = tmp_path / "b.zip"
    warc = tmp_path / "a.warc.gz"

    assert cli("report", "--format", "warc", "-o", str(warc)).exit_code == 0
    made = cli("report", "--format", "bundle", "-o", str(bundle))
    assert made.exit_code == 0, made.stderr
    verified = cli("bundle", "verify", str(bundle))

    assert verified.exit_code == 0, verified.stdout + verified.stderr
    assert report.read_bytes() in _warc_payloads(warc)


def _warc_payloads(path: Path) -> list[bytes]:
    with path.open("rb") as stream:
        return [archived.body for archived in read_bodies(stream, max_body_bytes=1 << 24)]


def test_a_refresh_reads_a_pdf_source_through_the_same_seam(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    url = http_server.url("/rapport.pdf")
    http_server.route("/rapport.pdf", pdfs.report_pdf(), content_type="application/pdf")
    assert cli("ingest", url).exit_code == 0
    revised = pdfs.report_pdf(pdfs.PAGE_ONE.replace("en 2023", "en 2024"))
    http_server.route("/rapport.pdf", revised, content_type="application/pdf")

    refreshed = cli("refresh", "--all")

    assert refreshed.exit_code == 0, refreshed.stderr
    with database.read() as session:
        first, second = session.exec(select(Snapshot).order_by(col(Snapshot.id))).all()
        source = session.exec(select(Source)).one()
    assert second.media_type == "application/pdf"
    assert second.extractor == first.extractor
    assert "en 2024" in second.text
    assert page_at(second.text, second.text.index(pdfs.TABLE_ROW)) == 2
    assert source.health == "changed"
