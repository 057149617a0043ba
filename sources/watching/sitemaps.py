"""A sitemap index's child sitemaps, read and merged into the entries of one feed.

The index and its children are read with the same parsers as any sitemap
(`feeds.parse_feed`: defusedxml first, then ultimate-sitemap-parser). Bounds:
at most `feeds.MAX_SITEMAPS` children (a longer index is refused when parsed),
children on the index's own host only (the sitemaps protocol's rule, and no
way for an index to point factdesk at other sites), one level (a child that is
itself an index, or the index itself, is not read again), and at most
`feeds.MAX_ENTRIES` addresses across all children in one pass. Each child is
fetched through the caller's ``read`` (the guarded fetcher, with robots.txt and
the per-site delay), so a child obeys what any fetch obeys.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlmodel import col, select

from db.bodies import load_body
from db.engine import Database
from db.models import FetchRecord, Snapshot, Source, Watch
from sources.errors import SourceError
from sources.fetching import FetchPolicy, fetch
from sources.refresh.robots import RobotsCache
from sources.urls import canonical_url, origin
from sources.watching.entries import record_entries
from sources.watching.feeds import MAX_ENTRIES, BadFeed, Feed, FeedEntry, parse_feed

ReadChild = Callable[[str], bytes]
"""Fetch one child sitemap's body (robots.txt and politeness included); raises on failure."""


@dataclass(frozen=True)
class FollowedIndex:
    feed: Feed
    """The index with the entries of every child read, in the index's order."""
    read: int
    """Child sitemaps read."""
    notes: tuple[str, ...]
    """One line for each child not read, and for entries left for a later pass."""


def _same(url: str) -> str:
    try:
        return canonical_url(url)
    except SourceError:
        return url


def follow_index(index: Feed, *, url: str, read: ReadChild) -> FollowedIndex:
    """Read ``index``'s children (``index`` as `parse_feed` returned it for ``url``)."""
    host = urlsplit(url).netloc.lower()
    seen = {_same(url)}
    entries: list[FeedEntry] = []
    notes: list[str] = []
    count = 0
    for child in index.sitemaps:
        key = _same(child)
        if key in seen:
            notes.append(f"{child}: the index itself or a sitemap listed already; read once")
            continue
        seen.add(key)
        if urlsplit(child).netloc.lower() != host:
            notes.append(f"{child}: on another host than the index ({host}); not read")
            continue
        try:
            feed = parse_feed(read(child), url=child)
        except (BadFeed, SourceError) as exc:
            notes.append(str(exc).splitlines()[0])
            continue
        count += 1
        if feed.kind == "sitemapindex":
            notes.append(f"{child}: an index inside the index; indexes are followed one level")
            continue
        room = MAX_ENTRIES - len(entries)
        if len(feed.entries) > room:
            entries.extend(feed.entries[:room])
            notes.append(
                f"{url}: its sitemaps list more than {MAX_ENTRIES:,} addresses; the first "
                f"{MAX_ENTRIES:,} are taken, watch its news sitemap for the rest"
            )
            break
        entries.extend(feed.entries)
    merged = Feed("sitemapindex", None, tuple(entries), index.sitemaps)
    return FollowedIndex(merged, count, tuple(notes))


def spaced(delay_s: float) -> Callable[[str], bool]:
    """A site gate for a one-off read (`watch add`): at least ``delay_s`` between two
    child sitemaps of one site, as the refresh's per-site delay keeps for sources."""
    last: dict[str, float] = {}

    def wait(url: str) -> bool:
        site = origin(url)
        if site in last:
            left = last[site] + delay_s - time.monotonic()
            if left > 0:
                time.sleep(left)
        last[site] = time.monotonic()
        return True

    return wait


class ChildRefused(SourceError):
    """A child sitemap robots.txt disallows, or a stop asked while waiting for its host."""


def fetching_reader(
    policy: FetchPolicy,
    client: httpx.Client,
    *,
    robots: RobotsCache | None,
    wait: Callable[[str], bool] | None = None,
) -> ReadChild:
    """Read a child sitemap as refresh reads any source: robots.txt first, then the
    site's delay (``wait``, False when asked to stop), then the guarded fetcher."""

    def read(url: str) -> bytes:
        if robots is not None:
            verdict = robots.verdict(url, client)
            if not verdict.allowed:
                raise ChildRefused(f"{url}: not read, {verdict.reason}")
        if wait is not None and not wait(url):
            raise ChildRefused(f"{url}: not read, the run was stopped")
        return fetch(url, policy=policy, client=client).body

    return read


def follow_new_indexes(
    database: Database, watches: list[Watch], read: ReadChild
) -> list[tuple[Watch, FollowedIndex]]:
    """For each watch whose feed is a sitemap index read again (even unchanged: its
    children change without it) since its children were last followed, read the
    children and record their new entries (no transaction is held while reading)."""
    out = []
    for watch in watches:
        with database.read() as session:
            last_read = session.exec(
                select(FetchRecord.id)
                .where(FetchRecord.source_id == watch.source_id, FetchRecord.outcome != "failed")
                .order_by(col(FetchRecord.id).desc())
            ).first()
            if last_read is None or last_read == watch.indexed_fetch_id:
                continue
            newest = session.exec(
                select(Snapshot)
                .where(Snapshot.source_id == watch.source_id)
                .order_by(col(Snapshot.id).desc())
            ).first()
            if newest is None:
                continue
            source = session.get(Source, watch.source_id)
            assert source is not None
            body = load_body(session, newest.body_sha256)
        try:
            index = parse_feed(body, url=source.url)
        except BadFeed:
            continue  # the refresh hook noted it on the watch
        if index.kind != "sitemapindex":
            continue
        followed = follow_index(index, url=source.url, read=read)
        with database.write() as session:
            current = session.get(Watch, watch.id)
            assert current is not None
            if current.indexed_fetch_id == last_read:
                continue  # another worker followed it meanwhile
            current.indexed_fetch_id = last_read
            current.last_error = followed.notes[0] if followed.notes and not followed.read else None
            session.add(current)
            record_entries(session, current, followed.feed)
        out.append((watch, followed))
    return out
