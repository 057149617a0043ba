"""Fixtures for the TUI tests: a database holding the demo corpus, and the app on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from claims.services.demo import load_demo
from db.engine import Database
from tui.app import FactdeskApp, make_app
from tui.settings import Settings, TuiSettings

SIZE = (150, 45)


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTDESK_CONFIG", str(tmp_path / "absent.toml"))
    for name in ("FACTDESK_DATABASE_URL", "FACTDESK_REVIEWER", "FACTDESK_ALLOW_PRIVATE_NETWORKS"):
        monkeypatch.delenv(name, raising=False)


def desk_settings(database: Database, **tui: object) -> Settings:
    return Settings(
        database_url=database.url,
        reviewer="tester",
        allow_private_networks=True,
        tui=TuiSettings.model_validate(tui),
    )


@pytest.fixture
def demo_db(database: Database) -> Database:
    """A fresh database (SQLite, then PostgreSQL) holding the demo corpus."""
    load_demo(database, policy=desk_settings(database).fetch_policy())
    return database


@pytest.fixture
def app(demo_db: Database) -> FactdeskApp:
    return make_app(demo_db, settings=desk_settings(demo_db), show_times=False)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land (a message may start another worker)."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def until(pilot: Pilot[None], condition: Callable[[], bool], *, within: float = 10.0) -> None:
    """Pause until ``condition`` holds: a loaded CI machine may need more than one pause."""
    for _ in range(int(within / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), f"still not true after {within} s"
