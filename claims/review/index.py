"""The claim's ``claim_index`` row: corrections, group and search key (a projection)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from claims.errors import ClaimNotFound
from db.models import Claim, ClaimIndex, ClaimState, ReviewEvent


def claim_index(session: Session, claim_id: int) -> ClaimIndex:
    """The claim's index row (made for a claim stored before it had one)."""
    index = session.get(ClaimIndex, claim_id)
    if index is None:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise ClaimNotFound(claim_id)
        from claims.review.folding import search_key

        index = ClaimIndex(
            claim_id=claim_id,
            search=search_key(claim.text, claim.claimant),
            claimant_key=search_key(claim.claimant),
        )
        session.add(index)
        session.flush()
    return index


def group_of(session: Session, claim_id: int) -> int | None:
    return claim_index(session, claim_id).group_id


def members(session: Session, group_id: int) -> list[int]:
    return list(
        session.exec(
            select(ClaimIndex.claim_id)
            .where(ClaimIndex.group_id == group_id)
            .order_by(col(ClaimIndex.claim_id))
        ).all()
    )


def group_json(session: Session, claim_id: int) -> dict[str, object] | None:
    """``{"id": N, "claims": [ids]}`` for a claim in a group, else None."""
    group_id = group_of(session, claim_id)
    if group_id is None:
        return None
    return {"id": group_id, "claims": members(session, group_id)}


def others_in_group(session: Session, claim_id: int) -> list[int]:
    """The other claims of ``claim_id``'s group, which a review action reaches too."""
    group_id = group_of(session, claim_id)
    if group_id is None:
        return []
    return [n for n in members(session, group_id) if n != claim_id]


def rated_twins(session: Session, claim_id: int) -> list[tuple[int, str]]:
    """(claim id, verdict) of the group's other claims that are checked and rated.

    A status change reaches them too: moving the group off "checked" takes
    their verdicts back, which a reviewer looking at an unrated claim of the
    group would not see coming.
    """
    others = others_in_group(session, claim_id)
    if not others:
        return []
    rows = session.exec(
        select(ClaimState.claim_id, ClaimState.verdict)
        .where(
            col(ClaimState.claim_id).in_(others),
            ClaimState.status == "checked",
            col(ClaimState.verdict).is_not(None),
        )
        .order_by(col(ClaimState.claim_id))
    ).all()
    return [(twin, verdict) for twin, verdict in rows if verdict is not None]


def derive_index(events: Sequence[ReviewEvent]) -> tuple[dict[str, Any], int | None]:
    """The corrections and group a claim's history implies (what ``claim_index`` holds)."""
    corrections: dict[str, Any] = {}
    group_id: int | None = None
    for event in events:
        if event.action == "group":
            group_id = event.after if isinstance(event.after, int) else None
        elif event.action == "correct" and event.target:
            if event.target == "claimant":
                corrections["claimant"] = event.after
            elif event.target == "span":
                corrections["span"] = event.after
            elif event.target.startswith("figure:") and isinstance(event.after, dict):
                figures = corrections.setdefault("figures", {})
                key = event.target.partition(":")[2]
                figures[key] = {**figures.get(key, {}), **event.after}
    return corrections, group_id
