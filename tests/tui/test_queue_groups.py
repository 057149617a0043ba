"""One row per group in the queue, and dismissing or grouping the marked claims.

A group is the same claim seen in several articles (claims.review.groups): the
same article served under two addresses yields one group per claim.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from claims.review.listing import ClaimFilter, claim_rows
from db.engine import Database
from db.models import ClaimIndex, ClaimState, ReviewEvent
from db.reader import SessionRows
from tests.sources.refresh.conftest import (
    ARTICLE,
    sites,  # noqa: F401  (fixture)
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.test_export import export
from tests.tui.test_queue_freshness import _app, _page_info, _table
from tests.tui.test_review import give_verdict_in_dialog
from tui.app import make_app
from tui.dialogs.prompts import ConfirmDialog, TextDialog
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


def _twice(cli: CliRun, site: HTTPTestServer) -> None:
    for path in ("/article", "/copy-of-the-article"):
        text_page(site, path, ARTICLE)
        assert cli("ingest", site.url(path)).exit_code == 0


def _events(database: Database, action: str, ids: list[int]) -> list[ReviewEvent]:
    with database.read() as session:
        return list(
            session.exec(
                select(ReviewEvent).where(
                    ReviewEvent.action == action, col(ReviewEvent.claim_id).in_(ids)
                )
            ).all()
        )


async def test_g_shows_one_row_per_group_seen_in_two_sources_and_back(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        every = table.claim_ids
        assert len(every) >= 2
        assert len(every) % 2 == 0
        await pilot.press("space")  # a mark outlives the change of mode
        marked = table.marked
        await pilot.press("g")
        await settle(pilot)
        groups = table.claim_ids
        assert len(groups) == len(every) // 2
        for claim_id in groups:
            assert table.row_cells(claim_id)["claim"].startswith("seen in 2 sources · ")
        assert "one row per group" in _page_info(app)
        assert "1 marked" in _page_info(app)
        # Filters narrow the groups too.
        await pilot.press("slash", *"20.000", "enter")
        await settle(pilot)
        assert 0 < table.row_count < len(groups)
        assert all(n in groups for n in table.claim_ids)
        await pilot.press("ctrl+l", "g")
        await settle(pilot)
        assert table.claim_ids == every
        assert table.marked == marked
        assert not table.row_cells(every[0])["claim"].startswith("seen in")


async def test_group_rows_page_like_claim_rows(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    _twice(cli, sites[0])
    with database.read() as session:
        everything = claim_rows(SessionRows(session), ClaimFilter(per_group=True)).rows
        first = claim_rows(SessionRows(session), ClaimFilter(per_group=True), limit=1).rows
        rows = SessionRows(session)
        second = claim_rows(rows, ClaimFilter(per_group=True), offset=1, limit=1).rows
    assert [r.id for r in first + second] == [r.id for r in everything[:2]]
    assert {r.sources for r in everything} == {2}


async def test_dismiss_the_marked_claims_with_one_reason(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    text_page(sites[0], "/article", ARTICLE)
    assert cli("ingest", sites[0].url("/article")).exit_code == 0
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        await pilot.press("space", "down", "space")
        marked = sorted(table.marked)
        assert len(marked) == 2
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"a weather aside", "enter")
        await settle(pilot)
        unmarked = [n for n in table.claim_ids if n not in marked]
    with database.read() as session:
        states = {s.claim_id: s.status for s in session.exec(select(ClaimState)).all()}
    assert {states[n] for n in marked} == {"dismissed"}
    assert all(states.get(n, "new") != "dismissed" for n in unmarked)
    events = _events(database, "status", marked)
    assert sorted(e.claim_id for e in events) == marked  # one event each
    assert {e.text for e in events} == {"not a claim: a weather aside"}


async def test_an_empty_reason_dismisses_nothing(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    text_page(sites[0], "/article", ARTICLE)
    assert cli("ingest", sites[0].url("/article")).exit_code == 0
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "d")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        ids = list(_table(app).claim_ids)
    assert _events(database, "status", ids) == []


async def test_group_the_marked_claims(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    text_page(sites[0], "/article", ARTICLE)
    assert cli("ingest", sites[0].url("/article")).exit_code == 0
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        await pilot.press("space", "down", "space")
        marked = sorted(table.marked)
        await pilot.press("G")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert marked[0] in table.claim_ids
        assert marked[1] not in table.claim_ids
        assert table.row_cells(marked[0])["claim"].startswith("seen in 1 source · ")
    with database.read() as session:
        groups = {
            i.claim_id: i.group_id
            for i in session.exec(
                select(ClaimIndex).where(col(ClaimIndex.claim_id).in_(marked))
            ).all()
        }
    assert groups == dict.fromkeys(marked, marked[0])
    events = _events(database, "group", marked)
    assert sorted(e.claim_id for e in events) == marked  # each claim its own event


REGIONS = (
    "Souss-Massa Drâa-Tafilalet Oriental Fès-Meknès Tanger-Tétouan Béni-Mellal "
    "Marrakech-Safi Casablanca-Settat Rabat-Salé Guelmim Laâyoune Dakhla"
).split()
LONG = "Rapport régional des coopératives.\n\n" + " ".join(
    f"La région {name} compte {1200 + 37 * n} coopératives actives en 2024, selon le ministère."
    for n, name in enumerate(REGIONS)
)


async def test_pages_of_groups(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    for path in ("/regions", "/regions-again"):
        text_page(sites[0], path, LONG)
        assert cli("ingest", sites[0].url(path)).exit_code == 0
    with database.read() as session:
        groups = [r.id for r in claim_rows(SessionRows(session), ClaimFilter(per_group=True)).rows]
    assert len(groups) > 10
    app = make_app(database, settings=desk_settings(database, page_size=10), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        table = _table(app)
        first = table.claim_ids
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert first + table.claim_ids == tuple(groups)
        assert f"11-{len(groups)} of {len(groups)}" in _page_info(app)
        assert "one row per group" in _page_info(app)


async def test_the_palette_turns_one_row_per_group_on(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        every = _table(app).row_count
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"one row per group")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert _table(app).row_count == every // 2
        assert "one row per group" in _page_info(app)


def _exported(path: Path) -> list[tuple[int, str]]:
    return sorted((c["id"], c["source_url"]) for c in json.loads(path.read_text())["claims"])


def _members(database: Database, claim_id: int) -> list[int]:
    with database.read() as session:
        group = session.exec(select(ClaimIndex).where(ClaimIndex.claim_id == claim_id)).one()
        assert group.group_id is not None
        return sorted(
            i.claim_id
            for i in session.exec(
                select(ClaimIndex).where(ClaimIndex.group_id == group.group_id)
            ).all()
        )


async def test_exporting_a_marked_group_row_exports_every_claim_of_the_group(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
    tmp_path: Path,
) -> None:
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        table = _table(app)
        await pilot.press("space")
        (row,) = table.marked
        await export(app, pilot, tmp_path / "group.json")
    exported = _exported(tmp_path / "group.json")
    members = _members(database, row)
    assert len(members) == 2
    assert [n for n, _ in exported] == members
    assert {url.rsplit("/", 1)[1] for _, url in exported} == {"article", "copy-of-the-article"}


async def test_exporting_the_filtered_group_view_exports_every_claim_of_each_group(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
    tmp_path: Path,
) -> None:
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("slash", *"20.000", "enter")
        await settle(pilot)
        (row,) = _table(app).claim_ids
        await export(app, pilot, tmp_path / "words.json")
    exported = _exported(tmp_path / "words.json")
    assert [n for n, _ in exported] == _members(database, row)
    assert len(exported) == 2


async def test_a_verdict_given_on_the_claim_screen_shows_on_its_twin(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    # Done-when of issue 11: the same article under two addresses, a verdict on one
    # claim shows on the other, from the app as from the command line.
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        rated = table.highlighted_claim
        assert rated is not None
        twin = next(n for n in _members(database, rated) if n != rated)
        await pilot.press("enter")
        await settle(pilot)
        await give_verdict_in_dialog(app, pilot, "mostly-false", "The registry counts 19,842.")
        await pilot.press("escape")
        await settle(pilot)
        assert table.row_cells(twin)["verdict"] == "mostly-false"
        table.move_cursor(table.claim_ids.index(twin))
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == twin
        assert screen.dossier is not None
        assert screen.dossier.view.verdict == "mostly-false"
    verdicts = _events(database, "verdict", [rated, twin])
    assert sorted(e.claim_id for e in verdicts) == sorted([rated, twin])
    assert {e.text for e in verdicts} == {"The registry counts 19,842."}


async def test_u_on_the_claim_screen_takes_the_claim_out_of_its_group(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    # Grouping with G in the app had no undo there: `factdesk split` was the only way.
    _twice(cli, sites[0])
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        claim_id = _table(app).highlighted_claim
        assert claim_id is not None
        twin = next(n for n in _members(database, claim_id) if n != claim_id)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "No" has the focus: nothing changes
        await settle(pilot)
        assert _members(database, claim_id) == sorted([claim_id, twin])
        await pilot.press("u")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.dossier is not None
        assert screen.dossier.view.group is None
    left = _events(database, "group", [claim_id, twin])
    assert [(e.claim_id, e.after) for e in left if e.after is None] == [
        (claim_id, None),
        (twin, None),
    ]
