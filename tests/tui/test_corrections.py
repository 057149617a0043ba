"""Correcting the machine from the claim screen: the claimant, and dismissing."""

from __future__ import annotations

import pytest

from claims.review.events import history
from claims.review.queries import get_claim
from db.engine import Database
from tests.tui.conftest import SIZE, settle
from tests.tui.test_review import first_claim, open_first_claim, state_of
from tui.app import FactdeskApp

pytestmark = pytest.mark.asyncio


async def test_claimant_corrected_and_claim_dismissed_from_the_screen(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = first_claim(demo_db)
    with demo_db.read() as session:
        original = get_claim(session, claim_id).claim.claimant
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Jamila Elmoussali", "enter")
        await settle(pilot)
        history_text = str(screen.query_one("#history").render())
        assert "corrected the claimant" in history_text
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"a headline", "enter")
        await settle(pilot)
    with demo_db.read() as session:
        view = get_claim(session, claim_id)
        actions = [(e.action, e.target) for e in history(session, claim_id)]
    assert view.claimant == "Jamila Elmoussali"
    assert view.claim.claimant == original  # the extractor's, on record
    assert ("correct", "claimant") in actions
    assert state_of(demo_db, claim_id).status == "dismissed"
    assert actions[-1] == ("status", None)
