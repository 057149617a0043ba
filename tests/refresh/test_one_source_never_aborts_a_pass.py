"""One hostile source fails alone: the pass goes on, the next pass too.

The attacks of the audit, on both engines: a NUL character in a page's
JSON-LD title and text (PostgreSQL refuses NUL in text).
"""

from __future__ import annotations

from sqlmodel import col, select

from claims.refresh import refresh
from db.engine import Database
from db.models import RefreshRun, Snapshot, Source
from tests.refresh.conftest import (
    ARTICLE,
    FAST,
    fetch_policy,
    ingest,
    source_row,
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer

NUL_PAGE = (
    "<html><head><title>Rapport</title>"
    '<script type="application/ld+json">'
    '{"@type": "NewsArticle", "headline": "Bilan\\u0000annuel", "author": "A\\u0000B"}'
    "</script></head><body><article><p>"
    + ARTICLE.replace("\n\n", "</p><p>")
    + "</p></article></body></html>"
)


def _seed(database: Database, server: HTTPTestServer, paths: list[str]) -> list[int]:
    ids = []
    for path in paths:
        text_page(server, path, f"{path}\n\n{ARTICLE}")
        source, _ = ingest(database, server.url(path), claims=False)
        assert source.id is not None
        ids.append(source.id)
    return ids


def _runs(database: Database) -> list[str]:
    with database.read() as session:
        runs = session.exec(select(RefreshRun).order_by(col(RefreshRun.id))).all()
        return [run.status for run in runs]


def test_a_nul_in_a_page_is_stored_as_a_replacement_character(
    database: Database, http_server: HTTPTestServer
) -> None:
    hostile, calm = _seed(database, http_server, ["/hostile", "/calm"])
    http_server.route(
        "/hostile",
        NUL_PAGE.replace("20.000", "20\x00000"),
        content_type="text/html; charset=utf-8",
    )
    text_page(http_server, "/calm", "Changed.\n\n" + ARTICLE)

    counts = refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    assert _runs(database) == ["done"]
    assert counts["checked"] == 2
    assert counts["changed"] == 2
    with database.read() as session:
        snapshot = session.exec(
            select(Snapshot).where(Snapshot.source_id == hostile).order_by(col(Snapshot.id).desc())
        ).first()
        source = session.get(Source, hostile)
    assert snapshot is not None
    assert source is not None
    assert snapshot.title == "Bilan\ufffdannuel"
    assert source.title == "Bilan\ufffdannuel"
    assert "\x00" not in snapshot.text
    assert "\x00" not in str(snapshot.jsonld)
    assert source_row(database, calm).health == "changed"

    # Fetched again, the same page is not a change (the stored text is the NUL-free one).
    again = refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts
    assert again["unchanged"] == 2


def test_ingest_stores_a_page_with_nul_characters(
    cli: CliRun, db_url: str, http_server: HTTPTestServer
) -> None:
    http_server.route("/a", NUL_PAGE.replace("20.000", "20\x00000"))

    result = cli("ingest", http_server.url("/a"), "--format", "json")

    assert result.exit_code == 0, result.stderr
    database = Database(db_url)
    try:
        with database.read() as session:
            snapshot = session.exec(select(Snapshot)).one()
    finally:
        database.dispose()
    assert snapshot.title == "Bilan\ufffdannuel"
    assert "20\ufffd000" in snapshot.text
