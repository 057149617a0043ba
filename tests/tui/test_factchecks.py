"""The claim screen says when a claim was already checked, and by whom; silent otherwise."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from textual.widgets import Static

from claims.factchecks.claimreview import read_claimreviews
from claims.factchecks.store import add_factchecks
from claims.services.ingest import ingest_with_claims
from db.engine import Database
from db.models import Claim
from sources.ingest import IngestOptions
from tests.claims.factchecks.reviews import COOPS, TOURISM, dumps
from tests.support.shared import seed_file
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import make_app
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


def _seed(database: Database, *reviews: dict[str, object]) -> int:
    if reviews:
        records = read_claimreviews(dumps(list(reviews)), name="test")
        with database.write() as session:
            add_factchecks(session, records, source="test")
    ingest_with_claims(
        database,
        str(seed_file()),
        options=IngestOptions(lang="fr", url="https://medias24.com/2019/06/20/pact/"),
        policy=desk_settings(database).fetch_policy(),
    )
    with database.read() as session:
        claim = session.exec(
            select(Claim)
            .where(col(Claim.text).contains("20.000 coopératives"))
            .where(Claim.kind == "numeric")
        ).one()
        assert claim.id is not None
        return claim.id


async def _section(database: Database, claim_id: int) -> tuple[bool, str]:
    app = make_app(database, settings=desk_settings(database), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(ClaimScreen(claim_id))
        await settle(pilot)
        body = app.screen.query_one("#factchecks", Static)
        return bool(body.display), str(body.render())


async def test_a_matched_claim_shows_who_checked_it_and_why(database: Database) -> None:
    claim_id = _seed(database, COOPS, TOURISM)
    shown, text = await _section(database, claim_id)
    assert shown
    assert "already checked by Desk Check on 2024-03-02: Mostly false" in text
    assert "20.000 coopératives = 20,000 cooperatives" in text
    assert "touristes" not in text


async def test_an_unmatched_claim_shows_no_section(database: Database) -> None:
    claim_id = _seed(database, TOURISM)
    shown, _ = await _section(database, claim_id)
    assert not shown
