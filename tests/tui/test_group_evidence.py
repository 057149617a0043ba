"""Withdrawing evidence on the claim screen withdraws it from the claim's whole group."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import DataTable

from claims.review.evidence import EvidenceRequest, link_snapshot, list_evidence
from claims.review.groups import merge
from db.engine import Database
from db.models import Claim, ClaimState, Snapshot
from tests.tui.conftest import SIZE, settle
from tests.tui.test_claim_flows import events_of
from tests.tui.test_review import first_claim, open_first_claim
from tui.app import FactdeskApp

pytestmark = pytest.mark.asyncio


def group_with_shared_evidence(database: Database) -> tuple[int, int, int]:
    """The first claim grouped with the next, one passage linked to both; their ids and its."""
    first = first_claim(database)
    with database.write() as session:
        other = session.exec(
            select(ClaimState.claim_id)
            .where(col(ClaimState.claim_id) > first)
            .order_by(col(ClaimState.claim_id))
        ).first()
        assert other is not None
        merge(session, [first, other], reviewer="tester")
        claim = session.get(Claim, first)
        assert claim is not None
        snapshot = session.get(Snapshot, claim.snapshot_id)
        assert snapshot is not None
        request = EvidenceRequest(first, "context", "tester", quote=claim.text)
        added = link_snapshot(session, request, snapshot, where="the claim's own page")
        assert added.evidence.id is not None
        return first, other, added.evidence.id


async def test_withdrawing_evidence_on_the_claim_screen_reaches_the_group(
    app: FactdeskApp, demo_db: Database
) -> None:
    first, other, evidence_id = group_with_shared_evidence(demo_db)
    with demo_db.read() as session:
        assert [e.evidence.exact for e in list_evidence(session, other)][-1:] == [
            session.get(Claim, first).text  # type: ignore[union-attr]
        ]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        table = screen.query_one("#evidence", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(str(evidence_id)))
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"quoted the article itself", "enter")
        await settle(pilot)
    for claim_id in (first, other):
        removed = events_of(demo_db, claim_id, "evidence_removed")
        assert [e.text for e in removed] == ["quoted the article itself"]
    with demo_db.read() as session:
        quote = session.get(Claim, first).text  # type: ignore[union-attr]
        assert evidence_id not in [e.evidence.id for e in list_evidence(session, first)]
        assert quote not in [e.evidence.exact for e in list_evidence(session, other)]
