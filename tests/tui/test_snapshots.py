"""SVG snapshots of the main screens on fixed data (SQLite, fixed size, times hidden).

Update after an intended change of the look: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from db.engine import Database
from tests.support.databases import fresh_sqlite
from tests.tui.conftest import desk_settings, settle
from tests.tui.fixed_data import load_fixed, load_watches
from tui.app import FactdeskApp, make_app

SNAP_SIZE = (140, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture
def demo_app(_sqlite_template: Path, tmp_path: Path) -> FactdeskApp:
    database = Database(fresh_sqlite(_sqlite_template, tmp_path))
    load_fixed(database)
    return make_app(database, settings=desk_settings(database), show_times=False)


def test_queue_screen(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=ready)


def test_claim_screen(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_claim(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_claim)


def test_sources_screen(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_source(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_source)


@pytest.fixture
def watches_app(_sqlite_template: Path, tmp_path: Path) -> FactdeskApp:
    database = Database(fresh_sqlite(_sqlite_template, tmp_path))
    load_fixed(database)
    load_watches(database)
    return make_app(database, settings=desk_settings(database), show_times=False)


def test_sources_screen_with_watches(snap_compare: SnapCompare, watches_app: FactdeskApp) -> None:
    async def open_sources(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(watches_app, terminal_size=SNAP_SIZE, run_before=open_sources)


def test_ingest_dialog(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_dialog(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_dialog)


def test_evidence_detail(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_detail(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pilot.app.screen.query_one("#evidence").focus()
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_detail)


def test_claim_screen_at_120_columns(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_claim(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=open_claim)
