"""``make_app``: the one factory; importing the app builds nothing and touches no database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.engine import Database
from tests.tui.conftest import desk_settings
from tui.app import FactdeskApp, make_app


def test_importing_the_app_opens_no_database(tmp_path: Path) -> None:
    target = tmp_path / "never.sqlite3"
    env = {**os.environ, "FACTDESK_DATABASE_URL": f"sqlite:///{target}"}
    subprocess.run([sys.executable, "-c", "import tui.app, tui.cli"], check=True, env=env)
    assert not target.exists()


def test_make_app_from_settings_owns_its_database(database: Database) -> None:
    app = make_app(desk_settings(database))
    assert isinstance(app, FactdeskApp)
    assert app.desk.database is not database
    assert app.desk.database.url == database.url
    assert app.desk.reviewer == "tester"


def test_make_app_from_a_database_uses_it(database: Database) -> None:
    app = make_app(database, settings=desk_settings(database))
    assert app.desk.database is database
