"""The footer shows the keys of what has focus, rebuilt only when they change."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZE, settle
from tui.app import FactdeskApp
from tui.widgets.key_footer import KeyFooter

pytestmark = pytest.mark.asyncio


def shown(app: FactdeskApp) -> set[str]:
    footer = app.screen.query_one(KeyFooter)
    return {key.description for key in footer.query(FooterKey)}


async def test_the_footer_follows_the_focus_and_rebuilds_only_on_a_change(
    app: FactdeskApp,
) -> None:
    rebuilds: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        recompose = footer.recompose

        async def counted() -> None:
            rebuilds.append(1)
            await recompose()

        footer.recompose = counted  # type: ignore[method-assign]
        on_table = shown(app)
        assert "Open" in on_table  # the table's Enter, once it has rows

        await pilot.click("#f-text")  # the search field: the table's keys go
        await settle(pilot)
        assert "Open" not in shown(app)
        assert len(rebuilds) == 1

        app.screen.query_one("#claims").focus()
        await settle(pilot)
        assert shown(app) == on_table
        assert len(rebuilds) == 2

        # Bindings announced again, the same keys: nothing to rebuild.
        app.screen.refresh_bindings()
        await settle(pilot)
        assert shown(app) == on_table
        assert len(rebuilds) == 2
