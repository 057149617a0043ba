"""Fetched text is shown literally: markup, links, actions and escapes never take effect."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Static

from claims.review.listing import ClaimFilter
from claims.review.queries import list_claims
from claims.services.ingest import ingest_with_claims
from db.engine import Database
from sources.ingest import IngestOptions
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import FactdeskApp
from tui.screens.claim import ClaimScreen
from tui.screens.queue import QueueScreen
from tui.screens.sources import SourcesScreen

pytestmark = pytest.mark.asyncio


HOSTILE = (
    "<html><head><title>[bold red]LEAK[/] \x1b[31mminutes</title></head><body><article>"
    "<h1>Council budget minutes leak [bold red]x[/]</h1>"
    "<p>Officials [bold red]x[/] said 40 per cent of the [link=https://evil.example]y[/] "
    "budget was spent on consultants, according to 3 leaked minutes.</p>"
    "<p>Readers can [@click=app.quit]click[/] here to read all 12 pages, or "
    "[@click=app.bell]ring[/] the 2 council offices.</p>"
    "<p>The copy showed \x1b[31mred warning text\x1b[0m and "
    "\x1b]8;;https://evil.example\x07a hidden link\x1b]8;;\x07 in 2 documents, then "
    "\x1b[2J\x1b[H cleared the screen of 5 staff.</p>"
    "<p>The committee counted " + "42 invoices and " * 700 + "no receipts at all.</p>"
    "</article></body></html>"
)


# The same as plain text: extraction keeps the escape sequences of a text page,
# so they reach the app and must be stripped there.
HOSTILE_TEXT = "\n\n".join(
    part.split(">", 1)[-1] for part in HOSTILE.split("</p>") if "<p>" in part
)


def ingest_hostile(database: Database, http_server: HTTPTestServer) -> list[int]:
    http_server.route("/leak", HOSTILE)
    http_server.route("/leak.txt", HOSTILE_TEXT, content_type="text/plain; charset=utf-8")
    for path in ("/leak", "/leak.txt"):
        ingest_with_claims(
            database,
            http_server.url(path),
            options=IngestOptions(lang="en"),
            policy=desk_settings(database).fetch_policy(),
        )
    with database.read() as session:
        page = list_claims(session, ClaimFilter(source="/leak"), limit=500)
        stored = "".join(view.snapshot.text for view in page.rows)
    assert "\x1b" in stored, "the stored text still carries escapes: the app must strip them"
    return [view.claim.id for view in page.rows if view.claim.id is not None]


def shown(widget: Static) -> Content:
    visual = widget.visual
    assert isinstance(visual, Content)
    return visual


def assert_inert(content: Content) -> None:
    """No span carries a link or an action; no escape character reaches the terminal."""
    for span in content.spans:
        style = str(span.style)
        assert "link" not in style
        assert "@click" not in style
        assert "evil" not in style
    assert "\x1b" not in content.plain
    assert "\x9b" not in content.plain
    assert "\x07" not in content.plain


async def test_hostile_page_shows_literally_and_nothing_fires(
    app: FactdeskApp, demo_db: Database, http_server: HTTPTestServer
) -> None:
    claims = ingest_hostile(demo_db, http_server)
    assert claims
    seen = ""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        for claim_id in claims:
            queue.open_claim(claim_id)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ClaimScreen)
            for name in ("#context", "#provenance", "#history", "#claim-head"):
                content = shown(screen.query_one(name, Static))
                assert_inert(content)
                seen += content.plain
            # Clicking over the text (where "[@click=app.quit]" sits) does nothing.
            for x in range(0, 140, 20):
                await pilot.click("#context", offset=(x, 0))
            await pilot.pause()
            assert app.is_running
            assert app.screen is screen
            await pilot.press("escape")
            await settle(pilot)

        await pilot.press("f3")
        await settle(pilot)
        sources = app.screen
        assert isinstance(sources, SourcesScreen)
        table: DataTable[Text] = sources.query_one("#sources", DataTable)
        for row in range(table.row_count):
            for cell in table.get_row_at(row):
                assert not any("link" in str(span.style) for span in cell.spans)
                seen += cell.plain + "\n"
            table.move_cursor(row=row)
            await pilot.press("enter")
            await settle(pilot)
            text = shown(sources.query_one("#snapshot-text", Static))
            assert_inert(text)
            seen += text.plain
        assert app.is_running
    assert "[bold red]x[/]" in seen
    assert "[link=https://evil.example]y[/]" in seen
    assert "[@click=app.quit]click[/]" in seen
    assert "[@click=app.bell]ring[/]" in seen
    assert "red warning text" in seen  # the text of an ANSI colour, its escape gone
    assert "[bold red]LEAK[/]" in seen  # the page title, in the sources table
    assert max(len(line) for line in seen.splitlines()) >= 10_000  # the long line, whole
