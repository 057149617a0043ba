"""Correcting the machine from the claim screen: the claimant, a figure, the span, and
dismissing; bad input gets the command line's one-line message and stores nothing."""

from __future__ import annotations

import pytest
from sqlmodel import col, func, select
from textual.pilot import Pilot
from textual.widgets import Input

from claims.review.events import history
from claims.review.queries import get_claim
from db.engine import Database
from db.models import ClaimQuantity
from tests.tui.conftest import SIZE, settle
from tests.tui.test_review import first_claim, open_first_claim, state_of
from tui.app import FactdeskApp
from tui.dialogs.figure import FigureDialog, typed_value
from tui.dialogs.prompts import ChoiceDialog
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


async def test_claimant_corrected_and_claim_dismissed_from_the_screen(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = first_claim(demo_db)
    with demo_db.read() as session:
        original = get_claim(session, claim_id).claim.claimant
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Jamila Elmoussali", "enter")
        await settle(pilot)
        history_text = str(screen.query_one("#history").render())
        assert "corrected the claimant" in history_text
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"a headline", "enter")
        await settle(pilot)
    with demo_db.read() as session:
        view = get_claim(session, claim_id)
        actions = [(e.action, e.target) for e in history(session, claim_id)]
    assert view.claimant == "Jamila Elmoussali"
    assert view.claim.claimant == original  # the extractor's, on record
    assert ("correct", "claimant") in actions
    assert state_of(demo_db, claim_id).status == "dismissed"
    assert actions[-1] == ("status", None)


def notices(app: FactdeskApp) -> str:
    # The notifications shown (Textual has no public reader of them).
    return " ".join(str(note.message) for note in app._notifications)


def claim_with_figures(database: Database, at_least: int = 2) -> int:
    """The first claim with ``at_least`` figures (so that the dialog asks which one)."""
    with database.read() as session:
        counted = session.exec(
            select(ClaimQuantity.claim_id, func.count())
            .group_by(col(ClaimQuantity.claim_id))
            .having(func.count() >= at_least)
            .order_by(col(ClaimQuantity.claim_id))
        ).first()
    assert counted is not None, f"the demo has a claim with {at_least} figures"
    return int(counted[0])


async def open_claim(app: FactdeskApp, pilot: Pilot[None], claim_id: int) -> ClaimScreen:
    await settle(pilot)
    screen = ClaimScreen(claim_id)
    await app.push_screen(screen)
    await settle(pilot)
    return screen


async def open_figure_dialog(app: FactdeskApp, pilot: Pilot[None], position: int) -> FigureDialog:
    await pilot.press("f")
    await pilot.pause()
    if isinstance(app.screen, ChoiceDialog):  # several figures: which one
        await pilot.press(*["down"] * position, "enter")
        await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, FigureDialog)
    return dialog


async def test_a_figure_corrected_from_its_dialog_keeps_the_extractors_original(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = claim_with_figures(demo_db)
    with demo_db.read() as session:
        original = get_claim(session, claim_id).original_quantities[1]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claim(app, pilot, claim_id)
        dialog = await open_figure_dialog(app, pilot, 1)
        value = dialog.query_one("#figure-value", Input)
        assert value.value == typed_value(original.value)  # prefilled with what it holds
        value.value = "21000"
        dialog.query_one("#figure-unit", Input).value = "coopératives actives"
        await pilot.click("#ok")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "21,000" in str(screen.query_one("#figures").render())
        assert "corrected figure 1: value" in str(screen.query_one("#history").render())
    with demo_db.read() as session:
        view = get_claim(session, claim_id)
        events = [e for e in history(session, claim_id) if e.action == "correct"]
    assert view.quantities[1].value == 21000
    assert view.quantities[1].unit == "coopératives actives"
    assert view.original_quantities[1].value == original.value  # on record, untouched
    assert [e.target for e in events] == ["figure:1"]
    assert events[0].after == {"value": 21000.0, "unit": "coopératives actives"}


async def test_a_figure_bound_cleared_from_its_dialog_with_none(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = claim_with_figures(demo_db, 1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claim(app, pilot, claim_id)
        dialog = await open_figure_dialog(app, pilot, 0)
        dialog.query_one("#figure-low", Input).value = "12"
        dialog.query_one("#figure-high", Input).value = "987654"
        await pilot.click("#ok")
        await settle(pilot)
        dialog = await open_figure_dialog(app, pilot, 0)
        low = dialog.query_one("#figure-low", Input)
        assert low.value == "12"
        low.value = "none"
        await pilot.click("#ok")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "low 12 → none" in str(screen.query_one("#history").render())
    with demo_db.read() as session:
        figure = get_claim(session, claim_id).quantities[0]
        events = [e for e in history(session, claim_id) if e.action == "correct"]
    assert (figure.low, figure.high) == (None, 987654)
    assert [e.after for e in events] == [{"low": 12.0, "high": 987654.0}, {"low": None}]


async def test_a_bad_figure_is_refused_with_the_command_lines_message(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = claim_with_figures(demo_db, 1)
    version = state_of(demo_db, claim_id).version
    async with app.run_test(size=SIZE) as pilot:
        await open_claim(app, pilot, claim_id)
        dialog = await open_figure_dialog(app, pilot, 0)
        dialog.query_one("#figure-value", Input).value = "vingt"
        await pilot.click("#ok")
        await settle(pilot)
        assert "'vingt' is not a number; give a figure such as 20000 or 1.5" in notices(app)
        dialog = await open_figure_dialog(app, pilot, 0)
        dialog.query_one("#figure-low", Input).value = "900000"
        dialog.query_one("#figure-high", Input).value = "10"
        await pilot.click("#ok")
        await settle(pilot)
        assert "figure 0: low 900000 is above high 10" in notices(app)
        assert isinstance(app.screen, ClaimScreen)
    assert state_of(demo_db, claim_id).version == version  # nothing stored


async def test_the_span_corrected_from_the_screen(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    with demo_db.read() as session:
        claim = get_claim(session, claim_id).claim
    start, end = claim.start, claim.end
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        field = app.screen.query_one("#dialog-input", Input)
        assert field.value == f"{start}:{end}"
        field.value = "12:3"
        await pilot.press("enter")
        await settle(pilot)
        assert "'12:3': START must be below END; e.g. 120:245" in notices(app)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#dialog-input", Input).value = f"{start}:{end - 1}"
        await pilot.press("enter")
        await settle(pilot)
        assert "corrected the span" in str(screen.query_one("#history").render())
    with demo_db.read() as session:
        view = get_claim(session, claim_id)
    assert (view.effective.start, view.effective.end) == (start, end - 1)
    assert (view.claim.start, view.claim.end) == (start, end)
