"""The sources screen tells the truth: why a source fails, its fetch history, local sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

from db.engine import Database
from sources.ingest import IngestOptions, ingest
from sources.refresh import pause, source_statuses
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_sources_width import refreshed_source
from tui.app import FactdeskApp, make_app

pytestmark = pytest.mark.asyncio

PAGE = """<html><head><title>Budget page</title></head><body><article>
<p>The council spent 40 per cent of its budget on consultants in 2025.</p>
<p>Spending on roads stayed at 12 million pounds, the finance office said.</p>
</article></body></html>"""


def _row(table: DataTable[Text], key: str) -> str:
    return " | ".join(cell.plain for cell in table.get_row(key))


async def test_a_failing_source_shows_its_reason_and_history_and_a_file_shows_local(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer, tmp_path: Path
) -> None:
    policy = desk_settings(demo_db).fetch_policy()
    http_server.route("/budget", PAGE)
    web = ingest(
        demo_db, http_server.url("/budget"), options=IngestOptions(lang="en"), policy=policy
    )
    page = tmp_path / "budget.html"
    page.write_text(PAGE, encoding="utf-8")
    local = ingest(demo_db, str(page), options=IngestOptions(lang="en"), policy=policy)
    http_server.route("/budget", "no such page", status=404, content_type="text/plain")
    web_id, local_id = str(web.source.id), str(local.source.id)

    async with app.run_test(size=SIZE) as pilot:
        screen, sources = await refreshed_source(app, pilot, web_id)

        assert "failing" in _row(sources, web_id)
        sources.move_cursor(row=sources.get_row_index(web_id))
        await pilot.pause()
        # The reason, under the list, for the highlighted source.
        assert "404" in str(screen.query_one("#source-why", Static).render())
        assert "local" in _row(sources, local_id)
        assert "never (local)" in _row(sources, local_id)

        sources.move_cursor(row=sources.get_row_index(web_id))
        await pilot.press("enter")
        await settle(pilot)
        state = str(screen.query_one("#source-state", Static).render())
        assert "failing" in state
        assert "1 failed check in a row" in state
        assert "404" in state
        # Said once: the line under the list gives way to the opened source's state.
        assert not screen.query_one("#source-why", Static).display
        fetches: DataTable[Text] = screen.query_one("#fetches", DataTable)
        assert fetches.row_count == 2
        newest = " | ".join(cell.plain for cell in fetches.get_row_at(0))
        assert "failed" in newest
        assert "404" in newest  # the status
        assert "404" in str(screen.query_one("#fetch-why", Static).render())  # the reason
        oldest = " | ".join(cell.plain for cell in fetches.get_row_at(1))
        assert "stored" in oldest


async def test_refreshing_a_local_source_says_it_is_local(
    app: FactdeskApp, demo_db: Database, tmp_path: Path
) -> None:
    page = tmp_path / "budget.html"
    page.write_text(PAGE, encoding="utf-8")
    policy = desk_settings(demo_db).fetch_policy()
    local = ingest(demo_db, str(page), options=IngestOptions(lang="en"), policy=policy)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        sources: DataTable[Text] = app.screen.query_one("#sources", DataTable)
        sources.move_cursor(row=sources.get_row_index(str(local.source.id)))
        await pilot.press("r")
        await settle(pilot)

        # The notifications shown (Textual has no public reader of them).
        said = " ".join(str(note.message) for note in app._notifications)
        assert "is local" in said
        assert "nothing to fetch" in said


async def test_a_refresh_of_due_sources_says_how_many_local_ones_it_left_out(
    app: FactdeskApp, demo_db: Database, tmp_path: Path
) -> None:
    page = tmp_path / "budget.html"
    page.write_text(PAGE, encoding="utf-8")
    policy = desk_settings(demo_db).fetch_policy()
    ingest(demo_db, str(page), options=IngestOptions(lang="en"), policy=policy)
    with demo_db.write() as session:  # the demo's web sources: no fetch off loopback
        for source in source_statuses(session):
            if source.health != "local":
                pause(session, str(source.id))

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("R")  # refresh the due sources
        await settle(pilot)

        said = " ".join(str(note.message) for note in app._notifications)
        assert "local, never refreshed 1" in said


async def test_the_sources_screen_refreshes_by_the_policy_of_the_settings(
    demo_db: Database, http_server: HTTPTestServer
) -> None:
    # One policy for cron, --watch and the TUI: with `gone_after = 1` in the
    # settings, one 404 makes the source gone from the screen's refresh too
    # (the default, 3 in a row, would leave it failing).
    settings = desk_settings(demo_db)
    http_server.route("/budget", PAGE)
    web = ingest(
        demo_db,
        http_server.url("/budget"),
        options=IngestOptions(lang="en"),
        policy=settings.fetch_policy(),
    )
    http_server.route("/budget", "no such page", status=404, content_type="text/plain")
    settings.refresh = settings.refresh.model_copy(update={"gone_after": 1})
    app = make_app(demo_db, settings=settings, show_times=False)

    async with app.run_test(size=SIZE) as pilot:
        _, sources = await refreshed_source(app, pilot, str(web.source.id))
        assert "gone" in _row(sources, str(web.source.id))
