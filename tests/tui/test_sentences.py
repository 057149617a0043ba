"""Adding a claim the extractor missed by picking a sentence of the article's text."""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.screen import Screen
from textual.widgets import OptionList

from claims.review.events import history
from claims.review.queries import get_claim
from db.engine import Database
from tests.tui.conftest import SIZE, settle
from tests.tui.test_review import open_first_claim
from tui.app import FactdeskApp
from tui.dialogs.prompts import ConfirmDialog
from tui.screens.claim import ClaimScreen
from tui.screens.sentences import SentenceScreen

pytestmark = pytest.mark.asyncio


def top(app: FactdeskApp) -> Screen[object]:
    """The screen on top now (a function, so that each look is a new one for mypy)."""
    return app.screen


def option_text(options: OptionList, index: int) -> str:
    """An entry of the list as the terminal shows it (a grid: mark, then sentence)."""
    console = Console(width=200, color_system=None)
    with console.capture() as captured:
        console.print(options.get_option_at_index(index).prompt)
    return captured.get().strip()


async def test_a_picked_sentence_becomes_a_claim_and_opens(
    app: FactdeskApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        claim_screen = await open_first_claim(app, pilot)
        assert claim_screen.dossier is not None
        claim_id = claim_screen.claim_id
        snapshot_id = claim_screen.dossier.view.snapshot.id
        await pilot.press("t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, SentenceScreen)
        options = picker.query_one("#sentence-options", OptionList)
        assert options.option_count == len(picker.sentences) > 1
        # The claim the list was opened from is marked with its id.
        own = next(n for n, s in enumerate(picker.sentences) if s.claim_id == claim_id)
        assert option_text(options, own).startswith(f"claim {claim_id}")
        missed = next(n for n, s in enumerate(picker.sentences) if s.claim_id is None)
        sentence = picker.sentences[missed]
        assert not option_text(options, missed).startswith("claim")
        # Enter on a stored sentence only says which claim it is.
        options.highlighted = own
        await pilot.press("enter")
        await pilot.pause()
        assert top(app) == picker  # the same screen object
        said = " ".join(str(note.message) for note in app._notifications)
        assert f"this sentence is already claim {claim_id}" in said
        options.highlighted = missed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, ClaimScreen)
        assert opened.claim_id != claim_id
        assert "added the claim by hand" in str(opened.query_one("#history").render())
        new_id = opened.claim_id
        await pilot.press("escape")  # back to the claim the list was opened from
        await settle(pilot)
        assert top(app) == claim_screen  # the same screen object
        await pilot.press("t")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, SentenceScreen)
        assert again.sentences[missed].claim_id == new_id
    with demo_db.read() as session:
        view = get_claim(session, new_id)
        actions = [e.action for e in history(session, new_id)]
    assert view.claim.snapshot_id == snapshot_id
    assert view.claim.text == sentence.text.strip()
    assert view.claim.extractor == "reviewer:tester"
    assert actions == ["claim_added"]


async def test_cancelling_the_question_adds_nothing(app: FactdeskApp, demo_db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, SentenceScreen)
        before = [s.claim_id for s in picker.sentences]
        missed = before.index(None)
        picker.query_one("#sentence-options", OptionList).highlighted = missed
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # the question: no
        await settle(pilot)
        still = top(app)
        assert isinstance(still, SentenceScreen)
        assert still.snapshot_id == picker.snapshot_id
        still.reload()
        await settle(pilot)
        assert [s.claim_id for s in still.sentences] == before
