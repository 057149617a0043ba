"""Acting on many claims at once: the queue's marked rows.

Each claim gets its own review event (and its own transaction), exactly as if
the reviewer had acted on it alone; a claim that refuses (already in that
status, removed meanwhile) is reported and the others go ahead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from claims.errors import ClaimError
from claims.review.corrections import dismiss_claim
from claims.review.events import assign, set_status
from claims.review.groups import merge, require_claims
from claims.review.statuses import parse_status
from claims.wording import counted
from db.engine import Database
from db.errors import FactdeskError
from db.models import ClaimState


@dataclass
class BulkOutcome:
    """Which claims changed, and why the others did not."""

    done: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)

    def describe(self, verb: str) -> str:
        said = f"{counted(len(self.done), 'claim')} {verb}"
        if self.refused:
            first_id, why = next(iter(self.refused.items()))
            said += f"; {len(self.refused)} unchanged (claim {first_id}: {why})"
        return said


def _each(
    database: Database, claim_ids: Iterable[int], action: Callable[[Session, int], object]
) -> BulkOutcome:
    outcome = BulkOutcome()
    for claim_id in sorted(set(claim_ids)):
        try:
            with database.write() as session:
                action(session, claim_id)
        except FactdeskError as exc:
            outcome.refused[claim_id] = " ".join(str(exc).split())
        else:
            outcome.done.append(claim_id)
    return outcome


def set_status_of_many(
    database: Database, claim_ids: Iterable[int], status: str, *, reviewer: str
) -> BulkOutcome:
    wanted = parse_status(status)  # an unknown status fails before anything changes
    return _each(
        database, claim_ids, lambda s, claim_id: set_status(s, claim_id, wanted, reviewer=reviewer)
    )


def assign_many(
    database: Database, claim_ids: Iterable[int], who: str, *, reviewer: str
) -> BulkOutcome:
    return _each(
        database, claim_ids, lambda s, claim_id: assign(s, claim_id, who, reviewer=reviewer)
    )


def dismiss_many(
    database: Database, claim_ids: Iterable[int], why: str, *, reviewer: str
) -> BulkOutcome:
    """Dismiss each claim as "not a claim", all for the one reason ``why``."""
    if not why.strip():  # refused before anything changes, not once per claim
        raise ClaimError("say why the marked claims are not claims; the reason is required")
    return _each(
        database,
        claim_ids,
        lambda s, claim_id: dismiss_claim(s, claim_id, why=why, reviewer=reviewer),
    )


def group_many(database: Database, claim_ids: Iterable[int], *, reviewer: str) -> int:
    """Merge the claims (and the groups they are in) into one group, in one transaction;
    each claim whose group changes gets its own ``group`` event. The group's id."""
    ids = sorted(set(claim_ids))
    with database.write() as session:
        require_claims(session, ids)
        return merge(session, ids, reviewer=reviewer)


def rated_and_checked(database: Database, claim_ids: Iterable[int]) -> list[int]:
    """Which of ``claim_ids`` are checked with a verdict (moving them takes the verdict back)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return []
    # A claim with no state row yet is new, never checked: nothing to create here.
    with database.read() as session:
        rows = session.exec(
            select(ClaimState.claim_id).where(
                col(ClaimState.claim_id).in_(ids),
                ClaimState.status == "checked",
                col(ClaimState.verdict).is_not(None),
            )
        ).all()
    return sorted(rows)
