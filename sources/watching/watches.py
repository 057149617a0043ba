"""Adding, listing, pausing and removing watches.

A watch's feed is a :class:`~db.models.Source` like any other: its reads are
fetch records and snapshots of the snapshot store, and the refresh job
re-reads it (conditional GET, robots.txt, politeness, leases, backoff) every
``every_seconds``, which is the source's ``check_interval_s``. Removing a
watch keeps everything it stored; it pauses the feed's source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func
from sqlmodel import Session, col, select

from db.engine import Database
from db.models import FetchRecord, Source, Watch, WatchEntry
from sources.errors import SourceError
from sources.fetching import FetchPolicy
from sources.fetching.client import build_client
from sources.fetching.media import FEED_TYPES
from sources.ingest import fetch_web, page_article, worker_name
from sources.reading.kinds import SourceKind
from sources.refresh.robots import RobotsCache
from sources.snapshots import store_fetch
from sources.urls import canonical_url, is_web_url, require_web_url
from sources.watching.entries import Recorded, record_entries
from sources.watching.feeds import Feed, parse_feed
from sources.watching.sitemaps import fetching_reader, follow_index, spaced

MIN_EVERY_S = 300
"""Shortest interval between two reads of a feed: five minutes."""
MAX_PER_PASS = 500


class WatchNotFound(SourceError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"{key}: no such watch; `factdesk watch list` shows the watches and their ids"
        )


def feed_policy(policy: FetchPolicy) -> FetchPolicy:
    """``policy`` that also reads what feeds and sitemaps are served as."""
    return replace(policy, also_read=policy.also_read | FEED_TYPES)


@dataclass(frozen=True)
class Added:
    watch: Watch
    source: Source
    feed: Feed
    recorded: Recorded
    revived: bool
    notes: tuple[str, ...] = ()
    """Child sitemaps of an index not read, each in one line."""


def _watch_of(session: Session, source_id: int) -> Watch | None:
    return session.exec(select(Watch).where(Watch.source_id == source_id)).first()


def add_watch(
    database: Database,
    url: str,
    *,
    lang: str | None,
    every_s: int,
    per_pass_cap: int,
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    worker: str | None = None,
    host_delay_s: float = 1.0,
) -> Added:
    """Read the feed now and watch it; a bad feed raises and stores nothing.

    A sitemap index's children are read at once too, ``host_delay_s`` apart."""
    if every_s < MIN_EVERY_S:
        raise SourceError(
            f"--every {every_s}s: a feed is read at most every {MIN_EVERY_S // 60} minutes; "
            "give --every 5m or more"
        )
    if not 1 <= per_pass_cap <= MAX_PER_PASS:
        raise SourceError(f"--cap {per_pass_cap}: give a number from 1 to {MAX_PER_PASS}")
    require_web_url(url)
    source_url = canonical_url(url)
    with database.read() as session:
        known = session.exec(select(Source).where(Source.url == source_url)).first()
        existing = _watch_of(session, known.id) if known and known.id else None
    if existing is not None and existing.removed_at is None:
        raise SourceError(f"{url}: already watched (watch {existing.id})")
    fetched = fetch_web(url, policy=feed_policy(policy), client=client)
    feed = parse_feed(fetched.body, url=fetched.final_url)
    notes: tuple[str, ...] = ()
    indexed = feed.kind == "sitemapindex"
    if indexed:
        feed, notes = _follow(feed, fetched.final_url, feed_policy(policy), client, host_delay_s)
    decoded, article = page_article(fetched, url=fetched.final_url, lang=None)
    now = datetime.now(UTC)
    with database.write() as session:
        stored = store_fetch(
            session,
            source_url=source_url,
            fetched=fetched,
            decoded=decoded,
            article=article,
            worker=worker or worker_name("watch"),
        )
        source = stored.source
        assert source.id is not None
        source.kind = SourceKind.FEED.value
        source.check_interval_s = every_s
        source.next_check_at = now + timedelta(seconds=every_s)
        if source.health == "paused":
            source.health = "ok"
        session.add(source)
        watch = _watch_of(session, source.id)
        revived = watch is not None
        if watch is None:
            watch = Watch(source_id=source.id)
        watch.lang = lang
        watch.every_seconds = every_s
        watch.per_pass_cap = per_pass_cap
        watch.paused = False
        watch.removed_at = None
        watch.last_error = None
        session.add(watch)
        session.flush()
        watch.indexed_fetch_id = stored.fetch.id if indexed else None
        watch.feed_kind = feed.kind
        recorded = record_entries(session, watch, feed, now=now)
        return Added(watch, source, feed, recorded, revived, notes)


