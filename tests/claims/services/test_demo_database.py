"""The demo corpus lives in a database of its own, never in the user's real one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.conftest import SIZE, settle
from tui.app import make_app
from tui.settings import Settings


def _factdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FACTDESK_") or key == "FACTDESK_TEST_DATABASE_URL"
    }
    # platformdirs reads XDG_DATA_HOME: the user data dir is inside the test folder.
    env |= {"XDG_DATA_HOME": str(home), "FACTDESK_CONFIG": str(home / "absent.toml")}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture
def loaded_home(tmp_path: Path) -> Path:
    loaded = _factdesk(tmp_path, "demo")
    assert loaded.returncode == 0, loaded.stderr
    assert "demo.sqlite3" in loaded.stdout
    return tmp_path


def test_demo_loads_into_its_own_database_and_leaves_the_users_empty(loaded_home: Path) -> None:
    assert (loaded_home / "factdesk" / "demo.sqlite3").exists()
    assert not (loaded_home / "factdesk" / "factdesk.sqlite3").exists()
    own = _factdesk(loaded_home, "claims", "--format", "json")
    assert own.returncode == 0, own.stderr
    assert json.loads(own.stdout)["claims"] == []
    demo = _factdesk(loaded_home, "--demo", "claims", "--format", "json")
    assert demo.returncode == 0, demo.stderr
    assert len(json.loads(demo.stdout)["claims"]) > 20


@pytest.mark.asyncio
async def test_the_app_on_the_demo_database_says_so(
    loaded_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(loaded_home))
    monkeypatch.setenv("FACTDESK_CONFIG", str(loaded_home / "absent.toml"))
    monkeypatch.delenv("FACTDESK_DATABASE_URL", raising=False)
    app = make_app(Settings(demo=True, reviewer="tester"), show_times=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "demo" in app.title
        info = str(app.screen.query_one("#page-info").render())
        assert info.startswith("DEMO DATABASE")
        assert "1-" in info
    own = make_app(Settings(reviewer="tester"), show_times=False)
    assert "demo" not in own.title
