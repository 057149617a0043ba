"""A cross-check's result reads the same on the claim screen's evidence table as in
the evidence detail: "not comparable" in words, a figure outside the claim in red."""

from __future__ import annotations

import pytest
from rich.text import Text
from sqlmodel import select
from textual.widgets import DataTable

from db.engine import Database
from db.models import Evidence
from tests.tui.conftest import SIZE, desk_settings, settle
from tests.tui.fixed_data import load_fixed
from tui.app import make_app
from tui.screens.claim import ClaimScreen

pytestmark = pytest.mark.asyncio


def _with_checks_outside_and_not_comparable(database: Database) -> int:
    """The fixed data plus a second passage for its evidenced claim, whose figures
    came out outside the claim and not comparable; the claim's id."""
    load_fixed(database)
    with database.write() as session:
        linked = session.exec(select(Evidence)).one()
        [within] = linked.crosscheck
        session.add(
            Evidence(
                claim_id=linked.claim_id,
                snapshot_id=linked.snapshot_id,
                source_id=linked.source_id,
                stance="refutes",
                exact=linked.exact,
                start=linked.start,
                end=linked.end,
                anchor_method=linked.anchor_method,
                crosscheck=[
                    {**within, "result": "outside", "deviation": -0.2},
                    {**within, "result": "not_comparable", "deviation": None},
                ],
                added_by="amina",
                added_at=linked.added_at,
            )
        )
        return linked.claim_id


async def test_an_outside_figure_is_red_and_results_read_as_words(database: Database) -> None:
    claim_id = _with_checks_outside_and_not_comparable(database)
    app = make_app(database, settings=desk_settings(database), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ClaimScreen(claim_id)
        await app.push_screen(screen)
        await settle(pilot)
        table = screen.query_one("#evidence", DataTable)
        cells = [table.get_row_at(row)[3] for row in range(table.row_count)]
    assert all(isinstance(cell, Text) for cell in cells)
    styles = {
        cell.plain[span.start : span.end]: str(span.style) for cell in cells for span in cell.spans
    }
    assert styles["within"] == "green"
    assert styles["outside"] == "red"
    assert styles["not comparable"] == "yellow"
    assert not any("not_comparable" in cell.plain for cell in cells)
