"""`factdesk watch run`: read the due feeds now, then ingest what they listed.

The same two steps as a scheduled ``factdesk refresh`` (which reads every due
source and then ingests watched entries), restricted to the watches' feeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import col, or_, select

from claims.services.refresh import on_new_snapshot
from claims.services.watching import IngestResult, Progress, ingest_pending
from db.engine import Database
from db.models import Source, Watch
from sources.fetching import FetchPolicy
from sources.refresh import PassResult, RefreshPolicy, run_pass
from sources.watching.watches import feed_policy


@dataclass(frozen=True)
class WatchRun:
    feeds: PassResult | None
    """The refresh pass over the due feeds; None when no feed was due."""
    ingest: IngestResult


def due_feeds(database: Database, *, every_feed: bool = False) -> list[int]:
    """Source ids of the active watches' feeds that are due (all of them with ``every_feed``)."""
    now = datetime.now(UTC)
    with database.read() as session:
        query = (
            select(Source.id)
            .join(Watch, col(Watch.source_id) == col(Source.id))
            .where(col(Watch.removed_at).is_(None), col(Watch.paused).is_(False))
            .where(Source.health != "paused")
        )
        if not every_feed:
            query = query.where(
                or_(col(Source.next_check_at).is_(None), col(Source.next_check_at) <= now)
            )
        return [source_id for source_id in session.exec(query).all() if source_id is not None]


def _feed_sources(database: Database, watch_ids: list[int]) -> set[int]:
    with database.read() as session:
        query = select(Watch.source_id).where(col(Watch.id).in_(watch_ids))
        return set(session.exec(query).all())


def run_watches(
    database: Database,
    *,
    policy: RefreshPolicy,
    fetch_policy: FetchPolicy,
    every_feed: bool = False,
    cap: int | None = None,
    worker: str | None = None,
    progress: Progress | None = None,
    watch_ids: list[int] | None = None,
) -> WatchRun:
    """Read the due feeds (conditional GET, robots.txt, politeness), then ingest.

    ``watch_ids`` restricts both steps to those watches (the TUI's "read now",
    with ``every_feed``: due or not)."""
    ids = due_feeds(database, every_feed=every_feed)
    if watch_ids is not None:
        ids = [i for i in ids if i in _feed_sources(database, watch_ids)]
    feeds = None
    if ids:
        feeds = run_pass(
            database,
            policy=policy,
            fetch_policy=feed_policy(fetch_policy),
            scope="source",
            source_ids=ids,
            on_new_snapshot=on_new_snapshot,
            worker=worker,
        )
    ingested = ingest_pending(
        database,
        policy=fetch_policy,
        watch_ids=watch_ids,
        cap=cap,
        host_delay_s=policy.host_delay,
        worker=worker,
        progress=progress,
    )
    return WatchRun(feeds, ingested)
