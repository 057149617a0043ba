"""Storing a check's outcome: fetch record, snapshot, health, next check, lease release.

One write transaction per source. The source row is read FOR UPDATE (a no-op
on SQLite, where the write transaction already excludes other writers) and
the lease is checked first: a worker whose lease expired and was taken by
another stores nothing, so no source gets two snapshots from one pass. The
new-snapshot hook runs inside the same transaction: a snapshot is stored
with what it implies for claims, or not at all.

Health after a check:

    304, or 200 with the same article      ok      (moved if the first hop was 301/308)
    200 with a changed article             changed (moved if the first hop was 301/308)
    404/410 on ``gone_after`` checks in a row   gone    (checked again each interval)
    any other failure                      failing (next check after an exponential backoff)
    paused                                 stays paused whatever the answer
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from db.engine import Database
from db.models import FetchRecord, Snapshot, Source
from sources.errors import FetchError, HTTPStatusError
from sources.refresh.check import Outcome, Task
from sources.refresh.config import RefreshPolicy
from sources.refresh.normalise import normalised_hash
from sources.refresh.schedule import after_failure, next_check
from sources.snapshots import latest_snapshot, record_failure, store_fetch

NewSnapshotHook = Callable[[Session, Source, Snapshot, Snapshot], int]
"""``on_new_snapshot(session, source, old_snapshot, new_snapshot) -> claims flagged``,
called inside the storing transaction whenever a source gets a new snapshot."""

GONE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class Applied:
    """What a check came to once stored."""

    kind: str
    """not_modified, unchanged, changed, failed, blocked, lost (lease taken by
    another worker: nothing stored) or released (the pass stopped first)."""
    moved: bool = False
    gone: bool = False
    flagged: int = 0


def _release(source: Source) -> None:
    source.lease_owner = None
    source.lease_expires_at = None


def apply(
    database: Database,
    task: Task,
    outcome: Outcome,
    *,
    owner: str,
    policy: RefreshPolicy,
    hook: NewSnapshotHook | None,
) -> Applied:
    now = datetime.now(UTC)
    with database.write() as session:
        source = session.exec(
            select(Source).where(Source.id == task.source_id).with_for_update()
        ).one()
        if source.lease_owner != owner:
            return Applied("lost")
        _release(source)
        paused = source.health == "paused"
        if outcome.kind == "stopped":
            session.add(source)
            return Applied("released")
        if outcome.kind == "blocked":
            applied = _blocked(session, source, outcome, owner)
            source.next_check_at = next_check(now, source.check_interval_s, policy)
        elif outcome.kind == "failed":
            applied = _failed(session, source, outcome, owner, policy, now)
        elif outcome.kind == "not_modified":
            applied = _not_modified(session, source, outcome, owner)
            source.next_check_at = next_check(now, source.check_interval_s, policy)
        else:
            applied = _fetched(session, source, outcome, owner, hook)
            source.next_check_at = next_check(now, source.check_interval_s, policy)
        if paused:
            source.health = "paused"
        session.add(source)
        return applied


def _blocked(session: Session, source: Source, outcome: Outcome, owner: str) -> Applied:
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=outcome.started_at,
        elapsed_ms=0,
        error=outcome.message or "robots.txt forbids this address",
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    return Applied("blocked")


def _failed(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    policy: RefreshPolicy,
    now: datetime,
) -> Applied:
    error = outcome.error
    attempt = error.attempt if isinstance(error, FetchError) else None
    if attempt is None and outcome.result is not None:
        attempt = outcome.result.attempt
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=attempt.started_at if attempt else outcome.started_at,
        elapsed_ms=attempt.elapsed_ms if attempt else 0,
        error=str(error) if error is not None else (outcome.message or "the check failed"),
        final_url=attempt.final_url if attempt else None,
        http_status=attempt.status if attempt else None,
        redirects=tuple(
            {"url": h.url, "status": h.status, "location": h.location}
            for h in (attempt.redirects if attempt else ())
        ),
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    source.consecutive_failures += 1
    gone_answer = isinstance(error, HTTPStatusError) and error.status in GONE_STATUSES
    source.consecutive_gone = source.consecutive_gone + 1 if gone_answer else 0
    gone = source.consecutive_gone >= policy.gone_after
    if gone:
        source.health = "gone"
        # A gone page is still looked at, at its normal pace: pages come back.
        source.next_check_at = next_check(now, source.check_interval_s, policy)
    else:
        source.health = "failing"
        source.next_check_at = after_failure(
            now, source.consecutive_failures, source.check_interval_s, policy, outcome.retry_after
        )
    return Applied("failed", gone=gone)


def _ok(source: Source, outcome: Outcome, health: str) -> bool:
    moved_to = outcome.moved_to
    source.consecutive_failures = 0
    source.consecutive_gone = 0
    source.moved_to = moved_to
    source.health = "moved" if moved_to else health
    return moved_to is not None


def _not_modified(session: Session, source: Source, outcome: Outcome, owner: str) -> Applied:
    result = outcome.result
    assert result is not None
    assert source.id is not None
    attempt = result.attempt
    previous = latest_snapshot(session, source.id)
    session.add(
        FetchRecord(
            source_id=source.id,
            requested_url=attempt.requested_url,
            final_url=attempt.final_url,
            via="http",
            started_at=attempt.started_at,
            elapsed_ms=attempt.elapsed_ms,
            http_status=attempt.status,
            outcome="not_modified",
            redirects=[
                {"url": h.url, "status": h.status, "location": h.location}
                for h in attempt.redirects
            ],
            body_sha256=previous.body_sha256 if previous else None,
            snapshot_id=previous.id if previous else None,
            worker=owner,
        )
    )
    source.last_checked_at = attempt.started_at
    # A 304 may carry fresher validators (RFC 9110 section 15.4.5); keep the old otherwise.
    source.etag = result.etag or source.etag
    source.last_modified = result.last_modified or source.last_modified
    moved = _ok(source, outcome, "ok")
    return Applied("not_modified", moved=moved)


def _fetched(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    hook: NewSnapshotHook | None,
) -> Applied:
    assert outcome.fetched is not None
    assert outcome.decoded is not None
    assert outcome.article is not None
    assert source.id is not None
    previous = latest_snapshot(session, source.id)
    stored = store_fetch(
        session,
        source_url=source.url,
        fetched=outcome.fetched,
        decoded=outcome.decoded,
        article=outcome.article,
        worker=owner,
    )
    if previous is None:
        changed = True
    elif stored.unchanged:
        changed = False
    else:
        changed = normalised_hash(previous.text) != normalised_hash(stored.snapshot.text)
    flagged = 0
    if previous is not None and not stored.unchanged and hook is not None:
        flagged = hook(session, source, previous, stored.snapshot)
    moved = _ok(source, outcome, "changed" if changed and previous is not None else "ok")
    return Applied("changed" if changed else "unchanged", moved=moved, flagged=flagged)


def apply_refused(
    database: Database, task: Task, message: str, *, owner: str, policy: RefreshPolicy
) -> Applied:
    """Record that storing a check failed, release the lease, schedule a retry."""
    now = datetime.now(UTC)
    with database.write() as session:
        source = session.exec(
            select(Source).where(Source.id == task.source_id).with_for_update()
        ).one()
        if source.lease_owner != owner:
            return Applied("lost")
        _release(source)
        record_failure(
            session,
            url=source.url,
            via="http",
            started_at=now,
            elapsed_ms=0,
            error=f"{source.url}: fetched but not stored: {message}",
            worker=owner,
        )
        source.consecutive_failures += 1
        source.next_check_at = after_failure(
            now, source.consecutive_failures, source.check_interval_s, policy
        )
        session.add(source)
        return Applied("failed")
