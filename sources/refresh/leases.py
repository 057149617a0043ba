"""Leases: which worker may check which source now.

A worker takes a batch of due sources by writing its name and an expiry on
their rows, in one short transaction. On PostgreSQL the rows are chosen with
``SELECT ... FOR UPDATE SKIP LOCKED``, so workers on several machines take
disjoint batches without waiting on each other; on SQLite the write
transaction (``BEGIN IMMEDIATE``) admits one writer at a time, which makes
the select-then-mark atomic. A lease that expired (its worker was killed) is
free again: another worker takes the source, and the dead worker's late
write, if any, is refused in ``apply``. Taking and renewing run in the
pass's writer thread (:mod:`sources.refresh.writer`), in its transactions.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, update
from sqlalchemy import select as select_columns
from sqlmodel import Session, col

from db.engine import Database
from db.models import Source
from sources.refresh.check import Task
from sources.refresh.states import Health, ScopeKind
from sources.urls import web_url_patterns


def web_source() -> ColumnElement[bool]:
    """Not a local source (file, stdin): :func:`sources.urls.is_local`, in SQL."""
    return or_(*(col(Source.url).like(pattern) for pattern in web_url_patterns()))


def refreshable() -> ColumnElement[bool]:
    """Sources a pass may ever check: not paused, and not local (nothing to re-fetch)."""
    return and_(col(Source.health) != Health.PAUSED, web_source())


@dataclass(frozen=True)
class Scope:
    """Which sources a pass covers.

    ``due``: those whose next check time has come. ``all``: every source not
    yet checked since the pass began. ``source_ids``: those sources, once.
    """

    kind: ScopeKind = ScopeKind.DUE
    since: datetime | None = None
    source_ids: Sequence[int] = ()

    def clause(self, now: datetime) -> ColumnElement[bool]:
        not_paused = refreshable()
        if self.kind == ScopeKind.DUE:
            return and_(
                not_paused,
                or_(col(Source.next_check_at).is_(None), col(Source.next_check_at) <= now),
            )
        assert self.since is not None
        fresh = or_(col(Source.last_checked_at).is_(None), col(Source.last_checked_at) < self.since)
        if self.kind == ScopeKind.ALL:
            return and_(not_paused, fresh)
        # Named sources: paused ones too (``--force``), local ones never.
        return and_(col(Source.id).in_(list(self.source_ids)), fresh, web_source())


def free(now: datetime) -> ColumnElement[bool]:
    return or_(col(Source.lease_owner).is_(None), col(Source.lease_expires_at) < now)


def take(
    session: Session,
    *,
    owner: str,
    scope: Scope,
    now: datetime,
    lease_s: float,
    limit: int,
) -> list[Task]:
    """Lease up to ``limit`` sources of ``scope`` to ``owner``; the earliest due first.

    Runs in the caller's write transaction (the pass's writer). Columns, not
    ORM objects, and one UPDATE for the whole batch: leasing stays cheap
    however many sources a pass covers.
    """
    if limit <= 0:
        return []
    query = (
        select_columns(
            col(Source.id),
            col(Source.url),
            col(Source.etag),
            col(Source.last_modified),
            col(Source.check_interval_s),
            col(Source.ignore_robots),
        )
        # Not a source this worker leased and still has queued: its lease
        # may have run out while it waited, but it is not free.
        .where(scope.clause(now), free(now), col(Source.lease_owner).is_distinct_from(owner))
        .order_by(col(Source.next_check_at).asc().nulls_first(), col(Source.id))
        .limit(limit)
    )
    if session.get_bind().dialect.name != "sqlite":
        query = query.with_for_update(skip_locked=True)
    rows = session.execute(query).all()
    if not rows:
        return []
    session.execute(
        update(Source)
        .where(col(Source.id).in_([row[0] for row in rows]))
        .values(lease_owner=owner, lease_expires_at=now + timedelta(seconds=lease_s))
        .execution_options(synchronize_session=False)
    )
    leased_at = time.monotonic()
    return [
        Task(
            source_id=source_id,
            url=url,
            etag=etag,
            last_modified=last_modified,
            interval_s=interval_s,
            ignore_robots=ignore_robots,
            leased_at=leased_at,
        )
        for source_id, url, etag, last_modified, interval_s, ignore_robots in rows
    ]


def release_all(database: Database, owner: str) -> None:
    """Give back every lease ``owner`` still holds (a pass ending early)."""
    with database.write() as session:
        session.execute(
            update(Source)
            .where(col(Source.lease_owner) == owner)
            .values(lease_owner=None, lease_expires_at=None)
            .execution_options(synchronize_session=False)
        )


def needs_renewal(task: Task, lease_s: float) -> bool:
    """Half of ``task``'s lease is gone: extend it before fetching."""
    return time.monotonic() - task.leased_at >= lease_s / 2


def renew(session: Session, task: Task, *, owner: str, lease_s: float) -> Task | None:
    """Extend ``task``'s lease (in the caller's write transaction).

    None when the lease was lost meanwhile (it expired and another worker
    took the source): the caller must not fetch it.
    """
    now = datetime.now(UTC)
    result = session.execute(
        update(Source)
        .where(col(Source.id) == task.source_id, col(Source.lease_owner) == owner)
        .values(lease_expires_at=now + timedelta(seconds=lease_s))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return replace(task, leased_at=time.monotonic())
