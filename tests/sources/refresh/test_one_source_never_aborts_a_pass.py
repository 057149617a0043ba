"""One hostile source fails alone: the pass goes on, the next pass too.

The attacks of the audit, on both engines: a Retry-After too large for date
arithmetic, a NUL character in a page's JSON-LD title and text (PostgreSQL
refuses NUL in text), and a store that fails for a reason nobody foresaw.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from claims.services.refresh import refresh
from db.engine import Database
from db.models import RefreshRun, Snapshot, Source
from sources.refresh import run_pass
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    fetch_policy,
    fetch_records,
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


@pytest.mark.parametrize("seconds", ["1000000000000", "9" * 400], ids=["10^12", "10^400"])
def test_a_huge_retry_after_is_capped_and_the_pass_goes_on(
    database: Database, http_server: HTTPTestServer, seconds: str
) -> None:
    hostile, calm = _seed(database, http_server, ["/hostile", "/calm"])
    http_server.route(
        "/hostile", "busy", status=503, content_type="text/plain", headers={"Retry-After": seconds}
    )
    text_page(http_server, "/calm", "Changed.\n\n" + ARTICLE)

    first = refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")
    calm_health = source_row(database, calm).health
    second = refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")

    assert _runs(database) == ["done", "done"]
    assert first.counts["checked"] == 2
    assert first.counts["failed"] == 1
    assert first.counts["changed"] == 1
    assert second.counts["checked"] == 2
    row = source_row(database, hostile)
    assert row.health == "failing"
    assert row.next_check_at is not None
    assert row.last_checked_at is not None
    wait = row.next_check_at - row.last_checked_at
    # The policy's longest backoff, not 31,000 years (or an overflow).
    assert timedelta(seconds=FAST.backoff_max - 60) <= wait
    assert wait <= timedelta(seconds=FAST.backoff_max + 60)
    error = fetch_records(database, hostile)[-1].error
    assert error is not None
    assert "Retry-After" in error
    assert "capped" in error
    assert calm_health == "changed"


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


def test_a_source_whose_store_fails_is_recorded_as_failed_and_the_pass_goes_on(
    database: Database, http_server: HTTPTestServer
) -> None:
    ids = _seed(database, http_server, ["/a", "/b", "/c"])
    for path in ("/a", "/b", "/c"):
        text_page(http_server, path, f"{path} changed.\n\n{ARTICLE}")
    doomed = ids[1]

    def hook(session: Session, source: Source, old: Snapshot, new: Snapshot) -> int:
        # A failure no rule foresaw, for one source only.
        if source.id == doomed:
            raise ZeroDivisionError("an unforeseen failure")
        return 0

    first = run_pass(
        database, policy=FAST, fetch_policy=fetch_policy(), scope="all", on_new_snapshot=hook
    )
    others = [source_row(database, other).health for other in (ids[0], ids[2])]
    second = run_pass(
        database, policy=FAST, fetch_policy=fetch_policy(), scope="all", on_new_snapshot=hook
    )

    assert _runs(database) == ["done", "done"]
    assert first.counts["checked"] == 3
    assert first.counts["changed"] == 2
    assert first.counts["failed"] == 1
    assert second.counts["checked"] == 3
    record = fetch_records(database, doomed)[-1]
    assert record.outcome == "failed"
    assert record.error is not None
    assert "not stored" in record.error
    assert "ZeroDivisionError: an unforeseen failure" in record.error
    row = source_row(database, doomed)
    assert row.health == "failing"
    assert row.lease_owner is None
    assert row.next_check_at is not None
    assert row.next_check_at > datetime.now(UTC)
    assert others == ["changed", "changed"]
