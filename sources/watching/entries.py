"""A watch's entries in the database: recorded once, leased, then ingested or failed.

An entry is never deleted and never recorded twice (unique per watch and
canonical address): a feed that drops an entry changes nothing stored, and
one that lists it again adds nothing. Only an entry's state columns change.

Two workers (on PostgreSQL, on two machines) never ingest the same entry:
:func:`lease` is one conditional UPDATE that succeeds for one of them only,
and the lease expires, so an entry whose worker died is taken up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, update
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col, select

from db.bodies import load_body
from db.models import Snapshot, Source, Watch, WatchEntry
from sources.errors import SourceError
from sources.urls import canonical_url, is_web_url
from sources.watching.feeds import BadFeed, Feed, parse_feed

LEASE_S = 600.0
"""How long a worker holds an entry it is ingesting before another may take it."""
RETRY_BASE_S = 900.0
RETRY_MAX_S = 86_400.0


@dataclass(frozen=True)
class Recorded:
    new: int
    skipped: int


def _now() -> datetime:
    return datetime.now(UTC)


def record_entries(
    session: Session, watch: Watch, feed: Feed, *, now: datetime | None = None
) -> Recorded:
    """Record the feed's entries not seen before as pending (or skipped, with why)."""
    assert watch.id is not None
    now = now or _now()
    known = set(session.exec(select(WatchEntry.url).where(WatchEntry.watch_id == watch.id)).all())
    new = skipped = 0
    for item in feed.entries:
        state, reason = "pending", None
        url = item.url
        if not is_web_url(url):
            state, reason = "skipped", "not an http(s) address"
        else:
            try:
                url = canonical_url(url)
            except SourceError as exc:
                state, reason = "skipped", str(exc)
        if url in known:
            continue
        known.add(url)
        session.add(
            WatchEntry(
                watch_id=watch.id,
                url=url[:2048],
                title=item.title,
                published=item.published,
                first_seen_at=now,
                state=state,
                next_attempt_at=now if state == "pending" else None,
                last_reason=reason,
            )
        )
        new += state == "pending"
        skipped += state == "skipped"
    session.flush()
    return Recorded(new, skipped)


def record_watch_entries(session: Session, source: Source, new: Snapshot) -> int:
    """The refresh hook: a watched feed's new snapshot adds its new entries.

    Runs in the refresh's storing transaction, without network. A feed that
    turned bad is noted on the watch (``last_error``) and its snapshot kept;
    nothing is refused, so the refresh stores what it fetched.
    """
    watch = session.exec(select(Watch).where(Watch.source_id == source.id)).first()
    if watch is None or watch.removed_at is not None or watch.paused:
        return 0
    try:
        feed = parse_feed(load_body(session, new.body_sha256), url=source.url)
    except BadFeed as exc:
        watch.last_error = str(exc)
        session.add(watch)
        return 0
    watch.last_error = None
    watch.feed_kind = feed.kind
    session.add(watch)
    return record_entries(session, watch, feed).new


def _due(now: datetime) -> ColumnElement[bool]:
    waiting = col(WatchEntry.state).in_(("pending", "failed"))
    abandoned = col(WatchEntry.state) == "ingesting"
    return or_(
        and_(waiting, col(WatchEntry.next_attempt_at) <= now),
        and_(abandoned, col(WatchEntry.lease_expires_at) < now),
    )


def due_entries(session: Session, watch_id: int, limit: int, now: datetime) -> list[WatchEntry]:
    """Entries of the watch whose ingest is due, oldest first."""
    return list(
        session.exec(
            select(WatchEntry)
            .where(WatchEntry.watch_id == watch_id, _due(now))
            .order_by(col(WatchEntry.first_seen_at), col(WatchEntry.id))
            .limit(limit)
        ).all()
    )


def lease(session: Session, entry_id: int, owner: str, now: datetime) -> bool:
    """Take the entry for ``owner``; False when another worker has it or it is done.

    One UPDATE whose WHERE re-checks the state: on PostgreSQL the second of
    two concurrent updates waits for the first, then finds the row no longer
    due and updates nothing.
    """
    result = session.execute(
        update(WatchEntry)
        .where(col(WatchEntry.id) == entry_id, _due(now))
        .values(
            state="ingesting",
            lease_owner=owner,
            lease_expires_at=now + timedelta(seconds=LEASE_S),
        )
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def _mine(session: Session, entry_id: int, owner: str) -> WatchEntry | None:
    entry = session.get(WatchEntry, entry_id, with_for_update=True)
    if entry is None or entry.state != "ingesting" or entry.lease_owner != owner:
        return None
    return entry


def mark_ingested(session: Session, entry_id: int, owner: str, source_id: int) -> None:
    entry = _mine(session, entry_id, owner)
    if entry is None:
        return
    entry.state = "ingested"
    entry.attempts += 1
    entry.article_source_id = source_id
    entry.ingested_at = _now()
    entry.last_reason = None
    entry.lease_owner = entry.lease_expires_at = None
    entry.next_attempt_at = None
    session.add(entry)


def retry_after_s(attempts: int) -> float:
    """Wait before the next attempt after ``attempts`` failures: doubling, capped at a day."""
    return min(RETRY_MAX_S, RETRY_BASE_S * 2.0 ** min(max(0, attempts - 1), 20))


def mark_failed(session: Session, entry_id: int, owner: str, reason: str) -> None:
    """Record why the ingest failed; the entry is tried again after a backoff."""
    entry = _mine(session, entry_id, owner)
    if entry is None:
        return
    entry.state = "failed"
    entry.attempts += 1
    entry.last_reason = reason.splitlines()[0][:500] if reason else "failed"
    entry.next_attempt_at = _now() + timedelta(seconds=retry_after_s(entry.attempts))
    entry.lease_owner = entry.lease_expires_at = None
    session.add(entry)


def release(session: Session, entry_id: int, owner: str) -> None:
    """Give the entry back untouched (the pass was stopped before its fetch)."""
    entry = _mine(session, entry_id, owner)
    if entry is None:
        return
    entry.state = "failed" if entry.attempts else "pending"
    entry.next_attempt_at = _now()
    entry.lease_owner = entry.lease_expires_at = None
    session.add(entry)


def mark_skipped(session: Session, entry_id: int, owner: str, reason: str) -> None:
    entry = _mine(session, entry_id, owner)
    if entry is None:
        return
    entry.state = "skipped"
    entry.last_reason = reason
    entry.next_attempt_at = None
    entry.lease_owner = entry.lease_expires_at = None
    session.add(entry)
