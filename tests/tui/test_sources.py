"""The sources screen: snapshots, a snapshot's text, refresh in the background, diffs."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from db.engine import Database
from sources.ingest import IngestOptions, ingest
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import FactdeskApp
from tui.screens.sources import SourcesScreen

pytestmark = pytest.mark.asyncio

BEFORE = """<html><head><title>Budget page</title></head><body><article>
<p>The council spent 40 per cent of its budget on consultants in 2025.</p>
<p>Spending on roads stayed at 12 million pounds, the finance office said.</p>
</article></body></html>"""
AFTER = BEFORE.replace("40 per cent", "45 per cent")


async def test_refresh_a_source_then_diff_its_two_snapshots(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/budget", BEFORE)
    stored = ingest(
        demo_db,
        http_server.url("/budget"),
        options=IngestOptions(lang="en"),
        policy=desk_settings(demo_db).fetch_policy(),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        sources = screen.query_one("#sources", DataTable)
        sources.move_cursor(row=sources.get_row_index(str(stored.source.id)))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#snapshots", DataTable).row_count == 1
        text = str(screen.query_one("#snapshot-text", Static).render())
        assert "40 per cent" in text

        http_server.route("/budget", AFTER)
        await pilot.press("r")
        await settle(pilot)
        assert screen.query_one("#snapshots", DataTable).row_count == 2
        await pilot.press("d")  # the newest snapshot against the one before it
        await pilot.pause()
        diff = str(screen.query_one("#snapshot-text", Static).render())
        assert "-The council spent 40 per cent" in diff
        assert "+The council spent 45 per cent" in diff
