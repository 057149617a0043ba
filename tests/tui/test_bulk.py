"""Acting on the marked claims of the queue: status, assignment, export, and "mine"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from claims.review.events import assign
from db.engine import Database
from db.models import ClaimState, ReviewEvent
from tests.tui.conftest import SIZE, settle
from tests.tui.test_export import export
from tests.tui.test_queue_marks import table_of
from tui.app import FactdeskApp
from tui.dialogs.prompts import ChoiceDialog

pytestmark = pytest.mark.asyncio


def states(database: Database, ids: list[int]) -> dict[int, ClaimState]:
    with database.read() as session:
        rows = session.exec(select(ClaimState).where(col(ClaimState.claim_id).in_(ids))).all()
        return {row.claim_id: row for row in rows}


async def test_set_the_status_of_the_marked_claims(app: FactdeskApp, demo_db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "down", "space", "down", "down", "space")
        table = table_of(app)
        marked = sorted(table.marked)
        assert len(marked) == 3
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("end", "enter")  # dismissed
        await settle(pilot)
        unmarked = [i for i in table.claim_ids if i not in marked]
    after = states(demo_db, marked + unmarked)
    assert {after[i].status for i in marked} == {"dismissed"}
    assert all(after[i].status != "dismissed" for i in unmarked if i in after)
    with demo_db.read() as session:
        events = session.exec(
            select(ReviewEvent).where(
                ReviewEvent.action == "status", col(ReviewEvent.claim_id).in_(marked)
            )
        ).all()
    # One event per claim, each with its own version.
    assert sorted({e.claim_id for e in events if e.after == "dismissed"}) == marked


async def test_assign_the_marked_claims(app: FactdeskApp, demo_db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "shift+down")
        marked = sorted(table_of(app).marked)
        assert len(marked) == 2
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"bilal", "enter")
        await settle(pilot)
    assert {s.assignee for s in states(demo_db, marked).values()} == {"bilal"}


async def test_mine_shows_only_my_claims_and_back(app: FactdeskApp, demo_db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        everyone = table.row_count
        mine = table.claim_ids[1]
        with demo_db.write() as session:
            assign(session, mine, "tester", reviewer="tester")  # the desk's reviewer
        await pilot.press("m")
        await settle(pilot)
        assert table.claim_ids == (mine,)
        await pilot.press("m")
        await settle(pilot)
        assert table.row_count == everyone


async def test_export_the_marked_claims_only(
    app: FactdeskApp, demo_db: Database, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "down", "down", "space")
        marked = sorted(table_of(app).marked)
        await export(app, pilot, tmp_path / "marked.json")
    report = json.loads((tmp_path / "marked.json").read_text())
    assert sorted(c["id"] for c in report["claims"]) == marked
