"""Exporting the queue's current filter as a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col
from textual.widgets import Input, Select

from claims.reports import ReportFormat
from claims.review.events import give_verdict
from claims.review.listing import ClaimFilter
from claims.review.ratings import RatingScale
from db.engine import Database
from db.models import Claim
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_queue import total
from tui.app import FactdeskApp, make_app
from tui.dialogs.export import ExportDialog
from tui.settings import PublisherSettings

pytestmark = pytest.mark.asyncio


async def export(app: FactdeskApp, pilot: object, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one("#export-format", Select).value = ReportFormat.json
    await pilot.pause()
    dialog.query_one("#export-path", Input).value = str(path)
    await pilot.click("#ok")
    await settle(pilot)


async def test_export_writes_the_claims_the_filters_select(
    app: FactdeskApp, demo_db: Database, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#f-status", Select).value = "in_review"
        await settle(pilot)
        await export(app, pilot, tmp_path / "status.json")
        # Words are not a report filter: the queue passes the matching ids.
        await pilot.click("#f-text")
        await pilot.press(*"Berrada", "enter")
        await settle(pilot)
        await export(app, pilot, tmp_path / "words.json")
    by_status = json.loads((tmp_path / "status.json").read_text())
    assert len(by_status["claims"]) == total(demo_db, ClaimFilter(status="in_review"))
    by_words = json.loads((tmp_path / "words.json").read_text())
    wanted = total(demo_db, ClaimFilter(status="in_review", text="Berrada"))
    assert 0 < len(by_words["claims"]) == wanted
    assert all(
        "Berrada" in c["text"] or "Berrada" in (c["claimant"] or "") for c in by_words["claims"]
    )


async def _export_as(app: FactdeskApp, pilot: object, fmt: ReportFormat, path: Path) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one("#export-format", Select).value = fmt
    await pilot.pause()
    dialog.query_one("#export-path", Input).value = str(path)
    await pilot.click("#ok")
    await settle(pilot)


async def test_claimreview_export_needs_the_publisher_and_uses_it(
    demo_db: Database, tmp_path: Path
) -> None:
    bare = make_app(demo_db, settings=desk_settings(demo_db), show_times=False)
    async with bare.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _export_as(bare, pilot, ReportFormat.claimreview, tmp_path / "none.json")
        said = " ".join(str(n.message) for n in bare._notifications)
    assert not (tmp_path / "none.json").exists()
    assert "[publisher]" in said

    with demo_db.write() as session:
        first = session.execute(select(col(Claim.id)).where(col(Claim.kind) != "derived")).scalar()
        assert first is not None
        give_verdict(
            session, first, "false", why="Per the registry", reviewer="tester", scale=RatingScale()
        )
    settings = desk_settings(demo_db).model_copy(
        update={
            "publisher": PublisherSettings(
                name="Le Desk",
                url="https://desk.example/",
                claim_url="https://desk.example/checks/{id}",
            )
        }
    )
    app = make_app(demo_db, settings=settings, show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _export_as(app, pilot, ReportFormat.claimreview, tmp_path / "reviews.json")
    [review] = json.loads((tmp_path / "reviews.json").read_text(encoding="utf-8"))
    assert review["url"] == f"https://desk.example/checks/{first}"
    assert review["author"]["name"] == "Le Desk"


async def test_a_filter_that_matches_nothing_exports_nothing(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#f-text")
        await pilot.press(*"no such words anywhere", "enter")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        notices = [n.message for n in app._notifications]
        assert any("nothing to export" in n for n in notices)
