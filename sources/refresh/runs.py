"""Run records: every pass of the refresh job, with its counts; past runs; the next due time."""

from __future__ import annotations

from datetime import UTC, datetime

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


def start_run(database: Database, *, worker: str, scope: str) -> RefreshRun:
    with database.write() as session:
        run = RefreshRun(worker=worker, started_at=datetime.now(UTC), scope=scope)
        session.add(run)
        session.flush()
        return run


def save_run(
    database: Database, run_id: int, counts: dict[str, int], *, status: str = "done"
) -> RefreshRun:
    """Store the counts and the end of the run (status done, or aborted)."""
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
    """The latest runs, newest first (a killed worker's run stays "running")."""
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
