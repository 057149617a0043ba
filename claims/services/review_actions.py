"""Review actions as the app runs them: one write transaction on a claim version.

A screen builds an action from ``claims.review`` functions (give a verdict,
set a status…) and hands it to a worker; the worker runs it here, so the UI
holds an action, never a database session.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from db.engine import Database

ReviewAction = Callable[[Session, int], object]
"""``action(session, version)``: a review change decided on claim ``version``."""


def run_review_action(database: Database, action: ReviewAction, version: int) -> object:
    """Run ``action`` in one write transaction; ``ClaimChanged`` says someone was first."""
    with database.write() as session:
        return action(session, version)
