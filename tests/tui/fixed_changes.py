"""The fixed data set with its one evidence passage changed by a later refresh.

Written as the refresh job writes it (``claims.review.recheck``): a quote anchor
in a newer snapshot that reads otherwise, and an ``evidence_changed`` event with
the new cross-check. Fixed times, for the SVG snapshots.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from db.engine import Database
from db.models import ClaimState, Evidence, QuoteAnchor, ReviewEvent
from tests.tui.fixed_data import AT, load_fixed

NEW_QUOTE = "the national registry counted 17,310 active cooperatives"


def load_fixed_with_change(database: Database) -> None:
    load_fixed(database)
    seen = AT + timedelta(days=30)
    with database.write() as session:
        evidence = session.exec(select(Evidence)).one()
        assert evidence.id is not None
        [old] = evidence.crosscheck
        new = {
            **old,
            "evidence": {**old["evidence"], "surface": "17,310 active cooperatives"},
            "result": "outside",
            "deviation": -0.1345,
            "reason": "beyond rounding",
        }
        new["evidence"]["value"] = 17310.0
        session.add(
            QuoteAnchor(
                claim_id=evidence.claim_id,
                evidence_id=evidence.id,
                snapshot_id=evidence.snapshot_id,
                previous_snapshot_id=evidence.snapshot_id,
                status="changed",
                exact=NEW_QUOTE,
                start=evidence.start,
                end=evidence.start + len(NEW_QUOTE),
                method="fuzzy",
                score=0.9,
                created_at=seen,
            )
        )
        state = session.get(ClaimState, evidence.claim_id)
        assert state is not None
        state.version += 1
        session.add(
            ReviewEvent(
                claim_id=evidence.claim_id,
                version=state.version,
                at=seen,
                reviewer="refresh",
                action="evidence_changed",
                evidence_id=evidence.id,
                before={"quote": evidence.exact, "figures": [old["evidence"]]},
                after={
                    "status": "changed",
                    "quote": NEW_QUOTE,
                    "figures": [new["evidence"]],
                    "crosscheck": [new],
                    "snapshot_id": evidence.snapshot_id,
                    "source": "https://registry.example/key-figures-2025",
                },
                text="the passage changed in https://registry.example/key-figures-2025",
            )
        )
        session.add(state)
