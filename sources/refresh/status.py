"""What the refresh job knows of each source, read for people: state, reason, history.

Query functions the CLI (``factdesk sources``, ``sources show``) and the TUI's
sources screen share, so that both show the same health, the same reason and
the same history, and neither runs SQL of its own. They return plain
dataclasses, never ORM rows: a reader can keep them after the session closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from db.models import Body, FetchRecord, Snapshot, Source
from sources.refresh.control import find_source
from sources.refresh.states import Health, health_of
from sources.snapshots import summarise_sources


@dataclass(frozen=True)
class SourceStatus:
    """One source as ``sources`` lists it."""

    id: int
    url: str
    title: str | None
    language: str | None
    health: Health
    reason: str | None
    """Why the last check failed, when the source is failing (robots_down, gone…)."""
    last_checked_at: datetime | None
    next_check_at: datetime | None
    """None for a local source: it is never due."""
    consecutive_failures: int
    snapshots: int
    fetches: int
    last_fetch_at: datetime | None
    last_fetch_outcome: str | None
    last_fetch_status: int | None
    crawl_delay_asked: float | None
    robots_override: str | None

    @property
    def failures_in_a_row(self) -> str:
        """The failure count in words, as the CLI and the sources screen print it."""
        n = self.consecutive_failures
        return f"{n} failed check{'' if n == 1 else 's'} in a row"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "language": self.language,
            "health": self.health.value,
            "reason": self.reason,
            "last_checked_at": _iso(self.last_checked_at),
            "next_check_at": _iso(self.next_check_at),
            "consecutive_failures": self.consecutive_failures,
            "snapshots": self.snapshots,
            "fetches": self.fetches,
            "last_fetch_at": _iso(self.last_fetch_at),
            "last_fetch_outcome": self.last_fetch_outcome,
            "last_fetch_status": self.last_fetch_status,
            "crawl_delay_asked": self.crawl_delay_asked,
            "robots_override": self.robots_override,
        }


@dataclass(frozen=True)
class FetchEntry:
    """One fetch of a source, as ``sources show`` prints it."""

    id: int
    started_at: datetime
    http_status: int | None
    outcome: str
    reason: str | None
    bytes: int | None
    """Size of the body read (None when nothing was read: a failure, or a 304
    of a source with no snapshot)."""
    snapshot_id: int | None
    final_url: str | None
    elapsed_ms: int
    worker: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "http_status": self.http_status,
            "outcome": self.outcome,
            "reason": self.reason,
            "bytes": self.bytes,
            "snapshot_id": self.snapshot_id,
            "final_url": self.final_url,
            "elapsed_ms": self.elapsed_ms,
            "worker": self.worker,
        }


@dataclass(frozen=True)
class SnapshotView:
    """A snapshot as the sources screen shows it (its text and its keys)."""

    id: int
    fetched_at: datetime
    http_status: int | None
    body_sha256: str
    body_size: int
    title: str | None
    final_url: str
    text: str


@dataclass(frozen=True)
class SourceDetail:
    status: SourceStatus
    history: list[FetchEntry]
    """Newest first."""
    more: int
    """Fetches older than the ones in ``history``."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _status(source: Source, snapshots: int, fetches: int, last: FetchRecord | None) -> SourceStatus:
    assert source.id is not None
    health = health_of(source.url, source.health)
    local = health is Health.LOCAL
    failed = last is not None and last.outcome == "failed" and not local
    return SourceStatus(
        id=source.id,
        url=source.url,
        title=source.title,
        language=source.language,
        health=health,
        reason=last.error if failed and last is not None else None,
        last_checked_at=source.last_checked_at,
        next_check_at=None if local else source.next_check_at,
        consecutive_failures=source.consecutive_failures,
        snapshots=snapshots,
        fetches=fetches,
        last_fetch_at=last.started_at if last else None,
        last_fetch_outcome=last.outcome if last else None,
        last_fetch_status=last.http_status if last else None,
        crawl_delay_asked=source.crawl_delay_asked,
        robots_override=source.robots_override,
    )


def source_statuses(session: Session, *, failing: bool = False) -> list[SourceStatus]:
    """Every source with its health and the reason of its last failure;
    ``failing``: only those that need a human (failing, gone, robots down)."""
    statuses = (
        _status(s.source, s.snapshot_count, s.fetch_count, s.last_fetch)
        for s in summarise_sources(session)
    )
    return [s for s in statuses if s.health.needs_a_human or not failing]


def fetch_history(session: Session, source_id: int, *, limit: int = 50) -> list[FetchEntry]:
    """The source's fetches, newest first, at most ``limit``."""
    rows = session.exec(
        select(FetchRecord, Body.size)
        .join(Body, col(Body.sha256) == col(FetchRecord.body_sha256), isouter=True)
        .where(FetchRecord.source_id == source_id)
        .order_by(col(FetchRecord.started_at).desc(), col(FetchRecord.id).desc())
        .limit(limit)
    ).all()
    entries = []
    for record, size in rows:
        assert record.id is not None
        entries.append(
            FetchEntry(
                id=record.id,
                started_at=record.started_at,
                http_status=record.http_status,
                outcome=record.outcome,
                reason=record.error,
                bytes=size,
                snapshot_id=record.snapshot_id,
                final_url=record.final_url,
                elapsed_ms=record.elapsed_ms,
                worker=record.worker,
            )
        )
    return entries


def source_detail(session: Session, key: str, *, limit: int = 50) -> SourceDetail:
    """The source named by ``key`` (id or URL), its status and fetch history;
    SourceNotFound when there is none."""
    source = find_source(session, key)
    assert source.id is not None
    # Counts of this source only: not the summary of every source.
    snapshots = session.exec(
        select(func.count()).select_from(Snapshot).where(Snapshot.source_id == source.id)
    ).one()
    fetches = session.exec(
        select(func.count()).select_from(FetchRecord).where(FetchRecord.source_id == source.id)
    ).one()
    history = fetch_history(session, source.id, limit=limit)
    last = session.get(FetchRecord, history[0].id) if history else None
    status = _status(source, snapshots, fetches, last)
    return SourceDetail(status, history, max(0, fetches - len(history)))


def source_snapshots(session: Session, source_id: int) -> list[SnapshotView]:
    """The source's snapshots, newest first."""
    snapshots = session.exec(
        select(Snapshot)
        .where(Snapshot.source_id == source_id)
        .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
    ).all()
    return [
        SnapshotView(
            id=snap.id or 0,
            fetched_at=snap.fetched_at,
            http_status=snap.http_status,
            body_sha256=snap.body_sha256,
            body_size=snap.body_size,
            title=snap.title,
            final_url=snap.final_url,
            text=snap.text,
        )
        for snap in snapshots
    ]
