"""Adding evidence from the claim screen: fetched from a local server, quote picked, stored."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from db.engine import Database
from db.models import Evidence
from tests.support.httpserver import HTTPTestServer, stall
from tests.tui.conftest import SIZE, settle, until
from tests.tui.test_review import first_claim, open_first_claim, state_of
from tui.app import FactdeskApp
from tui.dialogs.prompts import ChoiceDialog, TextDialog
from tui.dialogs.quote import QuotePicker
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio

PAGE = """<html><head><title>Lyon summit report</title></head><body><article>
<h1>Lyon summit report</h1>
<p>The first World Summit on the Solidarity Economy opened in Lyon on Wednesday,
with government delegations from about fifty countries attending the two-day meeting.</p>
<p>Morocco's secretary of state presented the kingdom's record on cooperatives to the
delegates, according to the organisers of the summit.</p>
<p>The summit is organised by the International Alliance for the Inclusive Economy under
the patronage of the French economy ministry.</p>
</article></body></html>"""


def evidence_count(database: Database, claim_id: int) -> int:
    with database.read() as session:
        return int(
            session.exec(
                select(func.count()).select_from(Evidence).where(Evidence.claim_id == claim_id)
            ).one()
        )


async def test_add_evidence_from_a_page_by_searching_its_text(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/summit", PAGE)
    url = http_server.url("/summit")
    claim_id = first_claim(demo_db)
    before = evidence_count(demo_db, claim_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*url, "enter")  # the URL
        await pilot.pause()
        await pilot.press("enter")  # stance: supports (first choice)
        await pilot.pause()
        await pilot.press("enter")  # no note
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, QuotePicker)
        await pilot.press(*"Solidarity Economy opened", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
    assert evidence_count(demo_db, claim_id) == before + 1
    with demo_db.read() as session:
        evidence = session.exec(
            select(Evidence).where(Evidence.claim_id == claim_id).order_by(Evidence.id.desc())  # type: ignore[union-attr]
        ).first()
    assert evidence is not None
    assert evidence.stance == "supports"
    assert evidence.exact.startswith("The first World Summit on the Solidarity Economy opened")
    assert evidence.added_by == "tester"
    assert http_server.count("/summit") == 2  # the preview, then the stored snapshot


async def test_accept_an_automatic_proposal(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/summit", PAGE)
    claim_id = first_claim(demo_db)
    before = evidence_count(demo_db, claim_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*http_server.url("/summit"), "enter", "down", "enter")  # refutes
        await pilot.pause()
        await pilot.press("enter")  # no note
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, QuotePicker)
        assert "auto 1" in str(picker.query_one("#quote-options").render_line(0).text)
        await pilot.press("enter")  # the best proposal is highlighted
        await settle(pilot)
    assert evidence_count(demo_db, claim_id) == before + 1
    assert state_of(demo_db, claim_id).evidence_count == before + 1


async def test_cancelling_a_fetch_stores_nothing_and_the_ui_keeps_working(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.handle("/slow", stall(3.0))  # long enough to be seen in flight
    claim_id = first_claim(demo_db)
    before = evidence_count(demo_db, claim_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press(*http_server.url("/slow"), "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # stance: the first choice
        await until(pilot, lambda: isinstance(app.screen, TextDialog))
        await pilot.press("enter")  # no note
        await until(pilot, lambda: screen.fetching)
        assert screen.query_one("#fetch-bar").display
        await pilot.press("escape")  # cancels the fetch, stays on the claim
        await pilot.pause()
        assert not screen.query_one("#fetch-bar").display
        assert app.screen is screen
        await pilot.press("n")  # the screen still answers while the thread winds down
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(1.5)
        await settle(pilot)
        assert app.screen is screen
    assert evidence_count(demo_db, claim_id) == before


async def test_remove_the_highlighted_evidence(app: FactdeskApp, demo_db: Database) -> None:
    from claims.review.events import live_evidence_ids

    claim_id = first_claim(demo_db)
    with demo_db.read() as session:
        live = live_evidence_ids(session, claim_id)
    assert live, "the demo links evidence to the first claim"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        screen.query_one("#evidence").focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert screen.dossier is not None
        assert any(ev.removed for ev in screen.dossier.evidence)
    with demo_db.read() as session:
        assert len(live_evidence_ids(session, claim_id)) == len(live) - 1
