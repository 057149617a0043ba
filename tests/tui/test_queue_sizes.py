"""The queue at 80x24 and at 120x40: filters readable, the columns that matter on screen.

Column widths follow the terminal's (tui/widgets/queue_columns.py): the status
and the claim always show, the source from 120 columns on; below 120 columns
the filters take two rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from claims.review.listing import ClaimFilter
from claims.review.queries import ClaimView, list_claims
from claims.review.statuses import STATUS_LABELS
from db.engine import Database
from tests.support.databases import fresh_sqlite
from tests.tui.conftest import desk_settings, settle
from tests.tui.fixed_data import load_fixed
from tui.app import FactdeskApp, make_app
from tui.widgets.formatting import host
from tui.widgets.queue_table import QueueTable

SnapCompare = Callable[..., bool]


def first_claim(database: Database) -> ClaimView:
    with database.read() as session:
        return list_claims(session, ClaimFilter(), limit=1).rows[0]


def screen_line(table: QueueTable, y: int) -> str:
    """Line ``y`` of the table as the terminal gets it, checked to fit on screen."""
    assert table.region.right <= table.app.size.width
    text = table.render_line(y).text
    assert len(text) <= table.region.width
    return text


def assert_filters_readable(app: FactdeskApp) -> None:
    width, height = app.size
    for field in app.screen.query("#filters Input").results(Input):
        assert field.region.right <= width
        assert field.region.bottom <= height
        assert field.content_region.width >= len(field.placeholder), field.id
    for select in app.screen.query("#filters Select").results(Select):
        label = select.query_one("SelectCurrent #label", Static)
        assert select.region.right <= width
        assert label.content_region.width >= len(select.prompt), select.id


@pytest.mark.asyncio
async def test_at_80x24_the_filters_read_and_status_and_claim_show(
    app: FactdeskApp, demo_db: Database
) -> None:
    view = first_claim(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_filters_readable(app)
        table = app.screen.query_one("#claims", QueueTable)
        header = screen_line(table, 0).split()
        assert header[:2] == ["status", "verdict"]
        assert "claim" in header
        row = screen_line(table, 1)
        assert STATUS_LABELS[view.status] in row
        assert " ".join(view.claim.text.split())[:20] in row
        assert table.region.height >= 10  # the filters' second row leaves room for rows


@pytest.mark.asyncio
async def test_at_120x40_the_source_column_shows_too(app: FactdeskApp, demo_db: Database) -> None:
    view = first_claim(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert_filters_readable(app)
        table = app.screen.query_one("#claims", QueueTable)
        header = screen_line(table, 0).split()
        assert {"status", "claim", "source"} <= set(header)
        row = screen_line(table, 1)
        assert STATUS_LABELS[view.status] in row
        assert " ".join(view.claim.text.split())[:20] in row
        assert host(view.source.url)[:10] in row


@pytest.fixture
def fixed_app(_sqlite_template: Path, tmp_path: Path) -> FactdeskApp:
    database = Database(fresh_sqlite(_sqlite_template, tmp_path))
    load_fixed(database)
    return make_app(database, settings=desk_settings(database), show_times=False)


async def _ready(pilot: Pilot[None]) -> None:
    await settle(pilot)


def test_queue_at_80x24(snap_compare: SnapCompare, fixed_app: FactdeskApp) -> None:
    assert snap_compare(fixed_app, terminal_size=(80, 24), run_before=_ready)


def test_queue_at_120x40(snap_compare: SnapCompare, fixed_app: FactdeskApp) -> None:
    assert snap_compare(fixed_app, terminal_size=(120, 40), run_before=_ready)


def test_queue_with_marked_rows(snap_compare: SnapCompare, fixed_app: FactdeskApp) -> None:
    async def mark(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("space", "down", "down", "shift+down")

    assert snap_compare(fixed_app, terminal_size=(120, 40), run_before=mark)
