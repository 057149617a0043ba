"""Adding a claim the extractor missed by picking a sentence of the article's text."""

from __future__ import annotations

import pytest
from rich.console import Console
from sqlmodel import col, select
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from claims.review.events import history
from claims.review.queries import get_claim
from db.engine import Database
from db.models import Snapshot
from sources.ingest import IngestOptions, ingest
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_review import open_first_claim
from tui.app import FactdeskApp
from tui.dialogs.prompts import ConfirmDialog
from tui.screens.claim import ClaimScreen
from tui.screens.sentences import SentenceScreen
from tui.screens.sources import SourcesScreen

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


PAGE = """<html><head><title>Council page</title></head><body><article>
<p>The council spent 40 per cent of its budget on consultants in 2025.</p>
<p>Councillors met in the old town hall, which the mayor called a fine building.</p>
</article></body></html>"""


async def test_t_on_the_sources_screen_picks_from_the_latest_snapshot(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/council", PAGE)
    stored = ingest(
        demo_db,
        http_server.url("/council"),
        options=IngestOptions(lang="en"),
        policy=desk_settings(demo_db).fetch_policy(),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        sources = app.screen
        assert isinstance(sources, SourcesScreen)
        table = sources.query_one("#sources", DataTable)
        table.move_cursor(row=table.get_row_index(str(stored.source.id)))
        # A second snapshot: the picker must list the page as it reads now.
        http_server.route("/council", PAGE.replace("40 per cent", "45 per cent"))
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, SentenceScreen)
        texts = [s.text for s in picker.sentences]
        assert any("45 per cent" in t for t in texts)
        assert not any("40 per cent" in t for t in texts)
        missed = next(n for n, t in enumerate(texts) if "town hall" in t)
        assert picker.sentences[missed].claim_id is None
        picker.query_one("#sentence-options", OptionList).highlighted = missed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, ClaimScreen)
        new_id = opened.claim_id
        await pilot.press("escape")
        await settle(pilot)
        assert top(app) == sources  # back where the list was opened from
    with demo_db.read() as session:
        view = get_claim(session, new_id)
        latest = session.exec(
            select(Snapshot)
            .where(Snapshot.source_id == stored.source.id)
            .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
        ).first()
    assert latest is not None
    assert view.claim.snapshot_id == latest.id != stored.snapshot.id
    assert "town hall" in view.claim.text
