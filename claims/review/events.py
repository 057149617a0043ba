"""Review: verdicts, statuses, notes and assignments as append-only events.

Every action appends a :class:`ReviewEvent` (who, when, what, value before
and after). The current state of a claim is derived from its events; the
``claim_state`` row is a projection of them kept in the same transaction,
so queues filter with an index. :func:`rebuild_state` recomputes it.

Optimistic concurrency: a reviewer acts on the version of the claim they
loaded. The write moves ``claim_state.version`` from that number to the next
with a guarded UPDATE; if someone else wrote first no row matches and
:class:`ClaimChanged` is raised, nothing written. (The unique constraint on
(claim_id, version) of the events backs this up.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.review.index import others_in_group
from claims.review.ratings import Rating, RatingScale
from claims.review.search import reindex_search
from claims.review.statuses import STATUS_LABELS, parse_status
from db.models import Claim, ClaimQuantity, ClaimState, Evidence, ReviewEvent
from db.types import utcnow


class ClaimChanged(ClaimError):
    """Someone else changed the claim since it was loaded."""

    def __init__(self, claim_id: int, loaded: int, current: int) -> None:
        super().__init__(
            f"claim {claim_id} changed since it was loaded (version {loaded}, now {current}); "
            "reload it, check what changed, then try again"
        )
        self.claim_id = claim_id
        self.loaded = loaded
        self.current = current


class VersionAhead(ClaimError):
    """A version the claim has not reached: a typo, or a claim mixed up with another."""

    def __init__(self, claim_id: int, expected: int, current: int) -> None:
        super().__init__(
            f"claim {claim_id} is at version {current}, so --expect-version {expected} cannot "
            f"be one you loaded; give the version `factdesk show {claim_id}` prints"
        )


def ensure_state(session: Session, claim_id: int) -> ClaimState:
    """The claim's state row (made for a claim that has none yet)."""
    state = session.get(ClaimState, claim_id)
    if state is None:
        if session.get(Claim, claim_id) is None:
            raise ClaimNotFound(claim_id)
        state = ClaimState(claim_id=claim_id)
        session.add(state)
        session.flush()
    return state


@dataclass
class Change:
    """One event to append, before it gets a version number."""

    action: str
    before: Any = None
    after: Any = None
    text: str | None = None
    target: str | None = None
    evidence_id: int | None = None


