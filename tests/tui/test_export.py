"""Exporting the queue's current filter as a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from claims.reports import ReportFormat
from claims.review.queries import ClaimFilter
from db.engine import Database
from tests.tui.conftest import SIZE, settle
from tests.tui.test_queue import total
from tui.app import FactdeskApp
from tui.dialogs.export import ExportDialog

pytestmark = pytest.mark.asyncio


async def export(app: FactdeskApp, pilot: object, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one("#export-format", Select).value = ReportFormat.json
    await pilot.pause()
    dialog.query_one("#export-path", Input).value = str(path)
    await pilot.click("#ok")
    await settle(pilot)


async def test_export_writes_the_claims_the_filters_select(
    app: FactdeskApp, demo_db: Database, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#f-status", Select).value = "in_review"
        await settle(pilot)
        await export(app, pilot, tmp_path / "status.json")
        # Words are not a report filter: the queue passes the matching ids.
        await pilot.click("#f-text")
        await pilot.press(*"Berrada", "enter")
        await settle(pilot)
        await export(app, pilot, tmp_path / "words.json")
    by_status = json.loads((tmp_path / "status.json").read_text())
    assert len(by_status["claims"]) == total(demo_db, ClaimFilter(status="in_review"))
    by_words = json.loads((tmp_path / "words.json").read_text())
    wanted = total(demo_db, ClaimFilter(status="in_review", text="Berrada"))
    assert 0 < len(by_words["claims"]) == wanted
    assert all(
        "Berrada" in c["text"] or "Berrada" in (c["claimant"] or "") for c in by_words["claims"]
    )
