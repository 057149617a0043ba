"""Evidence from a PDF in the app: the preview reads it through the same seam
as ingest, so a table row on page 2 can be searched for and quoted."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import DataTable

from db.engine import Database
from db.models import Evidence, Snapshot
from sources.pages import page_at
from tests.sources.reading import pdfs
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, settle
from tests.tui.test_review import first_claim, open_first_claim
from tui.app import FactdeskApp
from tui.dialogs.quote import QuotePicker
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


async def test_quote_a_table_row_from_page_two_of_a_pdf(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/rapport.pdf", pdfs.report_pdf(), content_type="application/pdf")
    url = http_server.url("/rapport.pdf")
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*url, "enter")
        await pilot.pause()
        await pilot.press("enter")  # stance: supports
        await pilot.pause()
        await pilot.press("enter")  # no note
        await settle(pilot)
        assert isinstance(app.screen, QuotePicker)
        await pilot.press(*"Coopératives actives 25.100", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        # The evidence table cites the page before the address a narrow column may cut.
        table = app.screen.query_one("#evidence", DataTable)
        cited = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
        assert any(cell.startswith("p. 2 · http") for cell in cited), cited
    with demo_db.read() as session:
        evidence = session.exec(
            select(Evidence)
            .where(Evidence.claim_id == claim_id)
            .order_by(col(Evidence.id).desc())
        ).first()
        assert evidence is not None
        snapshot = session.get(Snapshot, evidence.snapshot_id)
    assert snapshot is not None
    assert snapshot.media_type == "application/pdf"
    assert evidence.exact == pdfs.TABLE_ROW
    assert page_at(snapshot.text, evidence.start) == 2
