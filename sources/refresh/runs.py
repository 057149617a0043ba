"""Run records: every pass of the refresh job, with its counts; past runs; the next due time.

A run ends ``done``, ``interrupted`` (asked to stop: SIGTERM, SIGINT; what it
checked is stored) or ``aborted`` (it could not go on, or its worker died).

A worker killed mid-pass cannot close its run record. The next pass to start
(any worker's) marks such runs ``aborted``: a run still ``running`` whose
worker holds no lease that is still valid, and either still holds expired
ones or started more than a lease's length ago (a pass that has not leased
anything yet is not dead). A live pass that was judged dead (it held no
valid lease for a lease's length) puts its own status back when it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, not_
from sqlmodel import Session, col, select

from db.engine import Database
from db.models import RefreshRun, Source
from sources.refresh.leases import Scope, refreshable, web_source
from sources.refresh.states import RunStatus, ScopeKind

COUNTERS = (
    "checked",
    "not_modified",
    "unchanged",
    "changed",
    "failed",
    "moved",
    "gone",
    "blocked",
    "robots_unavailable",
    "flagged_claims",
)
"""The counts a run record keeps (columns of ``refresh_run``)."""


def abort_abandoned(session: Session, *, now: datetime, stale_after_s: float) -> list[int]:
    """Mark the runs of dead workers ``aborted``; their ids."""
    running = session.exec(select(RefreshRun).where(RefreshRun.status == RunStatus.RUNNING)).all()
    cutoff = now - timedelta(seconds=stale_after_s)
    aborted = []
    for run in running:
        held = session.exec(
            select(col(Source.lease_expires_at)).where(Source.lease_owner == run.worker)
        ).all()
        if any(_aware(expires) >= now for expires in held if expires is not None):
            continue
        if held or _aware(run.started_at) < cutoff:
            run.status = RunStatus.ABORTED
            session.add(run)
            assert run.id is not None
            aborted.append(run.id)
    return aborted


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def start_run(
    database: Database, *, worker: str, scope: str, stale_after_s: float = 600.0
) -> RefreshRun:
    """Record a new run (after marking the runs of dead workers aborted)."""
    with database.write() as session:
        now = datetime.now(UTC)
        abort_abandoned(session, now=now, stale_after_s=stale_after_s)
        run = RefreshRun(worker=worker, started_at=now, scope=scope)
        session.add(run)
        session.flush()
        return run


def save_run(
    database: Database,
    run_id: int,
    counts: dict[str, int],
    *,
    status: RunStatus = RunStatus.DONE,
) -> RefreshRun:
    """Store the counts and the end of the run (status done, interrupted or aborted)."""
    with database.write() as session:
        run = session.get(RefreshRun, run_id)
        assert run is not None
        for name in COUNTERS:
            setattr(run, name, counts.get(name, 0))
        run.ended_at = datetime.now(UTC)
        run.status = status
        session.add(run)
        session.flush()
        return run


def history(session: Session, limit: int = 20) -> list[RefreshRun]:
    """The latest runs, newest first (a killed worker's run is "aborted" once the
    next pass has started, "running" until then)."""
    runs = list(
        session.exec(
            select(RefreshRun).order_by(col(RefreshRun.started_at).desc()).limit(limit)
        ).all()
    )
    return runs


def next_due(session: Session) -> datetime | None:
    """When the next source falls due (None: no source to refresh at all;
    paused and local sources never fall due)."""
    value = session.exec(select(func.min(col(Source.next_check_at))).where(refreshable())).one()
    unscheduled = session.exec(
        select(func.count())
        .select_from(Source)
        .where(refreshable(), col(Source.next_check_at).is_(None))
    ).one()
    if unscheduled:
        return datetime.now(UTC)
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def run_json(run: RefreshRun) -> dict[str, Any]:
    """A run record as JSON: who, when, how it ended, and its counts."""
    return {
        "id": run.id,
        "worker": run.worker,
        "scope": run.scope,
        "status": run.status,
        "started_at": run.started_at.isoformat(),
        "ended_at": run.ended_at.isoformat() if run.ended_at else None,
        **{name: getattr(run, name) for name in COUNTERS},
    }


def scope_size_in(session: Session, kind: ScopeKind, source_ids: Sequence[int] = ()) -> int:
    """How many sources a pass of ``kind`` would check now (for its progress bar)."""
    now = datetime.now(UTC)
    scope = Scope(
        kind=ScopeKind.SOURCE if source_ids else kind, since=now, source_ids=tuple(source_ids)
    )
    return session.exec(select(func.count()).select_from(Source).where(scope.clause(now))).one()


def local_sources(session: Session) -> int:
    """How many sources are local (file, stdin): left out of every pass."""
    return session.exec(select(func.count()).select_from(Source).where(not_(web_source()))).one()