def append(
    session: Session,
    claim_id: int,
    changes: Sequence[Change],
    *,
    reviewer: str,
    expected_version: int | None,
    state_updates: dict[str, Any] | None = None,
) -> list[ReviewEvent]:
    """Append ``changes`` as events and move the claim's state on, atomically.

    ``expected_version`` is the version the reviewer saw; None means "whatever
    is current" (scripts that do not load first).
    """
    state = ensure_state(session, claim_id)
    if expected_version is not None and expected_version > state.version:
        raise VersionAhead(claim_id, expected_version, state.version)
    loaded = state.version if expected_version is None else expected_version
    new_version = loaded + len(changes)
    values: dict[str, Any] = {"version": new_version, "updated_at": utcnow()}
    values.update(state_updates or {})
    result = session.execute(
        update(ClaimState)
        .where(col(ClaimState.claim_id) == claim_id, col(ClaimState.version) == loaded)
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(state)
        raise ClaimChanged(claim_id, loaded, state.version)
    events = []
    at = values["updated_at"]
    for offset, change in enumerate(changes, start=1):
        event = ReviewEvent(
            claim_id=claim_id,
            version=loaded + offset,
            at=at,
            reviewer=reviewer,
            action=change.action,
            target=change.target,
            before=change.before,
            after=change.after,
            text=change.text,
            evidence_id=change.evidence_id,
        )
        session.add(event)
        events.append(event)
    session.flush()
    session.expire(state)
    return events


def _rating_json(rating: Rating) -> dict[str, Any]:
    return {"rating": rating.key, "label": rating.label, "value": rating.value}


def current_verdicts(session: Session, claim_id: int) -> dict[str | None, dict[str, Any]]:
    """The latest verdict per target (None: the whole claim; "figure:N": one figure)."""
    verdicts: dict[str | None, dict[str, Any]] = {}
    for event in history(session, claim_id):
        if event.action == "verdict" and isinstance(event.after, dict):
            verdicts[event.target] = {**event.after, "why": event.text, "by": event.reviewer}
    return verdicts


def give_verdict(
    session: Session,
    claim_id: int,
    rating_name: str,
    *,
    why: str,
    reviewer: str,
    scale: RatingScale,
    figure: int | None = None,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    """Rate the claim (or one of its figures) with a rationale.

    A verdict on the whole claim also moves it to ``checked``.
    """
    rating = scale.find(rating_name)
    if not why.strip():
        raise ClaimError(f"claim {claim_id}: a verdict needs a rationale; pass --why TEXT")
    ensure_state(session, claim_id)
    if figure is not None:
        count = session.exec(
            select(func.count()).where(col(ClaimQuantity.claim_id) == claim_id)
        ).one()
        if not 0 <= figure < count:
            raise ClaimError(
                f"claim {claim_id}: it has no figure {figure}; its figures are numbered "
                f"0 to {count - 1}, as `factdesk show {claim_id}` lists them"
                if count
                else f"claim {claim_id}: it has no figures; rate the whole claim"
            )
    events = _verdict(session, claim_id, rating, why, reviewer, figure, expected_version)
    if figure is None:
        for other in others_in_group(session, claim_id):
            _verdict(session, other, rating, why, reviewer, None, None)
    else:
        # A figure's number can differ from claim to claim of a group (merged by
        # hand, another language): a figure's verdict reaches the claims whose
        # figure of that number is the same figure, as in identical sentences.
        same = _figure_key(session, claim_id, figure)
        for other in others_in_group(session, claim_id):
            if _figure_key(session, other, figure) == same:
                _verdict(session, other, rating, why, reviewer, figure, None)
    return events


def _figure_key(session: Session, claim_id: int, position: int) -> tuple[object, ...] | None:
    """What figure ``position`` of the claim states: kind, value, bounds, unit."""
    row = session.exec(
        select(ClaimQuantity).where(
            ClaimQuantity.claim_id == claim_id, ClaimQuantity.position == position
        )
    ).first()
    if row is None:
        return None
    return (row.kind, row.value, row.low, row.high, row.unit)


def _verdict(
    session: Session,
    claim_id: int,
    rating: Rating,
    why: str,
    reviewer: str,
    figure: int | None,
    expected_version: int | None,
) -> list[ReviewEvent]:
    state = ensure_state(session, claim_id)
    target = None if figure is None else f"figure:{figure}"
    previous = current_verdicts(session, claim_id).get(target)
    changes = [
        Change(
            "verdict",
            before={k: previous[k] for k in ("rating", "label", "value")} if previous else None,
            after=_rating_json(rating),
            text=why.strip(),
            target=target,
        )
    ]
    updates: dict[str, Any] = {}
    if figure is None:
        updates["verdict"] = rating.key
        if state.status != "checked":
            changes.append(Change("status", before=state.status, after="checked"))
            updates["status"] = "checked"
    return append(
        session,
        claim_id,
        changes,
        reviewer=reviewer,
        expected_version=expected_version,
        state_updates=updates,
    )


def set_status(
    session: Session,
    claim_id: int,
    status: str,
    *,
    reviewer: str,
    text: str | None = None,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    """Move the claim, and the other claims of its group, to ``status``."""
    wanted = parse_status(status)
    state = ensure_state(session, claim_id)
    if state.status == wanted:
        raise ClaimError(f"claim {claim_id} is already {STATUS_LABELS[wanted]}")
    events = _status(session, claim_id, wanted, reviewer, text, expected_version)
    for other in others_in_group(session, claim_id):
        if ensure_state(session, other).status != wanted:
            _status(session, other, wanted, reviewer, text, None)
    return events


def _status(
    session: Session,
    claim_id: int,
    wanted: str,
    reviewer: str,
    text: str | None,
    expected_version: int | None,
) -> list[ReviewEvent]:
    state = ensure_state(session, claim_id)
    return append(
        session,
        claim_id,
        [Change("status", before=state.status, after=wanted, text=text)],
        reviewer=reviewer,
        expected_version=expected_version,
        state_updates={"status": wanted},
    )


def add_note(
    session: Session,
    claim_id: int,
    text: str,
    *,
    reviewer: str,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    if not text.strip():
        raise ClaimError(f"claim {claim_id}: an empty note says nothing; give the note's text")
    events = append(
        session,
        claim_id,
        [Change("note", text=text.strip())],
        reviewer=reviewer,
        expected_version=expected_version,
    )
    reindex_search(session, claim_id)
    return events


def assign(
    session: Session,
    claim_id: int,
    who: str,
    *,
    reviewer: str,
    expected_version: int | None = None,
) -> list[ReviewEvent]:
    state = ensure_state(session, claim_id)
    assignee = who.strip() or None
    return append(
        session,
        claim_id,
        [Change("assign", before=state.assignee, after=assignee)],
        reviewer=reviewer,
        expected_version=expected_version,
        state_updates={"assignee": assignee},
    )


def history(session: Session, claim_id: int) -> list[ReviewEvent]:
    """Every event of the claim, oldest first."""
    if session.get(Claim, claim_id) is None:
        raise ClaimNotFound(claim_id)
    return list(
        session.exec(
            select(ReviewEvent)
            .where(ReviewEvent.claim_id == claim_id)
            .order_by(col(ReviewEvent.version))
        ).all()
    )


def event_json(event: ReviewEvent) -> dict[str, Any]:
    return {
        "version": event.version,
        "at": event.at.isoformat(),
        "reviewer": event.reviewer,
        "action": event.action,
        "target": event.target,
        "before": event.before,
        "after": event.after,
        "text": event.text,
        "evidence_id": event.evidence_id,
    }


def derive_state(claim_id: int, events: Sequence[ReviewEvent]) -> ClaimState:
    """The state a claim's history implies (what ``claim_state`` must hold)."""
    state = ClaimState(claim_id=claim_id)
    live_evidence: set[int] = set()
    for event in events:
        state.version = event.version
        state.updated_at = event.at
        if event.action == "status":
            state.status = str(event.after)
        elif event.action == "verdict" and event.target is None and isinstance(event.after, dict):
            state.verdict = event.after.get("rating")
        elif event.action == "assign":
            state.assignee = event.after
        elif event.action == "evidence_added" and event.evidence_id is not None:
            live_evidence.add(event.evidence_id)
        elif event.action == "evidence_removed" and event.evidence_id is not None:
            live_evidence.discard(event.evidence_id)
    state.evidence_count = len(live_evidence)
    return state


def rebuild_state(session: Session, claim_id: int) -> ClaimState:
    """Recompute the claim's projection from its history and store it."""
    derived = derive_state(claim_id, history(session, claim_id))
    state = ensure_state(session, claim_id)
    for field in ("version", "status", "verdict", "assignee", "evidence_count", "updated_at"):
        setattr(state, field, getattr(derived, field))
    session.add(state)
    session.flush()
    return state


def live_evidence_ids(session: Session, claim_id: int) -> set[int]:
    """Evidence of the claim that has not been removed."""
    removed = set(
        session.exec(
            select(ReviewEvent.evidence_id).where(
                ReviewEvent.claim_id == claim_id, ReviewEvent.action == "evidence_removed"
            )
        ).all()
    )
    ids = session.exec(select(Evidence.id).where(Evidence.claim_id == claim_id)).all()
    return {i for i in ids if i is not None and i not in removed}
