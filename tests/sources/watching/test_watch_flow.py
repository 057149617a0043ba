"""A watched feed end to end on the loopback server: add, ingest, refresh, 304, removals."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from claims.services.refresh import refresh
from claims.services.watch_run import run_watches
from claims.services.watching import ingest_pending
from db.engine import Database
from db.models import Claim, Snapshot, Source, Watch, WatchEntry
from sources.watching.watches import pause_watch, resume_watch
from tests.sources.refresh.conftest import ingest as ingest_by_hand
from tests.sources.watching.conftest import (
    FAST,
    POLICY,
    entries,
    rows,
    serve_articles,
    serve_feed,
    watch,
)
from tests.sources.watching.feeds import news_sitemap
from tests.support.httpserver import HTTPTestServer

THREE = ["/articles/cooperatives", "/articles/port", "/articles/solaire"]


def _make_due(database: Database) -> None:
    """Time passes: the feed is due (the articles are not, yet)."""
    with database.write() as session:
        for source in session.exec(select(Source).where(col(Source.url).endswith("/feed.xml"))):
            source.next_check_at = datetime.now(UTC) - timedelta(seconds=1)
            session.add(source)


def test_three_entries_become_three_sources_with_their_claims(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')

    added = watch(database, http_server)
    assert (added.recorded.new, len(added.feed.entries)) == (3, 3)
    result = ingest_pending(database, policy=POLICY, host_delay_s=0)

    assert (result.ingested, result.failed) == (3, 0)
    with database.read() as session:
        urls = {s.url for s in session.exec(select(Source)).all()}
        # Tracking parameters are gone: the article is one source whatever the feed adds.
        assert urls == {http_server.url("/feed.xml")} | {http_server.url(p) for p in THREE}
        for path in THREE:
            source = session.exec(select(Source).where(Source.url == http_server.url(path))).one()
            claims = session.exec(select(Claim).where(Claim.source_id == source.id)).all()
            assert claims, path
    assert {e.state for e in entries(database)} == {"ingested"}
    assert all(e.article_source_id is not None for e in entries(database))


def test_second_pass_reads_304_and_ingests_nothing_twice(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)
    ingest_pending(database, policy=POLICY, host_delay_s=0)
    before = rows(database)
    _make_due(database)

    second = run_watches(database, policy=FAST, fetch_policy=POLICY)

    assert second.feeds is not None
    assert second.feeds.counts.get("not_modified") == 1
    assert http_server.requests("/feed.xml")[-1].header("If-None-Match") == '"v1"'
    assert (second.ingest.ingested, second.ingest.failed) == (0, 0)
    after = rows(database)
    assert (after.sources, after.snapshots, after.claims, after.entries) == (
        before.sources,
        before.snapshots,
        before.claims,
        before.entries,
    )
    for path in THREE:
        assert http_server.count(path) == 1


def test_refresh_ingests_a_new_entry_and_a_removed_one_changes_nothing(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE[:2], etag='"v1"')
    watch(database, http_server)
    ingest_pending(database, policy=POLICY, host_delay_s=0)
    with database.read() as session:
        dropped = session.exec(select(Source).where(Source.url == http_server.url(THREE[0]))).one()
        kept_claims = session.exec(select(Claim).where(Claim.source_id == dropped.id)).all()
        kept_snapshots = session.exec(
            select(Snapshot).where(Snapshot.source_id == dropped.id)
        ).all()
    # The outlet drops the first article and publishes a third.
    serve_feed(http_server, THREE[1:], etag='"v2"')
    _make_due(database)

    result = refresh(database, policy=FAST, fetch_policy=POLICY, scope="due")

    assert result.counts.get("changed", 0) + result.counts.get("unchanged", 0) >= 1
    states = {e.url: e.state for e in entries(database)}
    assert states == {http_server.url(p): "ingested" for p in THREE}
    assert http_server.count(THREE[2]) == 1
    # Listed again, not ingested again (the refresh may check it, as any new source).
    assert len(entries(database)) == 3
    with database.read() as session:
        assert session.exec(select(Claim).where(Claim.source_id == dropped.id)).all() == (
            kept_claims
        )
        assert (
            session.exec(select(Snapshot).where(Snapshot.source_id == dropped.id)).all()
            == kept_snapshots
        )


def test_failed_article_is_recorded_with_its_reason_and_retried_later(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server, THREE[:2])
    http_server.route(THREE[2], "down", status=500, content_type="text/plain")
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)

    first = ingest_pending(database, policy=POLICY, host_delay_s=0)

    assert (first.ingested, first.failed) == (2, 1)
    failed = next(e for e in entries(database) if e.url == http_server.url(THREE[2]))
    assert failed.state == "failed"
    assert failed.attempts == 1
    assert failed.last_reason is not None
    assert "500" in failed.last_reason
    assert failed.next_attempt_at is not None
    assert failed.next_attempt_at > datetime.now(UTC) + timedelta(minutes=10)

    # Not yet due: a pass right away leaves it alone.
    assert ingest_pending(database, policy=POLICY, host_delay_s=0).failed == 0
    # The site recovers and the backoff runs out.
    serve_articles(http_server, THREE[2:])
    with database.write() as session:
        entry = session.get(WatchEntry, failed.id)
        assert entry is not None
        entry.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
        session.add(entry)

    again = ingest_pending(database, policy=POLICY, host_delay_s=0)

    assert (again.ingested, again.failed) == (1, 0)
    done = next(e for e in entries(database) if e.id == failed.id)
    assert (done.state, done.attempts, done.last_reason) == ("ingested", 2, None)


def test_per_pass_cap_leaves_the_rest_pending(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server, per_pass_cap=2)

    assert ingest_pending(database, policy=POLICY, host_delay_s=0).ingested == 2
    assert sorted(e.state for e in entries(database)) == ["ingested", "ingested", "pending"]
    assert ingest_pending(database, policy=POLICY, host_delay_s=0).ingested == 1


def test_an_article_already_ingested_by_hand_is_skipped(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    ingest_by_hand(database, http_server.url(THREE[0]))
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)

    result = ingest_pending(database, policy=POLICY, host_delay_s=0)

    assert (result.ingested, result.skipped) == (2, 1)
    skipped = next(e for e in entries(database) if e.state == "skipped")
    assert skipped.url == http_server.url(THREE[0])
    assert skipped.last_reason is not None
    assert "already a source" in skipped.last_reason
    with database.read() as session:
        assert len(session.exec(select(Source.id).order_by(col(Source.id))).all()) == 4


def test_articles_of_one_site_are_fetched_apart(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)

    assert ingest_pending(database, policy=POLICY, host_delay_s=0.4).ingested == 3

    times = sorted(r.received_at for p in THREE for r in http_server.requests(p))
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 2
    assert min(gaps) >= 0.35


def test_an_article_robots_txt_disallows_is_skipped_with_the_reason(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    http_server.route(
        "/robots.txt", "User-agent: *\nDisallow: /articles/port\n", content_type="text/plain"
    )
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)

    result = ingest_pending(database, policy=POLICY, host_delay_s=0)

    assert (result.ingested, result.skipped) == (2, 1)
    assert http_server.count(THREE[1]) == 0
    skipped = next(e for e in entries(database) if e.state == "skipped")
    assert skipped.url == http_server.url(THREE[1])
    assert skipped.last_reason is not None
    assert "robots.txt disallows" in skipped.last_reason


def test_a_news_sitemap_served_as_xml_is_refreshed_into_new_entries(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    base = http_server.base_url
    http_server.route("/feed.xml", news_sitemap(base, THREE[:1]), content_type="application/xml")
    added = watch(database, http_server)
    assert (added.feed.kind, added.recorded.new) == ("sitemap", 1)
    http_server.route("/feed.xml", news_sitemap(base, THREE), content_type="application/xml")
    _make_due(database)

    result = run_watches(database, policy=FAST, fetch_policy=POLICY)

    assert result.feeds is not None
    assert result.feeds.counts.get("failed", 0) == 0
    assert result.ingest.ingested == 3
    assert {e.url for e in entries(database)} == {http_server.url(p) for p in THREE}


def test_a_feed_that_turns_bad_is_noted_and_changes_no_entry(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE[:2], etag='"v1"')
    watch(database, http_server)
    http_server.route("/feed.xml", "<html><body><p>Maintenance</p></body></html>")
    _make_due(database)

    result = run_watches(database, policy=FAST, fetch_policy=POLICY)

    assert result.feeds is not None
    assert result.feeds.counts.get("changed") == 1  # the page is kept, as any snapshot
    with database.read() as session:
        [noted] = session.exec(select(Watch)).all()
    assert noted.last_error is not None
    assert "an HTML page, not a feed" in noted.last_error
    assert [e.url for e in entries(database)] == [http_server.url(p) for p in THREE[:2]]


def test_a_paused_watch_ingests_nothing_until_resumed(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    added = watch(database, http_server)
    with database.write() as session:
        pause_watch(session, str(added.watch.id))

    assert ingest_pending(database, policy=POLICY, host_delay_s=0).ingested == 0
    assert sum(http_server.count(p) for p in THREE) == 0

    with database.write() as session:
        resume_watch(session, str(added.watch.id))
    assert ingest_pending(database, policy=POLICY, host_delay_s=0).ingested == 3


def test_a_stopped_pass_leaves_its_entries_pending(
    database: Database, http_server: HTTPTestServer
) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    watch(database, http_server)
    stop = threading.Event()
    stop.set()

    result = ingest_pending(database, policy=POLICY, host_delay_s=0, stop=stop)

    assert result.ingested == 0
    assert sum(http_server.count(p) for p in THREE) == 0
    assert [(e.state, e.lease_owner) for e in entries(database)] == [("pending", None)] * 3
    assert ingest_pending(database, policy=POLICY, host_delay_s=0).ingested == 3
