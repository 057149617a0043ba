""" "New since you last looked" (issue 14): claims stored after the reviewer's previous
visit to the queue are flagged, and ``n`` shows only them.

Visits are rows of their own (append-only), recorded when the queue opens and
closes; the previous visit decides what is new for the whole session.
"""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from db.engine import Database
from db.models import QueueVisit
from tests.sources.refresh.conftest import (
    ARTICLE,
    REPORT,
    sites,  # noqa: F401  (fixture)
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_queue_freshness import _app, _page_info, _table

pytestmark = pytest.mark.asyncio


def _visits(database: Database) -> list[tuple[str, str]]:
    with database.read() as session:
        rows = session.exec(select(QueueVisit).order_by(col(QueueVisit.id))).all()
        return [(v.reviewer, v.event) for v in rows]


async def test_claims_ingested_since_the_last_visit_are_new_and_n_shows_them(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    text_page(sites[0], "/article", ARTICLE)
    assert cli("ingest", sites[0].url("/article")).exit_code == 0
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        seen = set(table.claim_ids)
        assert seen
        # A first visit: nothing is new to this reviewer yet, and n says why.
        assert all(table.row_cells(n)["flags"] == "" for n in seen)
        await pilot.press("n")
        await settle(pilot)
        assert set(table.claim_ids) == seen
    assert _visits(database) == [("tester", "open"), ("tester", "close")]

    text_page(sites[1], "/report", REPORT)
    assert cli("ingest", sites[1].url("/report")).exit_code == 0
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        arrived = set(table.claim_ids) - seen
        assert arrived
        assert {n: table.row_cells(n)["flags"] for n in arrived} == dict.fromkeys(arrived, "•")
        assert all(table.row_cells(n)["flags"] == "" for n in seen)
        await pilot.press("n")
        await settle(pilot)
        assert set(table.claim_ids) == arrived
        assert "new since you last looked" in _page_info(app)
        await pilot.press("n")
        await settle(pilot)
        assert set(table.claim_ids) == seen | arrived
    # Every visit stays on record.
    assert _visits(database) == [("tester", "open"), ("tester", "close")] * 2


async def test_new_is_per_reviewer(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    from tui.app import make_app

    text_page(sites[0], "/article", ARTICLE)
    assert cli("ingest", sites[0].url("/article")).exit_code == 0
    app = _app(database)  # "tester" looks
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    text_page(sites[1], "/report", REPORT)
    assert cli("ingest", sites[1].url("/report")).exit_code == 0
    settings = desk_settings(database).model_copy(update={"reviewer": "bilal"})
    other = make_app(database, settings=settings, show_times=False)
    async with other.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # bilal never looked: nothing is flagged new for him.
        table = _table(other)
        assert all(table.row_cells(n)["flags"] == "" for n in table.claim_ids)
