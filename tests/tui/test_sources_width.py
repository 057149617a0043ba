"""The sources screen at 140 and 120 columns: its tables fit, why a fetch failed reads in full."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from db.engine import Database
from sources.ingest import IngestOptions, ingest
from sources.refresh import source_statuses
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import desk_settings, settle
from tui.app import FactdeskApp
from tui.screens.sources import SourcesScreen

pytestmark = pytest.mark.asyncio

PAGE = """<html><head><title>Budget page</title></head><body><article>
<p>The council spent 40 per cent of its budget on consultants in 2025.</p>
<p>Spending on roads stayed at 12 million pounds, the finance office said.</p>
</article></body></html>"""
# A media type no reader takes: the failure names it, so the reason is long (past
# any column) and carries what the server sent, markup included, to show literally.
ODD_TYPE = "application/x-[bold red]odd[/]-subtype"


def _widths(table: DataTable[Text]) -> dict[str, int]:
    return {
        str(column.key.value): column.get_render_width(table) for column in table.columns.values()
    }


def _reason(database: Database, key: str) -> str:
    with database.read() as session:
        reason = next(s.reason for s in source_statuses(session) if str(s.id) == key)
    assert reason is not None
    assert len(reason) > 120, reason  # longer than any column could show
    return reason


def _shown(widget: Static) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def _budget_page_turned_odd(demo_db: Database, http_server: HTTPTestServer) -> str:
    """A source stored once, whose next fetch answers a media type no reader takes."""
    http_server.route("/budget", PAGE)
    stored = ingest(
        demo_db,
        http_server.url("/budget"),
        options=IngestOptions(lang="en"),
        policy=desk_settings(demo_db).fetch_policy(),
    )
    http_server.route("/budget", PAGE, content_type=ODD_TYPE)
    return str(stored.source.id)


async def refreshed_source(
    app: FactdeskApp, pilot: Pilot[None], key: str
) -> tuple[SourcesScreen, DataTable[Text]]:
    """The sources screen once source ``key`` is refreshed from it, as a reviewer would."""
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SourcesScreen)
    sources: DataTable[Text] = screen.query_one("#sources", DataTable)
    sources.move_cursor(row=sources.get_row_index(key))
    await pilot.press("r")
    await settle(pilot)
    return screen, sources


@pytest.mark.parametrize("size", [(140, 40), (120, 40)])
async def test_the_sources_table_fits_and_says_why_a_source_fails_in_full(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer, size: tuple[int, int]
) -> None:
    key = _budget_page_turned_odd(demo_db, http_server)
    async with app.run_test(size=size) as pilot:
        screen, sources = await refreshed_source(app, pilot, key)
        assert "failing" in str(sources.get_row(key)[2])

        # Room for a vertical scrollbar, which more sources than rows bring.
        room = sources.size.width - sources.styles.scrollbar_size_vertical
        widths = _widths(sources)
        if size[0] >= 140:
            assert sum(widths.values()) <= room, widths  # every column, title included
            assert sources.max_scroll_x == 0
        else:
            # What a reviewer needs first is on screen without scrolling sideways.
            upto = list(widths)[: list(widths).index("next") + 1]
            assert upto == ["id", "url", "health", "last", "next"]
            assert sum(widths[k] for k in upto) <= room, widths

        sources.move_cursor(row=sources.get_row_index(key))
        await pilot.pause()
        why = screen.query_one("#source-why", Static)
        assert why.display
        assert _shown(why) == f"source {key}: {_reason(demo_db, key)}"  # whole
        assert ODD_TYPE in _shown(why)  # literal: the markup is text
        healthy = next(k for k in sources.rows if k.value != key)
        sources.move_cursor(row=sources.get_row_index(healthy))
        await pilot.pause()
        assert not why.display


async def test_the_fetch_history_fits_its_pane_and_says_why_a_fetch_failed(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    key = _budget_page_turned_odd(demo_db, http_server)
    async with app.run_test(size=(140, 40)) as pilot:
        screen, sources = await refreshed_source(app, pilot, key)
        sources.move_cursor(row=sources.get_row_index(key))
        await pilot.press("enter")
        await settle(pilot)

        fetches: DataTable[Text] = screen.query_one("#fetches", DataTable)
        assert fetches.row_count == 2
        room = fetches.size.width - fetches.styles.scrollbar_size_vertical
        assert sum(_widths(fetches).values()) <= room  # with a scrollbar: 20 fetches shown
        assert fetches.max_scroll_x == 0

        why = screen.query_one("#fetch-why", Static)
        fetches.focus()
        fetches.move_cursor(row=0)  # the newest: the failed one
        await pilot.pause()
        assert "failed" in str(fetches.get_row_at(0)[2])
        assert why.display
        assert _shown(why) == _reason(demo_db, key)
        assert ODD_TYPE in _shown(why)
        fetches.move_cursor(row=1)  # the first fetch stored a snapshot: nothing to say
        await pilot.pause()
        assert "stored" in str(fetches.get_row_at(1)[2])
        assert not why.display
