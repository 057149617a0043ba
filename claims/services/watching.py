"""Ingesting what watched feeds listed: each due entry's article, with its claims.

:func:`ingest_pending` takes up to each watch's ``per_pass_cap`` due entries,
leases each one (so two workers never ingest the same entry), ingests it
with :func:`claims.services.ingest.ingest_with_claims`, and records the
outcome on the entry: ingested (with the article's source), failed with its
reason (tried again after a backoff, never dropped), or skipped (an address
that is already a source: its claims are in the queue).

No transaction is held across a fetch: the lease, the ingest and the outcome
are three short ones.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlmodel import col, select

from claims.services.ingest import ingest_with_claims
from db.engine import Database
from db.errors import FactdeskError
from db.models import Source, Watch, WatchEntry
from sources.fetching import FetchPolicy
from sources.fetching.client import build_client
from sources.ingest import IngestOptions, worker_name
from sources.refresh.robots import RobotsCache
from sources.urls import origin
from sources.watching.entries import (
    due_entries,
    lease,
    mark_failed,
    mark_ingested,
    mark_skipped,
    release,
)
from sources.watching.sitemaps import fetching_reader, follow_new_indexes
from sources.watching.watches import (
    WatchNotFound,
    feed_policy,
    pause_watch,
    resume_watch,
    summarise_watches,
)

ROBOTS_TTL_S = 3600.0
"""How long one run keeps a site's robots.txt."""

Progress = Callable[[WatchEntry, str], None]
"""Called after each entry with its outcome: ingested, failed, skipped or taken."""


