"""How `factdesk` (and `factdesk tui`) opens the app on the configured database."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from db.engine import Database
from tests.tui.conftest import SIZE, settle
from tui.app import FactdeskApp
from tui.cli.context import CliContext
from tui.cli.tui_cmds import app_for
from tui.screens.queue import QueueScreen
from tui.settings import Settings


def _context(url: str) -> CliContext:
    return CliContext(Settings(database_url=url, reviewer="tester"))


@pytest.mark.asyncio
async def test_a_database_at_the_newest_schema_is_opened_by_the_app_on_first_use(
    demo_db: Database,
) -> None:
    context = _context(demo_db.url)
    app = app_for(context)
    assert not context.has_database
    assert not app.desk.store.is_open
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        assert screen.claim_page is not None
        assert screen.claim_page.rows
        # The visit is a write: by now the app has opened the database for it.
        assert app.desk.store.is_open


def test_a_new_sqlite_file_is_created_at_the_newest_schema_before_the_app(
    tmp_path: Path,
) -> None:
    path = tmp_path / "first-run.sqlite3"
    context = _context(f"sqlite:///{path}")
    app = app_for(context)
    try:
        assert isinstance(app, FactdeskApp)
        assert path.is_file()
        assert context.has_database
        assert app.desk.store.is_open
    finally:
        context.close()


def test_a_database_that_cannot_be_opened_is_one_line_before_the_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.cli.tui_cmds import open_app

    context = _context("postgresql://factdesk@127.0.0.1:9/none")  # port 9: nothing listens
    with pytest.raises(typer.Exit) as ended:
        open_app(context)
    assert ended.value.exit_code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "cannot open the database" in err
    assert "127.0.0.1:9" in err
