"""When each reviewer last looked at the claim queue: "new since you last looked".

Visits are append-only rows (``queue_visit``): one when the queue opens and
one when it closes. A session asks for the previous visit's time *before*
recording its own opening, and keeps that time for the whole session, so a
claim stays "new" until the reviewer's next session.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from db.models import QueueVisit
from db.types import utcnow

VISIT_EVENTS = ("open", "close")


def last_visit(session: Session, reviewer: str) -> datetime | None:
    """When ``reviewer`` last opened or left the queue; None if never."""
    # ORDER BY, not max(): max() loses the column's type (SQLite would hand back text).
    return session.exec(
        select(QueueVisit.at)
        .where(QueueVisit.reviewer == reviewer)
        .order_by(col(QueueVisit.at).desc())
        .limit(1)
    ).first()


def record_visit(
    session: Session, reviewer: str, event: str, *, at: datetime | None = None
) -> datetime:
    """Append that ``reviewer`` opened or left (``event``) the queue; when it happened."""
    if event not in VISIT_EVENTS:
        raise ValueError(f"visit event {event!r} is unknown; use one of: {', '.join(VISIT_EVENTS)}")
    when = at or utcnow()
    session.add(QueueVisit(reviewer=reviewer, event=event, at=when))
    session.flush()
    return when


def open_queue(session: Session, reviewer: str) -> datetime | None:
    """Record that ``reviewer`` opens the queue; the visit before this one (None: first)."""
    previous = last_visit(session, reviewer)
    record_visit(session, reviewer, "open")
    return previous
