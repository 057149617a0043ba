"""SVG snapshots of the queue's flags and of one row per group, on fixed data.

Beside the fixed data set: a claim of the registry page stating the first
claim again (grouped with it by hand), stored after the reviewer's last visit
(so flagged new), and a refresh that found the first claim's evidence gone.

Update after an intended change of the look: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select
from textual.pilot import Pilot

from claims.review.groups import merge
from db.engine import Database
from db.models import Claim, ClaimState, Evidence, QueueVisit, QuoteAnchor, Snapshot
from tests.support.databases import fresh_sqlite
from tests.tui.conftest import desk_settings, settle
from tests.tui.fixed_data import AT, REGISTRY, load_fixed
from tui.app import FactdeskApp, make_app
from tui.screens.help import HelpScreen

SnapCompare = Callable[..., bool]
LATER = AT + timedelta(hours=2)
RESTATED = "At the end of 2025 the national registry counted 19,842 active cooperatives"


def load_flags_and_group(database: Database) -> None:
    with database.write() as session:
        first = session.exec(select(Claim).order_by(col(Claim.id))).first()
        evidence = session.exec(select(Evidence)).one()
        registry = session.get(Snapshot, evidence.snapshot_id)
        assert first is not None
        assert first.id is not None
        assert registry is not None
        start = REGISTRY.index(RESTATED)
        again = Claim(
            snapshot_id=evidence.snapshot_id,
            source_id=registry.source_id,
            text=RESTATED + ".",
            start=start,
            end=start + len(RESTATED) + 1,
            spans=[[start, start + len(RESTATED) + 1]],
            exact=RESTATED + ".",
            kind="numeric",
            language="en",
            checkworthiness=0.7,
            fingerprint="f" * 64,
            extractor="fixed",
            created_at=LATER,
        )
        session.add(again)
        session.flush()
        assert again.id is not None
        session.add(ClaimState(claim_id=again.id, updated_at=LATER))
        # The refresh job's record: the linked passage is no longer in the page.
        session.add(
            QuoteAnchor(
                claim_id=first.id,
                evidence_id=evidence.id,
                snapshot_id=evidence.snapshot_id,
                previous_snapshot_id=evidence.snapshot_id,
                status="vanished",
                created_at=LATER,
            )
        )
        session.add(QueueVisit(reviewer="tester", event="close", at=AT + timedelta(hours=1)))
        session.flush()
        merge(session, [first.id, again.id], reviewer="amina")


@pytest.fixture
def flagged_app(_sqlite_template: Path, tmp_path: Path) -> FactdeskApp:
    database = Database(fresh_sqlite(_sqlite_template, tmp_path))
    load_fixed(database)
    load_flags_and_group(database)
    return make_app(database, settings=desk_settings(database), show_times=False)


def test_queue_flags_at_120(snap_compare: SnapCompare, flagged_app: FactdeskApp) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)

    assert snap_compare(flagged_app, terminal_size=(120, 30), run_before=ready)


def test_queue_one_row_per_group_at_80x24(
    snap_compare: SnapCompare, flagged_app: FactdeskApp
) -> None:
    async def grouped(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    assert snap_compare(flagged_app, terminal_size=(80, 24), run_before=grouped)


def test_queue_one_row_per_group_at_120(
    snap_compare: SnapCompare, flagged_app: FactdeskApp
) -> None:
    async def grouped(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    assert snap_compare(flagged_app, terminal_size=(120, 30), run_before=grouped)


@pytest.mark.asyncio
async def test_the_flags_read_as_the_fixed_data_says(flagged_app: FactdeskApp) -> None:
    from tests.tui.test_queue_freshness import _table

    async with flagged_app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = _table(flagged_app)
        first, *_, again = table.claim_ids
        assert table.row_cells(first)["flags"] == "✗"
        assert table.row_cells(again)["flags"] == "•"
        assert all(table.row_cells(n)["flags"] == "" for n in table.claim_ids[1:-1])
        await pilot.press("g")
        await settle(pilot)
        assert again not in table.claim_ids
        assert table.row_cells(first)["claim"].startswith("seen in 2 sources")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(flagged_app.screen, HelpScreen)
        legend = str(flagged_app.screen.query_one("#help-flags").render())
        assert "• new since you last looked" in legend
        assert "✗ gone" in legend
