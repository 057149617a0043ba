"""The watches on the sources screen: listed with their state, paused, resumed, read now."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from db.engine import Database
from sources.watching.watches import add_watch
from tests.sources.watching.feeds import ARTICLES, rss
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.fixed_data import load_watches
from tui.app import FactdeskApp
from tui.screens.sources import SourcesScreen

pytestmark = pytest.mark.asyncio

RSS = "application/rss+xml; charset=utf-8"
PATHS = ["/articles/cooperatives", "/articles/port"]


def _row(table: DataTable[object], key: str) -> list[str]:
    return [str(cell) for cell in table.get_row(key)]


async def test_watches_are_listed_paused_resumed_and_read_now(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    for path in PATHS:
        http_server.route(path, ARTICLES[path], content_type="text/plain; charset=utf-8")
    http_server.route("/feed.xml", rss(http_server.base_url, PATHS[:1]), content_type=RSS)
    added = add_watch(
        demo_db,
        http_server.url("/feed.xml"),
        lang="fr",
        every_s=3600,
        per_pass_cap=20,
        policy=desk_settings(demo_db).fetch_policy(),
    )
    key = str(added.watch.id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        watches = screen.query_one("#watches", DataTable)
        row = _row(watches, key)
        # id, url, kind, every, last read, outcome, found, ingested, failed, next due
        assert row[1].endswith("/feed.xml")
        assert row[2:4] == ["feed", "1h"]
        assert row[5:9] == ["stored", "1", "0", "0"]
        assert row[9] == "—"  # times are hidden in tests

        watches.focus()
        await pilot.press("p")
        await settle(pilot)
        assert _row(watches, key)[9] == "paused"
        await pilot.press("p")
        await settle(pilot)
        assert _row(watches, key)[9] == "—"

        # The feed lists a second article: reading now ingests both with their claims.
        http_server.route("/feed.xml", rss(http_server.base_url, PATHS), content_type=RSS)
        await pilot.press("w")
        await settle(pilot)
        row = _row(watches, key)
        assert row[6:9] == ["2", "2", "0"]
        sources = screen.query_one("#sources", DataTable)
        listed = {str(sources.get_row(k)[1]) for k in sources.rows}
        assert any(url.endswith("/articles/port") for url in listed)
        assert "Watches: 1" in str(screen.query_one("#watches-title", Static).render())


async def test_no_watches_says_how_to_add_one(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        title = str(screen.query_one("#watches-title", Static).render())
        assert "factdesk watch add URL" in title
        screen.query_one("#watches", DataTable).focus()
        await pilot.press("p")  # nothing to pause: a hint, no crash
        await settle(pilot)
        assert screen.query_one("#watches", DataTable).row_count == 0


async def test_why_a_watch_failed_shows_in_full_under_the_table(
    app: FactdeskApp, demo_db: Database
) -> None:
    load_watches(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        watches = screen.query_one("#watches", DataTable)
        why = screen.query_one("#watch-why", Static)
        rows = [_row(watches, str(k.value)) for k in watches.rows]
        failing = next(n for n, row in enumerate(rows) if row[5] == "failed")
        healthy = next(n for n, row in enumerate(rows) if row[5] != "failed")
        watches.focus()
        watches.move_cursor(row=failing)
        await pilot.pause()
        assert why.display
        assert "HTTP 503 from agency.example" in str(why.render())
        watches.move_cursor(row=healthy)
        await pilot.pause()
        assert not why.display