@dataclass
class IngestResult:
    ingested: int = 0
    failed: int = 0
    skipped: int = 0
    taken: int = 0
    """Entries another worker leased first."""
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(address, reason) of each failure."""


def _active_watches(database: Database, watch_ids: list[int] | None) -> list[Watch]:
    with database.read() as session:
        query = select(Watch).where(col(Watch.removed_at).is_(None), col(Watch.paused).is_(False))
        if watch_ids is not None:
            query = query.where(col(Watch.id).in_(watch_ids))
        return list(session.exec(query.order_by(col(Watch.id))).all())


class _SiteGate:
    """At least ``delay_s`` between two article fetches from one site: a feed
    lists tens of articles of one site, which must not get them in a burst."""

    def __init__(self, delay_s: float, stop: threading.Event) -> None:
        self.delay_s = delay_s
        self.stop = stop
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> bool:
        """False when ``stop`` was set while waiting."""
        site = origin(url)
        if site in self.last:
            left = self.last[site] + self.delay_s - time.monotonic()
            if left > 0 and self.stop.wait(left):
                return False
        self.last[site] = time.monotonic()
        return not self.stop.is_set()


def ingest_pending(
    database: Database,
    *,
    policy: FetchPolicy,
    watch_ids: list[int] | None = None,
    cap: int | None = None,
    host_delay_s: float = 1.0,
    obey_robots: bool = True,
    client: httpx.Client | None = None,
    worker: str | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> IngestResult:
    """Ingest the due entries of every active watch (or of ``watch_ids``).

    ``cap`` overrides each watch's ``per_pass_cap``. ``stop`` ends the work
    between two articles (the rest stay pending). An article robots.txt
    disallows is skipped with the reason; one whose robots.txt cannot be read
    fails and is tried again later (RFC 9309).
    """
    owner = worker or worker_name("watch")
    result = IngestResult()
    watches = _active_watches(database, watch_ids)
    if not watches:
        return result  # a refresh pass without watches opens no client
    gate = _SiteGate(host_delay_s, stop or threading.Event())
    robots = RobotsCache(policy, ROBOTS_TTL_S) if obey_robots else None
    own_client = client is None
    http = client or build_client(policy)
    try:
        # A watched sitemap index read anew lists its children's articles first.
        reader = fetching_reader(feed_policy(policy), http, robots=robots, wait=gate.wait)
        follow_new_indexes(database, watches, reader)
        for watch in watches:
            assert watch.id is not None
            now = datetime.now(UTC)
            with database.read() as session:
                entries = due_entries(session, watch.id, cap or watch.per_pass_cap, now)
            for entry in entries:
                outcome = _one(database, watch, entry, owner, policy, http, robots, gate, result)
                if outcome == "stopped":
                    return result
                if progress is not None:
                    progress(entry, outcome)
    finally:
        if own_client:
            http.close()
    return result


def _one(
    database: Database,
    watch: Watch,
    entry: WatchEntry,
    owner: str,
    policy: FetchPolicy,
    client: httpx.Client,
    robots: RobotsCache | None,
    gate: _SiteGate,
    result: IngestResult,
) -> str:
    assert entry.id is not None
    with database.write() as session:
        if not lease(session, entry.id, owner, datetime.now(UTC)):
            result.taken += 1
            return "taken"
        known = session.exec(select(Source.id).where(Source.url == entry.url)).first()
        if known is not None and entry.attempts == 0:
            # Ingested before (by hand, or from another watch): its claims are queued already.
            mark_skipped(session, entry.id, owner, f"already a source (source {known})")
            result.skipped += 1
            return "skipped"
    try:
        if robots is not None:
            verdict = robots.verdict(entry.url, client)
            if not verdict.allowed:
                with database.write() as session:
                    mark_skipped(session, entry.id, owner, f"not fetched: {verdict.reason}")
                result.skipped += 1
                return "skipped"
        if not gate.wait(entry.url):
            with database.write() as session:
                release(session, entry.id, owner)
            return "stopped"
        ingested = ingest_with_claims(
            database,
            entry.url,
            options=IngestOptions(lang=watch.lang),
            policy=policy,
            client=client,
            worker=owner,
        )
    except FactdeskError as exc:
        with database.write() as session:
            mark_failed(session, entry.id, owner, str(exc))
        result.failed += 1
        result.failures.append((entry.url, str(exc)))
        return "failed"
    assert ingested.stored.source.id is not None
    with database.write() as session:
        mark_ingested(session, entry.id, owner, ingested.stored.source.id)
    result.ingested += 1
    result.claims += len(ingested.claims)
    return "ingested"


FEED_KINDS = {"rss": "feed", "atom": "feed", "sitemap": "sitemap", "sitemapindex": "sitemap index"}


@dataclass(frozen=True)
class WatchRow:
    """One watch as the sources screen shows it (plain values, no table rows)."""

    id: int
    url: str
    kind: str
    """feed, sitemap, sitemap index, or "—" before the first read."""
    every_s: int
    paused: bool
    last_read_at: datetime | None
    outcome: str
    """The last read's outcome (stored, unchanged, not_modified, failed), or "bad feed"."""
    problem: str | None
    """Why the last read failed or the feed was refused, in one line."""
    found: int
    ingested: int
    failed: int
    next_due_at: datetime | None


def watch_rows(database: Database) -> list[WatchRow]:
    """Every watch not removed, oldest first, with its entries counted by state."""
    with database.read() as session:
        summaries = summarise_watches(session)
    rows = []
    for s in summaries:
        assert s.watch.id is not None
        last = s.last_fetch
        problem = s.watch.last_error or (last.error if last is not None else None)
        outcome = "bad feed" if s.watch.last_error else (last.outcome if last else "never read")
        rows.append(
            WatchRow(
                id=s.watch.id,
                url=s.source.url,
                kind=FEED_KINDS.get(s.watch.feed_kind or "", "—"),
                every_s=s.watch.every_seconds,
                paused=s.watch.paused,
                last_read_at=last.started_at if last is not None else None,
                outcome=outcome,
                problem=problem,
                found=sum(s.states.values()),
                ingested=s.states.get("ingested", 0),
                failed=s.states.get("failed", 0),
                next_due_at=None if s.watch.paused else s.source.next_check_at,
            )
        )
    return rows


def toggle_pause(database: Database, watch_id: int) -> bool:
    """Pause a running watch or resume a paused one; True when it is paused now."""
    with database.write() as session:
        watch = session.get(Watch, watch_id)
        if watch is None:
            raise WatchNotFound(str(watch_id))
        if watch.paused:
            resume_watch(session, str(watch_id))
            return False
        pause_watch(session, str(watch_id))
        return True
