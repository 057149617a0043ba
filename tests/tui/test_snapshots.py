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
from tests.tui.fixed_changes import load_fixed_with_change
from tests.tui.fixed_data import load_fixed, load_watches
from tui.app import FactdeskApp, make_app
from tui.dialogs.prompts import ChoiceDialog

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


def test_sources_screen_at_120_columns(
    snap_compare: SnapCompare, watches_app: FactdeskApp
) -> None:
    """id, source, health and next check on screen; why the paused feed's last read
    failed, said once in its state line, and under its fetches."""

    async def open_failed_feed(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)

    assert snap_compare(watches_app, terminal_size=(120, 40), run_before=open_failed_feed)


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


@pytest.fixture
def changed_app(_sqlite_template: Path, tmp_path: Path) -> FactdeskApp:
    database = Database(fresh_sqlite(_sqlite_template, tmp_path))
    load_fixed_with_change(database)
    return make_app(database, settings=desk_settings(database), show_times=False)


async def _open_first_claim(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_claim_screen_with_changed_evidence(
    snap_compare: SnapCompare, changed_app: FactdeskApp
) -> None:
    assert snap_compare(changed_app, terminal_size=SNAP_SIZE, run_before=_open_first_claim)


def test_changed_evidence_stacked_at_90_columns(
    snap_compare: SnapCompare, changed_app: FactdeskApp
) -> None:
    async def scrolled(pilot: Pilot[None]) -> None:
        await _open_first_claim(pilot)
        pilot.app.screen.query_one("#changes").scroll_visible(animate=False)
        await settle(pilot)

    assert snap_compare(changed_app, terminal_size=(90, 40), run_before=scrolled)


def test_figure_dialog(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_dialog(pilot: Pilot[None]) -> None:
        await _open_first_claim(pilot)
        await pilot.press("f")
        await settle(pilot)
        if isinstance(pilot.app.screen, ChoiceDialog):  # which figure: the first
            await pilot.press("enter")
            await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_dialog)


def test_sentence_screen(snap_compare: SnapCompare, demo_app: FactdeskApp) -> None:
    async def open_sentences(pilot: Pilot[None]) -> None:
        await _open_first_claim(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=SNAP_SIZE, run_before=open_sentences)
