"""Leases: which worker may check which source now.

A worker takes a batch of due sources by writing its name and an expiry on
their rows, in one short transaction. On PostgreSQL the rows are chosen with
``SELECT ... FOR UPDATE SKIP LOCKED``, so workers on several machines take
disjoint batches without waiting on each other; on SQLite the write
transaction (``BEGIN IMMEDIATE``) admits one writer at a time, which makes
the select-then-mark atomic. A lease that expired (its worker was killed) is
free again: another worker takes the source, and the dead worker's late
write, if any, is refused in ``apply``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, update
from sqlmodel import col, select

from db.engine import Database
from db.models import Source
from sources.refresh.check import Task


@dataclass(frozen=True)
class Scope:
    """Which sources a pass covers.

    ``due``: those whose next check time has come. ``all``: every source not
    yet checked since the pass began. ``source_ids``: those sources, once.
    """

    kind: str = "due"
    since: datetime | None = None
    source_ids: Sequence[int] = ()

    def clause(self, now: datetime) -> ColumnElement[bool]:
        not_paused = col(Source.health) != "paused"
        if self.kind == "due":
            return and_(
                not_paused,
                or_(col(Source.next_check_at).is_(None), col(Source.next_check_at) <= now),
            )
        assert self.since is not None
        fresh = or_(col(Source.last_checked_at).is_(None), col(Source.last_checked_at) < self.since)
        if self.kind == "all":
            return and_(not_paused, fresh)
        return and_(col(Source.id).in_(list(self.source_ids)), fresh)


def free(now: datetime) -> ColumnElement[bool]:
    return or_(col(Source.lease_owner).is_(None), col(Source.lease_expires_at) < now)


def take(
    database: Database, *, owner: str, scope: Scope, now: datetime, lease_s: float, limit: int
) -> list[Task]:
    """Lease up to ``limit`` sources of ``scope`` to ``owner``; the earliest due first."""
    if limit <= 0:
        return []
    with database.write() as session:
        query = (
            select(Source)
            # Not a source this worker leased and still has queued: its lease
            # may have run out while it waited, but it is not free.
            .where(scope.clause(now), free(now), col(Source.lease_owner).is_distinct_from(owner))
            .order_by(col(Source.next_check_at).asc().nulls_first(), col(Source.id))
            .limit(limit)
        )
        if not database.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        rows = list(session.exec(query).all())
        expires = now + timedelta(seconds=lease_s)
        tasks = []
        for source in rows:
            assert source.id is not None
            source.lease_owner = owner
            source.lease_expires_at = expires
            session.add(source)
            tasks.append(
                Task(
                    source_id=source.id,
                    url=source.url,
                    etag=source.etag,
                    last_modified=source.last_modified,
                    interval_s=source.check_interval_s,
                    ignore_robots=source.ignore_robots,
                    leased_at=time.monotonic(),
                )
            )
        return tasks


def release_all(database: Database, owner: str) -> None:
    """Give back every lease ``owner`` still holds (a pass ending early)."""
    with database.write() as session:
        for source in session.exec(select(Source).where(Source.lease_owner == owner)).all():
            source.lease_owner = None
            source.lease_expires_at = None
            session.add(source)


def renew(database: Database, task: Task, *, owner: str, lease_s: float) -> Task | None:
    """Extend ``task``'s lease before its fetch when half of it is gone.

    None when the lease was lost meanwhile (it expired and another worker
    took the source): the caller must not fetch it.
    """
    if time.monotonic() - task.leased_at < lease_s / 2:
        return task
    now = datetime.now(UTC)
    with database.write() as session:
        result = session.execute(
            update(Source)
            .where(col(Source.id) == task.source_id, col(Source.lease_owner) == owner)
            .values(lease_expires_at=now + timedelta(seconds=lease_s))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
    return replace(task, leased_at=time.monotonic())
