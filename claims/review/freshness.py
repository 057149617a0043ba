"""Freshness of evidence: is the quoted passage still in its source as it was linked?

Read from the quote anchors the refresh job appends (``claims.review.recheck``),
compared with the passage as it was linked:

- ``current``: found again, same words at the same place (or never re-checked);
- ``moved``: the same words at another place in the page;
- ``changed``: the passage now reads otherwise;
- ``gone``: the passage is no longer in the page.

``changed_at`` is when the refresh job first saw the present state (None while
the passage has always been current); ``quote`` and ``crosscheck`` say what
the page holds now, for the claim screen and reports to show beside the
linked passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlmodel import Session, col, select

from db.models import Evidence, QuoteAnchor, ReviewEvent

Freshness = Literal["current", "moved", "changed", "gone"]
FRESHNESS: tuple[str, ...] = ("current", "moved", "changed", "gone")


@dataclass(frozen=True)
class EvidenceFreshness:
    state: Freshness
    changed_at: datetime | None
    quote: str | None
    """The passage as the page reads now (None when gone or never re-checked)."""
    crosscheck: list[dict[str, Any]] | None
    """The cross-check against the passage as it reads now, when the refresh job made one."""

    def to_json(self) -> dict[str, Any]:
        return {
            "freshness": self.state,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "now": None
            if self.state == "current"
            else {"quote": self.quote, "crosscheck": self.crosscheck},
        }


CURRENT = EvidenceFreshness("current", None, None, None)


def _state(evidence: Evidence, anchor: QuoteAnchor) -> Freshness:
    if anchor.exact is None:
        return "gone"
    if anchor.exact != evidence.exact:
        return "changed"
    if (anchor.start, anchor.end) != (evidence.start, evidence.end):
        return "moved"
    return "current"


def freshness_of(
    evidence: Evidence, anchors: Sequence[QuoteAnchor], events: Sequence[ReviewEvent] = ()
) -> EvidenceFreshness:
    """``evidence``'s freshness from its anchors (oldest first) and its
    ``evidence_changed`` events (for the new cross-check)."""
    if not anchors:
        return CURRENT
    states = [_state(evidence, a) for a in anchors]
    last = states[-1]
    since = len(states) - 1
    while since > 0 and states[since - 1] == last:
        since -= 1
    changed_at = (
        None if last == "current" and set(states) == {"current"} else anchors[since].created_at
    )
    crosscheck = None
    for event in events:
        if isinstance(event.after, dict) and event.after.get("crosscheck") is not None:
            crosscheck = event.after["crosscheck"]
    return EvidenceFreshness(last, changed_at, anchors[-1].exact, crosscheck)


def evidence_freshness(
    session: Session, claim_id: int, evidence: Sequence[Evidence]
) -> dict[int, EvidenceFreshness]:
    """The freshness of each evidence row of one claim, by evidence id."""
    anchors: dict[int, list[QuoteAnchor]] = {}
    for anchor in session.exec(
        select(QuoteAnchor)
        .where(QuoteAnchor.claim_id == claim_id, col(QuoteAnchor.evidence_id).is_not(None))
        .order_by(col(QuoteAnchor.id))
    ).all():
        assert anchor.evidence_id is not None
        anchors.setdefault(anchor.evidence_id, []).append(anchor)
    changes: dict[int, list[ReviewEvent]] = {}
    for event in session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.claim_id == claim_id, ReviewEvent.action == "evidence_changed")
        .order_by(col(ReviewEvent.version))
    ).all():
        if event.evidence_id is not None:
            changes.setdefault(event.evidence_id, []).append(event)
    return {
        e.id: freshness_of(e, anchors.get(e.id, []), changes.get(e.id, []))
        for e in evidence
        if e.id is not None
    }


@dataclass(frozen=True)
class ThenAndNow:
    """An evidence passage as it was linked beside what its page holds now."""

    state: Freshness
    changed_at: datetime | None
    then_quote: str
    then_crosscheck: list[dict[str, Any]]
    now_quote: str | None
    """None when the passage is gone."""
    now_crosscheck: list[dict[str, Any]] | None
    """None when the refresh job made no new cross-check (a move keeps the words)."""


def then_and_now(evidence: Evidence, fresh: EvidenceFreshness) -> ThenAndNow | None:
    """Both versions of a passage that moved, changed or went; None while it is current."""
    if fresh.state == "current":
        return None
    return ThenAndNow(
        state=fresh.state,
        changed_at=fresh.changed_at,
        then_quote=evidence.exact,
        then_crosscheck=list(evidence.crosscheck or []),
        now_quote=None if fresh.state == "gone" else fresh.quote,
        now_crosscheck=None if fresh.state == "gone" else fresh.crosscheck,
    )
