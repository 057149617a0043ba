"""The claim queue: paged from the database, filtered, opened."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static

from claims.review.listing import ClaimFilter
from claims.review.queries import list_claims
from db.engine import Database
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_hostile import ingest_hostile
from tui.app import FactdeskApp, make_app
from tui.screens.claim import ClaimScreen
from tui.screens.queue import QueueScreen
from tui.widgets.queue_columns import SORTS
from tui.widgets.queue_table import QueueTable

pytestmark = pytest.mark.asyncio


def total(database: Database, filters: ClaimFilter | None = None) -> int:
    with database.read() as session:
        return list_claims(session, filters or ClaimFilter(), limit=1).total


def page_info(app: FactdeskApp) -> str:
    return str(app.screen.query_one("#page-info", Static).render())


async def test_queue_opens_on_every_claim_and_says_how_many(
    app: FactdeskApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        n = total(demo_db)
        assert n > 50
        assert page_info(app).startswith(f"1-{n} of {n}")
        assert app.screen.query_one("#claims", QueueTable).row_count == n


async def test_pages_through_the_queue(demo_db: Database) -> None:
    app = make_app(demo_db, settings=desk_settings(demo_db, page_size=10), show_times=False)
    n = total(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert page_info(app).startswith(f"1-10 of {n}")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert page_info(app).startswith(f"11-20 of {n}")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert page_info(app).startswith(f"1-10 of {n}")


async def test_filters_by_text_and_status(app: FactdeskApp, demo_db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Berrada", "enter")
        await settle(pilot)
        wanted = total(demo_db, ClaimFilter(text="Berrada"))
        assert 0 < wanted < total(demo_db)
        assert page_info(app).startswith(f"1-{wanted} of {wanted}")
        assert "text=Berrada" in page_info(app)

        app.screen.query_one("#f-status", Select).value = "new"
        await settle(pilot)
        both = total(demo_db, ClaimFilter(text="Berrada", status="new"))
        assert both < wanted
        assert page_info(app).startswith(f"{'1-' + str(both) if both else '0'}")
        assert app.screen.query_one("#claims", QueueTable).row_count == both

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.screen.query_one("#claims", QueueTable).row_count == total(demo_db)


async def test_enter_opens_the_highlighted_claim_and_escape_comes_back(
    app: FactdeskApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.dossier is not None
        assert screen.claim_id == screen.dossier.view.claim.id
        head = str(screen.query_one("#claim-head", Static).render())
        assert f"Claim {screen.claim_id}" in head
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)


async def test_sort_orders_the_whole_queue_not_just_the_page(demo_db: Database) -> None:
    app = make_app(demo_db, settings=desk_settings(demo_db, page_size=10), show_times=False)
    with demo_db.read() as session:
        everything = list_claims(session, ClaimFilter(), limit=100_000).rows
    best = max(everything, key=lambda v: v.claim.checkworthiness)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")  # text order -> most check-worthy
        await settle(pilot)
        assert "sorted by most check-worthy" in page_info(app)
        table = app.screen.query_one("#claims", QueueTable)
        first = table.claim_ids[0]
        with demo_db.read() as session:
            first_view = list_claims(
                session, ClaimFilter(order="checkworthiness"), limit=1
            ).rows[0]
        assert first == first_view.claim.id
        assert first_view.claim.checkworthiness == best.claim.checkworthiness


async def test_cursor_keys_stay_within_the_page(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#claims", QueueTable)
        await pilot.press("up")
        assert table.cursor_row == 0  # no wrapping round to the last row
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        assert table.scroll_offset.y > 0  # scrolled to show it
        await pilot.press("down")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home", "pagedown")
        assert 0 < table.cursor_row < table.row_count - 1
        await pilot.press("home")
        assert (table.cursor_row, table.scroll_offset.y) == (0, 0)


async def test_every_sort_order_shows_the_page_the_command_line_lists(
    demo_db: Database,
) -> None:
    app = make_app(demo_db, settings=desk_settings(demo_db, page_size=10), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#claims", QueueTable)
        for sort in SORTS:
            with demo_db.read() as session:
                page = list_claims(session, ClaimFilter(order=sort.order), limit=10)
            assert table.claim_ids == tuple(view.claim.id for view in page.rows), sort.label
            await pilot.press("o")
            await settle(pilot)


async def test_fetched_markup_and_escapes_show_literally_in_the_queue(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    claims = ingest_hostile(demo_db, http_server)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#f-source", Input).focus()
        await pilot.press(*"/leak", "enter")
        await settle(pilot)
        table = app.screen.query_one("#claims", QueueTable)
        assert set(table.claim_ids) == set(claims)
        lines = [table.render_line(y) for y in range(table.row_count + 1)]
        text = "\n".join(line.text for line in lines)
        assert "[bold red]x[/]" in text
        assert not any(c in text for c in "\x1b\x9b\x07")
        for line in lines:
            for segment in line:
                assert segment.style is None or segment.style.link is None
                assert not (segment.style and segment.style.meta)
