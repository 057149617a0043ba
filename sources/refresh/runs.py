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

from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from db.engine import Database
from db.models import RefreshRun, Source

COUNTERS = (
    "checked",
    "not_modified",
    "unchanged",
    "changed",
    "failed",
    "moved",
    "gone",
    "blocked",
    "flagged_claims",
)


def abort_abandoned(session: Session, *, now: datetime, stale_after_s: float) -> list[int]:
    """Mark the runs of dead workers ``aborted``; their ids."""
    running = session.exec(select(RefreshRun).where(RefreshRun.status == "running")).all()
    cutoff = now - timedelta(seconds=stale_after_s)
    aborted = []
    for run in running:
        held = session.exec(
            select(col(Source.lease_expires_at)).where(Source.lease_owner == run.worker)
        ).all()
        if any(_aware(expires) >= now for expires in held if expires is not None):
            continue
        if held or _aware(run.started_at) < cutoff:
            run.status = "aborted"
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
    database: Database, run_id: int, counts: dict[str, int], *, status: str = "done"
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
    """When the next source falls due (None: no source to refresh at all)."""
    value = session.exec(
        select(func.min(col(Source.next_check_at))).where(col(Source.health) != "paused")
    ).one()
    unscheduled = session.exec(
        select(func.count())
        .select_from(Source)
        .where(col(Source.health) != "paused", col(Source.next_check_at).is_(None))
    ).one()
    if unscheduled:
        return datetime.now(UTC)
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
