"""Conditional re-fetch: validators sent back, 304 stores no body, changes make snapshots."""

from __future__ import annotations

from claims.services.refresh import refresh
from db.engine import Database
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    fetch_policy,
    fetch_records,
    ingest,
    snapshot_count,
    source_row,
    text_page,
)
from tests.support.httpserver import HTTPTestServer, conditional


def _refresh(database: Database) -> dict[str, int]:
    return refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts


def test_etag_answered_304_stores_no_body_and_records_the_check(
    database: Database, http_server: HTTPTestServer
) -> None:
    http_server.handle(
        "/a", conditional(ARTICLE.encode(), etag='"v1"', content_type="text/plain; charset=utf-8")
    )
    source, _ = ingest(database, http_server.url("/a"))
    assert source.id is not None

    counts = _refresh(database)

    assert counts["not_modified"] == 1
    assert http_server.requests("/a")[-1].header("If-None-Match") == '"v1"'
    assert snapshot_count(database, source.id) == 1
    last = fetch_records(database, source.id)[-1]
    assert (last.outcome, last.http_status, last.body_sha256 is not None) == (
        "not_modified",
        304,
        True,
    )
    assert source_row(database, source.id).health == "ok"


def test_last_modified_is_sent_back(database: Database, http_server: HTTPTestServer) -> None:
    stamp = "Tue, 01 Sep 2026 10:00:00 GMT"
    http_server.handle(
        "/a",
        conditional(
            ARTICLE.encode(), last_modified=stamp, content_type="text/plain; charset=utf-8"
        ),
    )
    source, _ = ingest(database, http_server.url("/a"))
    assert source.id is not None

    counts = _refresh(database)

    assert counts["not_modified"] == 1
    assert http_server.requests("/a")[-1].header("If-Modified-Since") == stamp


def test_changed_content_makes_a_new_snapshot_and_marks_the_source_changed(
    database: Database, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", ARTICLE)
    source, _ = ingest(database, http_server.url("/a"))
    assert source.id is not None
    text_page(http_server, "/a", ARTICLE + "\n\nUn paragraphe ajouté après publication.")

    counts = _refresh(database)

    assert counts["changed"] == 1
    assert snapshot_count(database, source.id) == 2
    assert source_row(database, source.id).health == "changed"


def test_same_article_with_a_new_timestamp_is_not_a_change(
    database: Database, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", "Mis à jour à 10:02\n\n" + ARTICLE)
    source, _ = ingest(database, http_server.url("/a"))
    assert source.id is not None
    text_page(http_server, "/a", "Mis à jour à 11:47\n\n" + ARTICLE)

    counts = _refresh(database)

    assert counts["unchanged"] == 1
    assert snapshot_count(database, source.id) == 2  # a distinct body is still kept
    assert source_row(database, source.id).health == "ok"


def test_refresh_schedules_the_next_check_one_interval_on(
    database: Database, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", ARTICLE)
    source, _ = ingest(database, http_server.url("/a"))
    assert source.id is not None

    refresh(database, policy=FAST, fetch_policy=fetch_policy())  # due: never checked yet
    again = refresh(database, policy=FAST, fetch_policy=fetch_policy())  # nothing due now

    row = source_row(database, source.id)
    assert row.next_check_at is not None
    assert row.last_checked_at is not None
    gap = (row.next_check_at - row.last_checked_at).total_seconds()
    assert 0.85 * row.check_interval_s <= gap <= 1.15 * row.check_interval_s
    assert again.counts.get("checked", 0) == 0
    assert http_server.count("/a") == 2  # ingest + one refresh
