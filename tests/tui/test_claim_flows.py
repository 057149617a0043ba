"""The claim screen: status dialog on the current status, verdict kept unless confirmed,
evidence detail in full, reasons and notes on evidence, and the width at 120 columns."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import DataTable, OptionList, Static

from claims.review.events import give_verdict
from claims.review.groups import merge
from claims.review.ratings import DEFAULT_RATINGS, RatingScale
from claims.review.statuses import STATUSES
from db.engine import Database
from db.models import Evidence, ReviewEvent
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, settle
from tests.tui.test_evidence import PAGE
from tests.tui.test_review import first_claim, open_first_claim, state_of
from tui.app import FactdeskApp
from tui.dialogs.evidence_detail import EvidenceDetail
from tui.dialogs.prompts import ChoiceDialog, ConfirmDialog
from tui.dialogs.quote import QuotePicker
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


def events_of(database: Database, claim_id: int, action: str) -> list[ReviewEvent]:
    with database.read() as session:
        return list(
            session.exec(
                select(ReviewEvent)
                .where(ReviewEvent.claim_id == claim_id, ReviewEvent.action == action)
                .order_by(col(ReviewEvent.version))
            ).all()
        )


def rate(database: Database, claim_id: int) -> None:
    with database.write() as session:
        give_verdict(
            session,
            claim_id,
            "false",
            why="the agency counts 31 %",
            reviewer="amina",
            scale=RatingScale.of(DEFAULT_RATINGS),
        )


async def test_the_status_dialog_opens_on_the_current_status(
    app: FactdeskApp, demo_db: Database
) -> None:
    claim_id = first_claim(demo_db)
    current = state_of(demo_db, claim_id).status
    version = state_of(demo_db, claim_id).version
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        options = dialog.query_one(OptionList)
        assert options.highlighted == STATUSES.index(current)
        await pilot.press("enter")  # one Enter changes nothing
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
    assert state_of(demo_db, claim_id).version == version


async def test_reopening_a_rated_claim_asks_first(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    rate(demo_db, claim_id)
    assert state_of(demo_db, claim_id).status == "checked"
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("home", "enter")  # "new"
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        assert "rated" in str(question.query_one(Static).render())
        await pilot.press("enter")  # "No" has the focus
        await settle(pilot)
        assert state_of(demo_db, claim_id).status == "checked"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
    assert state_of(demo_db, claim_id).status == "new"


async def test_moving_an_unrated_claim_asks_first_when_its_group_holds_a_rated_one(
    app: FactdeskApp, demo_db: Database
) -> None:
    # A status reaches the whole group: from the unrated claim's screen the
    # rated twin's verdict would go without a word.
    rated = first_claim(demo_db)
    rate(demo_db, rated)
    with demo_db.read() as session:
        unrated = session.exec(
            select(ReviewEvent.claim_id).where(ReviewEvent.claim_id != rated)
        ).first() or rated + 1
    with demo_db.write() as session:
        merge(session, [rated, unrated], reviewer="amina")
    assert state_of(demo_db, unrated).verdict is None
    before = state_of(demo_db, unrated).status
    target = "new" if before != "new" else "in_review"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(unrated))
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("home", *["down"] * STATUSES.index(target), "enter")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        said = str(question.query_one(Static).render())
        assert f"claim {rated} (rated False)" in said
        await pilot.press("enter")  # "No" has the focus
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
    assert state_of(demo_db, rated).status == "checked"
    assert state_of(demo_db, rated).verdict == "false"
    assert state_of(demo_db, unrated).status == before


async def test_evidence_detail_shows_the_whole_cross_check_and_note(
    app: FactdeskApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        noted = session.exec(
            select(Evidence).where(col(Evidence.note).is_not(None)).order_by(col(Evidence.id))
        ).first()
        assert noted is not None, "the demo has evidence with a note and a cross-check"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ClaimScreen(noted.claim_id)
        app.push_screen(screen)
        await settle(pilot)
        assert screen.dossier is not None
        ev = next(e for e in screen.dossier.evidence if e.evidence.id == noted.id)
        assert ev.evidence.crosscheck
        table = screen.query_one("#evidence", DataTable)
        table.focus()
        table.move_cursor(row=screen.dossier.evidence.index(ev))
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, EvidenceDetail)
        shown = str(detail.query_one("#evidence-detail-text", Static).render())
        for check in ev.evidence.crosscheck:
            assert str(check["reason"]) in " ".join(shown.split())
        assert ev.evidence.note
        assert " ".join(ev.evidence.note.split()) in " ".join(shown.split())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.parametrize("width", [80, 120, 150])
async def test_the_source_column_stays_on_screen(
    app: FactdeskApp, demo_db: Database, width: int
) -> None:
    async with app.run_test(size=(width, 45)) as pilot:
        screen = await open_first_claim(app, pilot)
        table = screen.query_one("#evidence", DataTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert [str(c.label) for c in table.columns.values()][-1] == "source"
        assert sum(widths) <= table.size.width


async def test_withdrawing_evidence_keeps_the_reason(app: FactdeskApp, demo_db: Database) -> None:
    claim_id = first_claim(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_claim(app, pilot)
        screen.query_one("#evidence").focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"wrong page", "enter")
        await settle(pilot)
    removed = events_of(demo_db, claim_id, "evidence_removed")
    assert removed
    assert removed[-1].text == "wrong page"


async def test_linking_the_same_passage_twice_warns_and_adds_a_note(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    from tests.tui.test_evidence import evidence_count

    http_server.route("/summit", PAGE)
    url = http_server.url("/summit")
    claim_id = first_claim(demo_db)
    before = evidence_count(demo_db, claim_id)

    async def link(pilot: object) -> None:
        from textual.pilot import Pilot

        assert isinstance(pilot, Pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*url, "enter")
        await pilot.pause()
        await pilot.press("enter")  # supports
        await pilot.pause()
        await pilot.press(*"the summit's own report", "enter")  # the note
        await settle(pilot)
        assert isinstance(app.screen, QuotePicker)
        await pilot.press(*"Solidarity Economy opened", "enter")
        await settle(pilot)

    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await link(pilot)
        assert isinstance(app.screen, ClaimScreen)
        await link(pilot)
        warning = app.screen
        assert isinstance(warning, ConfirmDialog)
        assert "already linked" in str(warning.query_one(Static).render())
        await pilot.press("enter")  # no
        await settle(pilot)
    assert evidence_count(demo_db, claim_id) == before + 1
    with demo_db.read() as session:
        newest = session.exec(
            select(Evidence).where(Evidence.claim_id == claim_id).order_by(col(Evidence.id).desc())
        ).first()
        assert newest is not None
        assert newest.note == "the summit's own report"


async def test_a_failed_evidence_fetch_is_reported_once(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/gone", "not here", status=404)
    seen: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        if kwargs.get("severity") == "error":
            seen.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*http_server.url("/gone"), "enter", "enter", "enter")
        await settle(pilot)
    assert len(seen) == 1
    assert "404" in seen[0]
