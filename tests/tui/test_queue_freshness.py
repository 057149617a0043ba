"""Queue flags after a refresh: a claim whose evidence moved, changed or is gone says so.

The evidence is real: an article and a report served on 127.0.0.1, the claim
linked to a passage of the report, then the report changed (or removed) and
refreshed, as the scheduled job does.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from claims.review.evidence import list_evidence
from claims.review.listing import ClaimFilter, claim_rows, count_claims, stale_evidence_of
from db.engine import Database
from db.reader import SessionRows
from tests.claims.review.test_freshness import QUOTE, _evidence, _refresh
from tests.sources.refresh.conftest import (
    REPORT,
    sites,  # noqa: F401  (fixture)
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import FactdeskApp, make_app
from tui.widgets.queue_table import QueueTable

pytestmark = pytest.mark.asyncio


def _app(database: Database) -> FactdeskApp:
    return make_app(database, settings=desk_settings(database), show_times=False)


def _table(app: FactdeskApp) -> QueueTable:
    return app.screen.query_one("#claims", QueueTable)


def _page_info(app: FactdeskApp) -> str:
    return str(app.screen.query_one("#page-info", Static).render())


async def test_changed_evidence_flags_its_claim_and_c_shows_only_those(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id, _ = _evidence(cli, sites)
    text_page(sites[1], "/report", REPORT.replace("20.000 coopératives", "18.500 coopératives"))
    _refresh(database)
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = _table(app)
        assert table.row_count > 1
        flags = {n: table.row_cells(n)["flags"] for n in table.claim_ids}
        assert flags[claim_id] == "!"
        assert all(flag == "" for n, flag in flags.items() if n != claim_id)
        await pilot.press("c")
        await settle(pilot)
        assert table.claim_ids == (claim_id,)
        assert "evidence changed" in _page_info(app)
        await pilot.press("c")
        await settle(pilot)
        assert set(table.claim_ids) == set(flags)


async def test_gone_and_moved_evidence_flags(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id, _ = _evidence(cli, sites)
    # The passage moves down the page: same words, another place.
    text_page(sites[1], "/report", "Une note de l'office en tête de page.\n\n" + REPORT)
    _refresh(database)
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _table(app).row_cells(claim_id)["flags"] == "~"
    text_page(sites[1], "/report", REPORT.replace(QUOTE, "Le registre est en cours de refonte."))
    _refresh(database)
    app = _app(database)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _table(app).row_cells(claim_id)["flags"] == "✗"


async def test_the_queue_flag_agrees_with_the_claims_freshness(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id, evidence_id = _evidence(cli, sites)
    with database.read() as session:
        assert stale_evidence_of(SessionRows(session), [claim_id]) == {}
        assert count_claims(SessionRows(session), ClaimFilter(evidence_changed=True)) == 0
    text_page(sites[1], "/report", REPORT.replace("20.000 coopératives", "18.500 coopératives"))
    _refresh(database)
    with database.read() as session:
        [view] = list_evidence(session, claim_id)
        assert view.freshness.state == "changed"  # what the claim screen and reports say
        assert stale_evidence_of(SessionRows(session), [claim_id]) == {claim_id: "changed"}
        rows = claim_rows(SessionRows(session), ClaimFilter(evidence_changed=True)).rows
        assert [(r.id, r.stale) for r in rows] == [(claim_id, "changed")]
    # Withdrawn evidence no longer flags its claim.
    assert cli("evidence", "remove", str(evidence_id), "--why", "outdated").exit_code == 0
    with database.read() as session:
        assert stale_evidence_of(SessionRows(session), [claim_id]) == {}
        assert count_claims(SessionRows(session), ClaimFilter(evidence_changed=True)) == 0
