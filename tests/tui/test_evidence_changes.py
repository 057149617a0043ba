"""After a refresh, the claim screen shows an evidence passage as linked beside what its
page says now: two columns on a wide terminal, one under the other on a narrow one."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from claims.services.refresh import refresh
from db.engine import Database
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    REPORT,
    add_evidence,
    fetch_policy,
    ingest,
    sites,  # noqa: F401  (fixture)
    text_page,
)
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import desk_settings, settle
from tui.app import make_app
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio

QUOTE = "Le registre national recense 20.000 coopératives actives au 31 décembre 2024."


def linked_claim(database: Database, site: list[HTTPTestServer]) -> int:
    """A claim of the article with the report's passage linked to it as evidence."""
    text_page(site[0], "/article", ARTICLE)
    text_page(site[1], "/report", REPORT)
    _, claims = ingest(database, site[0].url("/article"))
    claim_id = next(c.id for c in claims if "20.000" in c.text)
    assert claim_id is not None
    report, _ = ingest(database, site[1].url("/report"), claims=False)
    assert report.id is not None
    add_evidence(database, claim_id, report.id, QUOTE)
    return claim_id


def refreshed(database: Database, site: list[HTTPTestServer], report: str) -> None:
    text_page(site[1], "/report", report)
    refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")


async def changes_shown(database: Database, claim_id: int, width: int) -> list[str]:
    """The lines of the claim screen's "what changed" section at ``width`` columns."""
    app = make_app(database, settings=desk_settings(database))
    async with app.run_test(size=(width, 60)) as pilot:
        await settle(pilot)
        screen = ClaimScreen(claim_id)
        await app.push_screen(screen)
        await settle(pilot)
        title = screen.query_one("#changes-title", Static)
        if not title.display:
            return []
        lines = []
        for block in screen.query(".change").results(Static):
            lines += [block.render_line(y).text.rstrip() for y in range(block.size.height)]
        return lines


async def test_changed_evidence_side_by_side_after_a_refresh(
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id = linked_claim(database, sites)
    assert await changes_shown(database, claim_id, 150) == []  # nothing changed yet
    # Page text is never markup: the brackets show as they are.
    refreshed(
        database, sites, REPORT.replace("20.000 coopératives", "18.500 coopératives [b]x[/b]")
    )
    wide = await changes_shown(database, claim_id, 150)
    text = "\n".join(wide)
    assert re.search(r"CHANGED since \d{4}-\d\d-\d\d \d\d:\d\d UTC", wide[0])
    # The linked passage and the present one on the same lines, in two columns.
    heads = next(line for line in wide if "as linked" in line)
    assert heads.index("as linked") < heads.index("now")
    quotes = next(line for line in wide if "«Le registre" in line)
    assert quotes.count("«Le registre") == 2
    assert "20.000 coopératives" in text
    assert "18.500 coopératives [b]x[/b]" in text
    # Each side with its cross-check: the claimed figure within the old, outside the new.
    assert any("within" in line and "outside" in line for line in wide)
    assert "off by" in text

    narrow = await changes_shown(database, claim_id, 90)
    heads_at = [n for n, line in enumerate(narrow) if line.strip() in ("as linked", "now")]
    assert [narrow[n].strip() for n in heads_at] == ["as linked", "now"]  # stacked
    assert all(line.count("«Le registre") <= 1 for line in narrow)


async def test_gone_evidence_says_so_plainly(
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id = linked_claim(database, sites)
    refreshed(database, sites, REPORT.replace(QUOTE + " ", ""))
    text = "\n".join(await changes_shown(database, claim_id, 150))
    assert "GONE since" in text
    assert "the passage is no longer in its page" in text
    assert "20.000 coopératives" in text  # what it said when linked
    assert "now" not in text.split("as linked")[1]


async def test_moved_evidence_keeps_its_words_elsewhere(
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id = linked_claim(database, sites)
    refreshed(database, sites, "Avertissement : page réorganisée.\n\n" + REPORT)
    text = "\n".join(await changes_shown(database, claim_id, 150))
    assert "MOVED since" in text
    assert "now (same words, elsewhere in the page)" in text
    assert text.count("«Le registre national recense 20.000 coopératives") == 2
