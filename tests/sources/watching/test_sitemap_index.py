"""A watched sitemap index leads to its child sitemaps, bounded, on the loopback server."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

import pytest
from sqlmodel import col, select

from claims.services.watch_run import run_watches
from claims.services.watching import ingest_pending
from db.engine import Database
from db.models import Claim, Source
from sources.watching.feeds import BadFeed
from tests.sources.watching.conftest import FAST, POLICY, entries, rows, serve_articles, watch
from tests.sources.watching.feeds import news_sitemap
from tests.support.httpserver import HTTPTestServer

XML = "application/xml; charset=utf-8"


def sitemap_index(locations: list[str]) -> bytes:
    sitemaps = "".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>" for loc in locations)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemaps}'
        "</sitemapindex>"
    ).encode()


def _serve(server: HTTPTestServer, path: str, body: bytes) -> None:
    server.route(path, body, content_type=XML)


def test_an_index_of_two_sitemaps_yields_their_articles(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    serve_articles(http_server)
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(http_server, "/news-b.xml", news_sitemap(base, ["/articles/port", "/articles/solaire"]))
    _serve(http_server, "/feed.xml", sitemap_index([base + "/news-a.xml", base + "/news-b.xml"]))

    added = watch(database, http_server, host_delay_s=0)

    assert (added.recorded.new, added.notes) == (3, ())
    result = ingest_pending(database, policy=POLICY, host_delay_s=0)
    assert (result.ingested, result.failed) == (3, 0)
    with database.read() as session:
        source = session.exec(
            select(Source).where(Source.url == http_server.url("/articles/port"))
        ).one()
        assert session.exec(select(Claim).where(Claim.source_id == source.id)).first()


def test_a_refresh_reads_the_children_again_and_ingests_what_is_new(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    serve_articles(http_server)
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(http_server, "/feed.xml", sitemap_index([base + "/news-a.xml"]))
    watch(database, http_server, host_delay_s=0)
    ingest_pending(database, policy=POLICY, host_delay_s=0)
    # The child lists a new article; the index itself is unchanged.
    _serve(
        http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives", "/articles/port"])
    )
    with database.write() as session:
        for source in session.exec(select(Source).where(col(Source.url).endswith("/feed.xml"))):
            source.next_check_at = datetime.now(UTC) - timedelta(seconds=1)
            session.add(source)

    second = run_watches(database, policy=FAST, fetch_policy=POLICY)

    assert (second.ingest.ingested, second.ingest.failed) == (1, 0)
    assert sorted(e.url for e in entries(database)) == [
        http_server.url("/articles/cooperatives"),
        http_server.url("/articles/port"),
    ]
    # Nothing new the next time: the child is read again, nothing is ingested twice.
    third = run_watches(database, policy=FAST, fetch_policy=POLICY, every_feed=True)
    assert third.ingest.ingested == 0
    assert len(entries(database)) == 2


def test_an_index_listing_itself_or_another_host_is_read_once(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(
        http_server,
        "/feed.xml",
        sitemap_index(
            [
                base + "/feed.xml",
                base + "/news-a.xml",
                base + "/news-a.xml",
                "https://elsewhere.example/news.xml",
            ]
        ),
    )

    added = watch(database, http_server, host_delay_s=0)

    assert added.recorded.new == 1
    assert len(http_server.requests("/feed.xml")) == 1
    assert len(http_server.requests("/news-a.xml")) == 1
    assert len(added.notes) == 2  # the repeated child is read once, silently
    assert all("\n" not in note for note in added.notes)
    assert any("the index itself" in note for note in added.notes)
    assert any("on another host" in note for note in added.notes)


def test_an_index_of_ten_thousand_sitemaps_is_refused_in_one_line(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    _serve(http_server, "/feed.xml", sitemap_index([f"{base}/s{n}.xml" for n in range(10_000)]))
    before = rows(database)

    with pytest.raises(BadFeed) as caught:
        watch(database, http_server, host_delay_s=0)

    message = str(caught.value)
    assert "10,000 sitemaps, more than the 50 a watch follows" in message
    assert "\n" not in message
    assert rows(database) == before
    assert http_server.requests("/s0.xml") == []


def test_children_of_one_host_are_read_apart(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(http_server, "/news-b.xml", news_sitemap(base, ["/articles/port"]))
    _serve(http_server, "/feed.xml", sitemap_index([base + "/news-a.xml", base + "/news-b.xml"]))

    started = time.monotonic()
    watch(database, http_server, host_delay_s=0.5)

    assert time.monotonic() - started >= 0.5
    assert len(http_server.requests("/news-b.xml")) == 1


def test_a_child_robots_txt_forbids_is_not_read(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    http_server.route(
        "/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(http_server, "/private/news.xml", news_sitemap(base, ["/articles/port"]))
    _serve(
        http_server, "/feed.xml", sitemap_index([base + "/news-a.xml", base + "/private/news.xml"])
    )

    added = watch(database, http_server, host_delay_s=0)

    assert added.recorded.new == 1
    assert http_server.requests("/private/news.xml") == []
    assert any("robots.txt" in note for note in added.notes)


def test_a_watched_feed_is_a_source_of_kind_feed(
    database: Database, http_server: HTTPTestServer
) -> None:
    base = http_server.base_url
    serve_articles(http_server)
    _serve(http_server, "/news-a.xml", news_sitemap(base, ["/articles/cooperatives"]))
    _serve(http_server, "/feed.xml", sitemap_index([base + "/news-a.xml"]))
    watch(database, http_server, host_delay_s=0)
    ingest_pending(database, policy=POLICY, host_delay_s=0)
    with database.read() as session:
        kinds = {s.url: s.kind for s in session.exec(select(Source)).all()}
    assert kinds == {
        http_server.url("/feed.xml"): "feed",
        http_server.url("/articles/cooperatives"): "http",
    }
