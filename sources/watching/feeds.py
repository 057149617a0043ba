"""A feed's or sitemap's bytes to the article addresses it lists, with their dates.

Pure: bytes in, entries out, no database and no network. RSS and Atom are read
by feedparser, (news) sitemaps by ultimate-sitemap-parser; both are maintained
parsers that know the formats' many dialects. Before either sees the bytes,
defusedxml parses them with DTD entities forbidden: a billion-laughs bomb (or
any entity declaration, which no real feed needs) is refused before anything
expands it, and a body that is not XML at all is named as such.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time
from xml.etree.ElementTree import Element, ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from usp.objects.sitemap import AbstractIndexSitemap, AbstractPagesSitemap
from usp.tree import sitemap_from_str

from sources.errors import SourceError

MAX_SITEMAPS = 50
"""Most child sitemaps a sitemap index may list for a watch to follow it. A news
site's index lists a news sitemap and a few by section or month; thousands are
a whole-site archive, refused like a feed of too many entries."""

MAX_ENTRIES = 2000
"""Most entries a feed or sitemap may list. News feeds list tens; a sitemap of
a whole site lists tens of thousands of old pages, which a watch must not
queue for ingest. Above it the feed is refused (not cut): the user is told to
watch a news sitemap or a section feed instead."""

FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
SITEMAP_ROOT = "urlset"
SITEMAP_INDEX_ROOT = "sitemapindex"

# usp logs each page it skips and each parse it gives up, at INFO/WARNING: the
# caller reports a refused feed in one line of its own.
logging.getLogger("usp").setLevel(logging.CRITICAL)


class BadFeed(SourceError):
    """A body that is not a feed or sitemap factdesk can watch."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    """As the feed wrote it (made absolute); normalised by the caller."""
    title: str | None
    published: datetime | None


@dataclass(frozen=True)
class Feed:
    kind: str
    """rss, atom, sitemap or sitemapindex."""
    title: str | None
    entries: tuple[FeedEntry, ...]
    sitemaps: tuple[str, ...] = ()
    """A sitemap index's child sitemaps, as listed (`sitemaps.follow_index` reads them)."""


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _root(body: bytes, where: str) -> Element:
    try:
        root = fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise BadFeed(
            f"{where}: refused, the feed declares XML entities (an entity bomb, or markup "
            "no feed needs); check the address with the site"
        ) from None
    except ParseError as exc:
        head = body.lstrip()[:200].lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
            raise BadFeed(
                f"{where}: an HTML page, not a feed; give the address of its RSS/Atom "
                'feed or sitemap (look for <link rel="alternate"> in the page)'
            ) from None
        raise BadFeed(
            f"{where}: not XML ({exc}); give the address of an RSS/Atom feed or a sitemap"
        ) from None
    assert isinstance(root, Element)
    return root


_ENTRY_TAGS = frozenset({"item", "entry", "url"})


def _count_entries(root: Element) -> int:
    """Entries in the parsed tree, counted before the (slower) format parser runs."""
    return sum(1 for element in root.iter() if _local_name(str(element.tag)) in _ENTRY_TAGS)


def _when(parsed: struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _too_many(where: str, count: int) -> BadFeed:
    return BadFeed(
        f"{where}: lists {count:,} entries, more than the {MAX_ENTRIES:,} a watch takes; "
        "watch a news sitemap or a section's feed instead"
    )


def _read_feed(body: bytes, url: str, where: str) -> Feed:
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    entries = parsed.entries
    if len(entries) > MAX_ENTRIES:
        raise _too_many(where, len(entries))
    out: list[FeedEntry] = []
    for entry in entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link.strip():
            continue
        # dict.get: FeedParserDict.get maps a missing date to the other one, with a warning.
        when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        title = entry.get("title")
        out.append(FeedEntry(link.strip(), title if isinstance(title, str) else None, _when(when)))
    kind = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    title = parsed.feed.get("title")
    return Feed(kind, title if isinstance(title, str) else None, tuple(out))


def _read_sitemap(body: bytes, where: str) -> Feed:
    sitemap = sitemap_from_str(body.decode("utf-8", "replace"))
    if not isinstance(sitemap, AbstractPagesSitemap):
        raise BadFeed(f"{where}: a sitemap factdesk cannot read; check it in a browser")
    pages = sitemap.pages
    if len(pages) > MAX_ENTRIES:
        raise _too_many(where, len(pages))
    out = []
    for page in pages:
        news = page.news_story
        published = news.publish_date if news is not None else None
        title = news.title if news is not None else None
        out.append(FeedEntry(page.url, title, _aware(published or page.last_modified)))
    return Feed("sitemap", None, tuple(out))


def _read_index(tree: Element, body: bytes, where: str) -> Feed:
    listed = sum(1 for e in tree.iter() if _local_name(str(e.tag)) == "sitemap")
    if listed > MAX_SITEMAPS:
        raise BadFeed(
            f"{where}: a sitemap index of {listed:,} sitemaps, more than the {MAX_SITEMAPS} a "
            "watch follows; watch its news sitemap instead"
        )
    index = sitemap_from_str(body.decode("utf-8", "replace"))
    if not isinstance(index, AbstractIndexSitemap):
        raise BadFeed(f"{where}: a sitemap index factdesk cannot read; check it in a browser")
    children = tuple(dict.fromkeys(child.url for child in index.sub_sitemaps if child.url))
    return Feed("sitemapindex", None, (), children)


def parse_feed(body: bytes, *, url: str) -> Feed:
    """The entries of an RSS/Atom feed or a (news) sitemap; :class:`BadFeed` otherwise."""
    where = url
    tree = _root(body, where)
    count = _count_entries(tree)
    if count > MAX_ENTRIES:
        raise _too_many(where, count)
    root = _local_name(str(tree.tag))
    if root in FEED_ROOTS:
        return _read_feed(body, url, where)
    if root == SITEMAP_ROOT:
        return _read_sitemap(body, where)
    if root == SITEMAP_INDEX_ROOT:
        return _read_index(tree, body, where)
    if root.lower() == "html":
        raise BadFeed(
            f"{where}: an HTML page, not a feed; give the address of its RSS/Atom feed or sitemap"
        )
    raise BadFeed(
        f"{where}: not a feed (its root element is <{root[:40]}>); give the address of an "
        "RSS/Atom feed or a sitemap"
    )
