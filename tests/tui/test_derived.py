"""A derived total in the TUI: labelled as computed, with its reasoning and figures."""

from __future__ import annotations

import pytest
from textual.widgets import Select, Static

from claims.review.listing import ClaimFilter
from claims.review.queries import list_claims
from db.engine import Database
from tests.tui.conftest import SIZE, settle
from tui.app import FactdeskApp
from tui.screens.claim import ClaimScreen
from tui.widgets.queue_table import QueueTable

pytestmark = pytest.mark.asyncio


async def test_the_queue_filters_derived_totals_and_the_claim_screen_explains_them(
    app: FactdeskApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        [view] = list_claims(session, ClaimFilter(kind="derived")).rows
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#f-kind", Select).value = "derived"
        await settle(pilot)
        table = app.screen.query_one("#claims", QueueTable)
        assert table.row_count == 1
        row = list(table.row_cells(view.claim.id or 0).values())
        assert "derived" in row
        assert any(cell.startswith("~40,000") for cell in row)

        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == view.claim.id
        assert "derived" in str(screen.query_one("#claim-head", Static).render())
        figures = str(screen.query_one("#figures", Static).render())
        assert "computed by factdesk, not written: 20.000 is 50 pc of" in figures
        assert "= about 40,000 (38,614–41,412" in figures
        assert "from  20.000  (claim" in figures
        assert "from  50 pc  (claim" in figures
