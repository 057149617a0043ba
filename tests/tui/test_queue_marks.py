"""Marking rows in the queue: space, shift+arrows, the mark column, the page line's count.

Marks are claim ids kept by the table: they outlive paging and filtering, so
that actions on many claims (issue 11) can take "the marked ones".
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from db.engine import Database
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import FactdeskApp, make_app
from tui.screens.claim import ClaimScreen
from tui.widgets.queue_table import QueueTable

pytestmark = pytest.mark.asyncio


def table_of(app: FactdeskApp) -> QueueTable:
    return app.screen.query_one("#claims", QueueTable)


def page_info(app: FactdeskApp) -> str:
    return str(app.screen.query_one("#page-info", Static).render())


def marked_rows(app: FactdeskApp) -> list[int]:
    """Rows on screen whose mark column shows the mark (row 0 is the first claim)."""
    table = table_of(app)
    shown = [table.render_line(y).text for y in range(1, table.region.height)]
    return [row for row, line in enumerate(shown) if line[:3].strip() == "✓"]


async def test_space_marks_the_highlighted_claim_and_unmarks_it(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down", "down", "space")
        assert marked_rows(app) == [2]
        assert table.marked == {table.claim_ids[2]}
        assert "1 marked" in page_info(app)
        await pilot.press("space")
        assert marked_rows(app) == []
        assert "marked" not in page_info(app)


async def test_shift_arrows_extend_the_marks(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down", "shift+down", "shift+down")
        assert marked_rows(app) == [1, 2, 3]
        assert table.cursor_row == 3
        # Back up: the marks stay, the one above joins them.
        await pilot.press("shift+up", "shift+up", "shift+up")
        assert marked_rows(app) == [0, 1, 2, 3]
        assert table.cursor_row == 0
        assert "4 marked" in page_info(app)
        await pilot.press("shift+up")  # at the top: nothing to extend to
        assert marked_rows(app) == [0, 1, 2, 3]


async def test_marks_outlive_pages_and_enter_still_opens(demo_db: Database) -> None:
    app = make_app(demo_db, settings=desk_settings(demo_db, page_size=10), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        first = table.claim_ids[0]
        await pilot.press("space", "right_square_bracket")
        await settle(pilot)
        assert first not in table.claim_ids
        assert marked_rows(app) == []
        assert "1 marked" in page_info(app)
        await pilot.press("down", "space")
        assert "2 marked" in page_info(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert marked_rows(app) == [0]
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == first


async def test_a_click_on_the_mark_column_marks_a_click_on_a_row_highlights_then_opens(
    app: FactdeskApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.click("#claims", offset=(1, 3))  # the mark cell of the third row
        assert marked_rows(app) == [2]
        await pilot.click("#claims", offset=(40, 5))
        assert table.cursor_row == 4
        assert isinstance(app.screen.query_one("#claims"), QueueTable)  # still the queue
        await pilot.click("#claims", offset=(40, 5))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == table.claim_ids[4]
