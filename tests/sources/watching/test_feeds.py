"""Reading feeds and sitemaps from bytes: entries, dates, and hostile bodies refused."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from sources.watching.feeds import MAX_ENTRIES, BadFeed, parse_feed
from tests.sources.watching.feeds import atom, billion_laughs, huge_feed, news_sitemap, rss

BASE = "https://courrier.example"
PATHS = ["/a", "/b", "/c"]


def test_rss_gives_each_item_link_title_and_date() -> None:
    feed = parse_feed(rss(BASE, PATHS), url=BASE + "/feed")
    assert feed.kind == "rss"
    assert feed.title == "Le Courrier"
    assert [e.url for e in feed.entries] == [
        f"{BASE}{p}?utm_source=rss&utm_medium=feed" for p in PATHS
    ]
    assert feed.entries[1].published == datetime(2026, 11, 30, 1, tzinfo=UTC)


def test_atom_relative_links_are_made_absolute() -> None:
    feed = parse_feed(atom(BASE, ["a", "/b"]), url=BASE + "/atom.xml")
    assert feed.kind == "atom"
    assert [e.url for e in feed.entries] == [BASE + "/a", BASE + "/b"]
    assert feed.entries[0].published == datetime(2026, 11, 30, 10, tzinfo=UTC)


def test_news_sitemap_gives_locations_and_publication_dates() -> None:
    feed = parse_feed(news_sitemap(BASE, PATHS), url=BASE + "/news-sitemap.xml")
    assert feed.kind == "sitemap"
    assert [e.url for e in feed.entries] == [BASE + p for p in PATHS]
    assert feed.entries[0].published == datetime(2026, 11, 30, 8, tzinfo=UTC)
    assert feed.entries[2].title == "T2"


def test_entity_bomb_is_refused_before_it_expands() -> None:
    started = time.monotonic()
    with pytest.raises(BadFeed, match="declares XML entities"):
        parse_feed(billion_laughs(), url=BASE + "/feed")
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"20.000 cooperatives, plain text", "not XML"),
        (
            b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</body></html>",
            "an HTML page, not a feed",
        ),
        (b"<html><body><p>x</p></body></html>", "an HTML page, not a feed"),
        (b"<?xml version='1.0'?><note><to>x</to></note>", "root element is <note>"),
        (b"<rss><channel><title>cut off", "not XML"),
    ],
)
def test_what_is_not_a_feed_is_named_in_one_line(body: bytes, says: str) -> None:
    with pytest.raises(BadFeed) as caught:
        parse_feed(body, url=BASE + "/feed")
    message = str(caught.value)
    assert says in message
    assert "\n" not in message
    assert message.startswith(BASE + "/feed: ")


def test_a_sitemap_index_lists_its_sitemaps_to_follow() -> None:
    body = (
        b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        b"<sitemap><loc>https://x.example/news.xml</loc></sitemap>"
        b"<sitemap><loc>https://x.example/2026-11.xml</loc></sitemap></sitemapindex>"
    )
    feed = parse_feed(body, url=BASE + "/sitemap.xml")
    assert (feed.kind, feed.entries) == ("sitemapindex", ())
    assert feed.sitemaps == ("https://x.example/news.xml", "https://x.example/2026-11.xml")


def test_a_feed_over_the_cap_is_refused_whole() -> None:
    with pytest.raises(BadFeed, match=f"10,000 entries, more than the {MAX_ENTRIES:,}"):
        parse_feed(huge_feed(BASE, 10_000), url=BASE + "/feed")


def test_a_feed_at_the_cap_is_read() -> None:
    assert len(parse_feed(huge_feed(BASE, MAX_ENTRIES), url=BASE + "/f").entries) == MAX_ENTRIES
