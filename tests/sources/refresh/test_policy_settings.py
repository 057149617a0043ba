"""One refresh policy, from the settings: cron (`factdesk refresh`), --watch and the TUI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sources.refresh.conftest import ARTICLE, text_page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tui.settings import Settings


def test_the_refresh_section_of_the_config_file_and_env_build_the_policy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[refresh]\nconcurrency = 3\nrobots_backoff_base = 1200\n", encoding="utf-8")
    monkeypatch.setenv("FACTDESK_CONFIG", str(config))
    monkeypatch.setenv("FACTDESK_REFRESH__GONE_AFTER", "5")

    policy = Settings().refresh_policy()
    overridden = Settings().refresh_policy(concurrency=6)

    assert (policy.concurrency, policy.gone_after, policy.robots_backoff_base) == (3, 5, 1200.0)
    assert overridden.concurrency == 6  # a command-line option wins for one run


def test_a_bad_refresh_setting_is_refused_in_one_line(
    cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDESK_REFRESH__CONCURRENCY", "0")

    result = cli("refresh")

    assert result.exit_code == 2
    assert "refresh.concurrency" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_the_cli_refresh_follows_the_gone_threshold_of_the_settings(
    cli: CliRun, http_server: HTTPTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    text_page(http_server, "/a", ARTICLE)
    assert cli("ingest", http_server.url("/a")).exit_code == 0
    http_server.route("/a", "no such page", status=404, content_type="text/plain")
    monkeypatch.setenv("FACTDESK_REFRESH__GONE_AFTER", "1")
    monkeypatch.setenv("FACTDESK_REFRESH__HOST_DELAY", "0")

    run = json.loads(cli("refresh", "--all", "--format", "json").stdout)
    [row] = json.loads(cli("sources", "--format", "json").stdout)

    assert (run["failed"], run["gone"]) == (1, 1)
    assert row["health"] == "gone"  # one 404 is enough with gone_after = 1
