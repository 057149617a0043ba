"""Reviewing a claim from its screen: verdict, note, status, and the concurrency check."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import Select, TextArea

from claims.review.events import add_note, history
from db.engine import Database
from db.models import ClaimState, ReviewEvent
from tests.tui.conftest import SIZE, settle
from tui.app import FactdeskApp
from tui.dialogs.prompts import ConfirmDialog
from tui.dialogs.verdict import VerdictDialog
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


def first_claim(database: Database) -> int:
    with database.read() as session:
        state = session.exec(select(ClaimState).order_by(col(ClaimState.claim_id))).first()
        assert state is not None
        return state.claim_id


def state_of(database: Database, claim_id: int) -> ClaimState:
    with database.read() as session:
        state = session.get(ClaimState, claim_id)
        assert state is not None
        return state


async def open_first_claim(app: FactdeskApp, pilot: object) -> ClaimScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ClaimScreen)
    return app.screen


async def give_verdict_in_dialog(app: FactdeskApp, pilot: object, rating: str, why: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("v")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, VerdictDialog)
    dialog.query_one("#verdict-rating", Select).value = rating
    dialog.query_one("#verdict-why", TextArea).text = why
    await pilot.click("#ok")
    await settle(pilot)


async def test_verdict_from_the_dialog_is_stored(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        assert screen.claim_id == claim_id
        await give_verdict_in_dialog(app, pilot, "mostly-false", "The ANCS register counts fewer.")
        assert isinstance(app.screen, ClaimScreen)
        assert screen.dossier is not None
        assert screen.dossier.view.verdict == "mostly-false"  # the screen reloaded
    state = state_of(demo_db, claim_id)
    assert state.verdict == "mostly-false"
    assert state.status == "checked"
    with demo_db.read() as session:
        verdict = [e for e in history(session, claim_id) if e.action == "verdict"][-1]
    assert verdict.reviewer == "tester"
    assert verdict.text == "The ANCS register counts fewer."


async def test_cancelled_verdict_changes_nothing(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    before = state_of(demo_db, claim_id).version
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
    assert state_of(demo_db, claim_id).version == before


async def test_verdict_on_a_claim_changed_by_someone_else_asks_first(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        # Another reviewer writes while the claim is on screen.
        with demo_db.write() as session:
            add_note(session, claim_id, "checked the register", reviewer="colleague")
        seen = state_of(demo_db, claim_id).version

        await give_verdict_in_dialog(app, pilot, "false", "Wrong figure.")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert state_of(demo_db, claim_id).version == seen  # nothing written yet
        await pilot.click("#no")
        await settle(pilot)
        assert state_of(demo_db, claim_id).verdict is None

        await give_verdict_in_dialog(app, pilot, "false", "Wrong figure.")
        assert isinstance(app.screen, ClaimScreen)  # reloaded: no conflict any more
    state = state_of(demo_db, claim_id)
    assert state.verdict == "false"
    with demo_db.read() as session:
        actions = [e.action for e in history(session, claim_id)]
    assert actions.count("note") == 1
    assert actions.count("verdict") == 1


async def test_overwrite_after_a_conflict_stores_on_the_new_version(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        with demo_db.write() as session:
            add_note(session, claim_id, "someone else", reviewer="colleague")
        await give_verdict_in_dialog(app, pilot, "true", "Matches the register.")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
    assert state_of(demo_db, claim_id).verdict == "true"


async def test_note_status_and_assign(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"call the ANCS", "enter")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        # Choices skip the current status; "needs re-check" is among them.
        await pilot.press("end", "enter")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"alice", "enter")
        await settle(pilot)
    with demo_db.read() as session:
        events = list(
            session.exec(select(ReviewEvent).where(ReviewEvent.claim_id == claim_id)).all()
        )
    notes = [e.text for e in events if e.action == "note"]
    assert notes == ["call the ANCS"]
    state = state_of(demo_db, claim_id)
    assert state.status == "dismissed"  # the last choice of the list
    assert state.assignee == "alice"
