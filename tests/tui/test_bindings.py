"""Bindings: ids, remaps from the settings, the help screen, the command palette, the CLI."""

from __future__ import annotations

import pytest

from db.engine import Database
from tests.support.cli import CliRun
from tests.tui.conftest import SIZE, desk_settings, settle
from tui.app import FactdeskApp, make_app
from tui.bindings import ALL_KEYS, UnknownBinding
from tui.dialogs.verdict import VerdictDialog
from tui.screens.claim import ClaimScreen
from tui.screens.help import HelpScreen


def test_every_binding_has_a_unique_id_and_a_tooltip() -> None:
    ids = [spec.id for _, specs in ALL_KEYS for spec in specs]
    assert len(ids) == len(set(ids))
    for _, specs in ALL_KEYS:
        for spec in specs:
            assert spec.tooltip
            area, verb = spec.palette_title.split(": ")
            assert area
            assert verb


def test_a_remap_of_an_unknown_id_is_refused(database: Database) -> None:
    with pytest.raises(UnknownBinding, match=r"claim\.verdikt"):
        make_app(database, settings=desk_settings(database, bindings={"claim.verdikt": "V"}))


@pytest.mark.asyncio
async def test_remapped_key_opens_the_verdict_dialog(demo_db: Database) -> None:
    settings = desk_settings(demo_db, bindings={"claim.verdict": "V"})
    app = make_app(demo_db, settings=settings, show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)  # the old key no longer does it
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, VerdictDialog)


@pytest.mark.asyncio
async def test_help_lists_ids_and_palette_reads_area_verb(app: FactdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "queue: reload" in titles
        assert "sources: show" in titles
        assert "claim: verdict" not in titles  # only where it applies
        await pilot.press("enter")
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "claim: verdict" in titles
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.query_one("#help-keys").row_count  # type: ignore[attr-defined]
        assert rows == sum(len(specs) for _, specs in ALL_KEYS)


def test_factdesk_tui_command_is_registered(cli: CliRun) -> None:
    result = cli("tui", "--help")
    assert result.exit_code == 0
    assert "terminal app" in result.stdout