def _follow(
    index: Feed, url: str, policy: FetchPolicy, client: httpx.Client | None, delay_s: float
) -> tuple[Feed, tuple[str, ...]]:
    own = client is None
    http = client or build_client(policy)
    try:
        robots = RobotsCache(policy, 3600.0)
        read = fetching_reader(policy, http, robots=robots, wait=spaced(delay_s))
        followed = follow_index(index, url=url, read=read)
    finally:
        if own:
            http.close()
    return followed.feed, followed.notes


def find_watch(session: Session, key: str) -> Watch:
    """The watch with id ``key``, or the one of feed address ``key``."""
    watch: Watch | None = None
    key = key.strip()
    if key.isdigit():
        watch = session.get(Watch, int(key))
    elif is_web_url(key):
        try:
            url = canonical_url(key)
        except SourceError:
            raise WatchNotFound(key) from None
        watch = session.exec(
            select(Watch)
            .join(Source, col(Source.id) == col(Watch.source_id))
            .where(Source.url == url)
        ).first()
    if watch is None:
        raise WatchNotFound(key)
    return watch


def _feed_source(session: Session, watch: Watch) -> Source:
    source = session.get(Source, watch.source_id)
    assert source is not None
    return source


def pause_watch(session: Session, key: str) -> Watch:
    """Stop reading the feed and ingesting its entries until resumed."""
    watch = find_watch(session, key)
    if watch.removed_at is not None:
        raise SourceError(f"watch {watch.id} was removed; `factdesk watch add` it again")
    if watch.paused:
        raise SourceError(f"watch {watch.id} is already paused")
    watch.paused = True
    source = _feed_source(session, watch)
    source.health = "paused"
    session.add_all([watch, source])
    session.flush()
    return watch


def resume_watch(session: Session, key: str) -> Watch:
    """Read the feed again from the next pass, and ingest its pending entries."""
    watch = find_watch(session, key)
    if watch.removed_at is not None:
        raise SourceError(f"watch {watch.id} was removed; `factdesk watch add` it again")
    if not watch.paused:
        raise SourceError(f"watch {watch.id} is not paused")
    watch.paused = False
    source = _feed_source(session, watch)
    source.health = "ok"
    source.next_check_at = datetime.now(UTC)
    session.add_all([watch, source])
    session.flush()
    return watch


def remove_watch(session: Session, key: str) -> Watch:
    """Stop watching. The feed's snapshots, its entries and their articles all stay."""
    watch = find_watch(session, key)
    if watch.removed_at is not None:
        raise SourceError(f"watch {watch.id} is already removed")
    watch.removed_at = datetime.now(UTC)
    source = _feed_source(session, watch)
    source.health = "paused"
    session.add_all([watch, source])
    session.flush()
    return watch


@dataclass
class WatchSummary:
    watch: Watch
    source: Source
    states: Counter[str] = field(default_factory=Counter)
    new_since_seen: int = 0
    last_fetch: FetchRecord | None = None


def summarise_watches(session: Session, *, removed: bool = False) -> list[WatchSummary]:
    """Every watch (removed ones only when asked) with its entries counted by state."""
    query = (
        select(Watch, Source)
        .join(Source, col(Source.id) == col(Watch.source_id))
        .order_by(col(Watch.id))
    )
    if not removed:
        query = query.where(col(Watch.removed_at).is_(None))
    out = [WatchSummary(watch, source) for watch, source in session.exec(query).all()]
    by_id = {summary.watch.id: summary for summary in out}
    if not by_id:
        return out
    for watch_id, state, count in session.exec(
        select(WatchEntry.watch_id, WatchEntry.state, func.count())
        .where(col(WatchEntry.watch_id).in_(list(by_id)))
        .group_by(col(WatchEntry.watch_id), col(WatchEntry.state))
    ).all():
        by_id[watch_id].states[state] = count
    for summary in out:
        seen = summary.watch.last_seen_at
        new = (
            select(func.count())
            .select_from(WatchEntry)
            .where(WatchEntry.watch_id == summary.watch.id, WatchEntry.state == "ingested")
        )
        if seen is not None:
            new = new.where(col(WatchEntry.ingested_at) > seen)
        summary.new_since_seen = int(session.exec(new).one())
        summary.last_fetch = session.exec(
            select(FetchRecord)
            .where(FetchRecord.source_id == summary.source.id)
            .order_by(col(FetchRecord.started_at).desc(), col(FetchRecord.id).desc())
        ).first()
    return out


def mark_seen(session: Session, watch_ids: list[int]) -> None:
    """A person looked at these watches' news now."""
    now = datetime.now(UTC)
    for watch in session.exec(select(Watch).where(col(Watch.id).in_(watch_ids))).all():
        watch.last_seen_at = now
        session.add(watch)
