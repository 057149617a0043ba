"""Review actions as the app runs them: one write transaction on a claim version.

A screen builds an action from ``claims.review`` functions (give a verdict,
set a status…) and hands it to a worker; the worker runs it here, so the UI
holds an action, never a database session.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from claims.review.corrections import SnapshotSentence, add_claim, snapshot_sentences
from db.engine import Database

ReviewAction = Callable[[Session, int], object]
"""``action(session, version)``: a review change decided on claim ``version``."""


def run_review_action(database: Database, action: ReviewAction, version: int) -> object:
    """Run ``action`` in one write transaction; ``ClaimChanged`` says someone was first."""
    with database.write() as session:
        return action(session, version)


def add_claim_by_hand(database: Database, snapshot_id: int, quote: str, *, reviewer: str) -> int:
    """Store a sentence of a snapshot as a claim the extractor missed; its new id."""
    with database.write() as session:
        claim = add_claim(session, snapshot_id, quote, reviewer=reviewer)
        assert claim.id is not None
        return claim.id


def sentences_of(database: Database, snapshot_id: int) -> list[SnapshotSentence]:
    """The sentences of a snapshot's text, each with the claim stored on it if any."""
    with database.read() as session:
        return snapshot_sentences(session, snapshot_id)
