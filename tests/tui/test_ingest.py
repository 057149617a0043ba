"""Ingesting from the queue: a page from a local server, pasted text, and refusals."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import col, func, select
from textual.widgets import Input, TextArea

from db.engine import Database
from db.models import Claim, Snapshot, Source
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, settle
from tui.app import FactdeskApp
from tui.dialogs.ingest import IngestDialog
from tui.screens.queue import QueueScreen

pytestmark = pytest.mark.asyncio

PAGE = """<html lang="en"><head><title>Port traffic</title></head><body><article>
<h1>Port traffic</h1>
<p>The port of Tanger Med handled 8.6 million containers in 2023, up 13.4 percent on the
year before, according to the port authority.</p>
<p>The authority expects the new terminal to add 2 million containers of capacity by 2027,
its director told reporters on Monday.</p>
</article></body></html>"""

PASTED = (
    "Le Maroc compte 20.000 coopératives selon le ministère de l'Économie sociale, "
    "qui en recensait 12.000 en 2015."
)


def claims_from(database: Database, url_part: str) -> dict[int, str]:
    with database.read() as session:
        rows = session.exec(
            select(Claim.id, Claim.text)
            .join(Snapshot, col(Snapshot.id) == Claim.snapshot_id)
            .join(Source, col(Source.id) == Snapshot.source_id)
            .where(col(Source.url).contains(url_part))
        ).all()
        return {claim_id: text for claim_id, text in rows if claim_id is not None}


def snapshots(database: Database) -> int:
    with database.read() as session:
        return int(session.exec(select(func.count()).select_from(Snapshot)).one())


def recorded_notices(app: FactdeskApp) -> list[tuple[str, str]]:
    """(severity, message) of every notice from now on (toasts expire on a slow machine)."""
    seen: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        seen.append((str(kwargs.get("severity", "information")), message))
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return seen


async def test_ingest_a_page_and_its_claims_join_the_queue(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/port", PAGE, content_type="text/html; charset=utf-8")
    url = http_server.url("/port")
    seen = recorded_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, IngestDialog)
        await pilot.press(*url, "enter")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        found = claims_from(demo_db, url)
        assert found, "the page's claims were stored"
        assert any(f"{len(found)} claims found" in n for _, n in seen), (seen, len(found))
        # The queue shows them: search for the page's words.
        queue.query_one("#f-text", Input).value = "Tanger Med"
        queue.apply_filters()
        await settle(pilot)
        assert set(queue.table.claim_ids) == {
            claim_id for claim_id, text in found.items() if "Tanger Med" in text
        }


async def test_ingest_pasted_text_with_its_language(app: FactdeskApp, demo_db: Database) -> None:
    seen = recorded_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, IngestDialog)
        dialog.query_one("#ingest-text", TextArea).text = PASTED
        dialog.query_one("#ingest-lang").value = "fr"  # type: ignore[attr-defined]
        await pilot.click("#ok")
        await settle(pilot)
    found = claims_from(demo_db, "stdin:")
    assert any("20.000 coopératives" in text for text in found.values()), (seen, found)


async def test_a_failed_fetch_is_a_one_line_notice_and_stores_no_snapshot(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/gone", "not here", status=404)
    before = snapshots(demo_db)
    seen = recorded_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*http_server.url("/gone"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        errors = [n for severity, n in seen if severity == "error"]
        assert len(errors) == 1
        assert "/gone" in errors[0]
        assert "404" in errors[0]
        assert "\n" not in errors[0]
    assert snapshots(demo_db) == before


async def test_neither_or_both_targets_is_refused_by_name(
    app: FactdeskApp, demo_db: Database
) -> None:
    before = snapshots(demo_db)
    seen = recorded_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # nothing typed
        await settle(pilot)
        errors = [n for severity, n in seen if severity == "error"]
        assert errors == ["give a URL or a file path, or paste a text (one of them, not both)"]
    assert snapshots(demo_db) == before


async def test_the_palette_finds_ingest_by_name(app: FactdeskApp) -> None:
    # A new user looks for "ingest" in ctrl+p before learning the key.
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "queue: ingest…" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ingest")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, IngestDialog)
