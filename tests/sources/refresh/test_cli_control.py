"""`factdesk refresh pause|resume|robots`, `--source` on a paused source, and `--history`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.engine import Database
from db.models import RefreshRun, Source
from tests.sources.refresh.conftest import ARTICLE, source_row, text_page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer


def _ingested(cli: CliRun, server: HTTPTestServer, path: str = "/a") -> None:
    """Source 1 (the database is fresh)."""
    text_page(server, path, ARTICLE)
    assert cli("ingest", server.url(path)).exit_code == 0


def test_pause_keeps_a_source_out_of_passes_and_resume_brings_it_back(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    _ingested(cli, http_server)

    paused = cli("refresh", "pause", http_server.url("/a"))
    again = cli("refresh", "pause", "1")
    skipped = json.loads(cli("refresh", "--all", "--format", "json", "--host-delay", "0").stdout)
    resumed = cli("refresh", "resume", "1")
    done = json.loads(cli("refresh", "--format", "json", "--host-delay", "0").stdout)

    assert paused.exit_code == 0
    assert paused.stdout.strip() == "source 1 paused"
    assert again.exit_code == 1
    assert "already paused" in again.stderr
    assert skipped["checked"] == 0
    assert resumed.exit_code == 0
    assert resumed.stdout.strip() == "source 1 resumed"
    assert done["checked"] == 1
    assert http_server.count("/a") == 2  # the ingest, then the pass after resume


def test_resume_of_a_source_that_is_not_paused_fails_with_one_line(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    _ingested(cli, http_server)

    result = cli("refresh", "resume", "1")

    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "not paused" in result.stderr


def test_naming_a_paused_source_says_so_unless_forced(
    cli: CliRun, http_server: HTTPTestServer, db_url: str
) -> None:
    _ingested(cli, http_server)
    assert cli("refresh", "pause", "1").exit_code == 0

    refused = cli("refresh", "--source", "1", "--host-delay", "0")
    forced = cli("refresh", "--source", "1", "--force", "--format", "json", "--host-delay", "0")
    lonely_force = cli("refresh", "--force")

    assert refused.exit_code == 1
    assert refused.stderr.strip().count("\n") == 0
    assert "source 1 is paused" in refused.stderr
    assert "--force" in refused.stderr
    assert forced.exit_code == 0, forced.stderr
    assert json.loads(forced.stdout)["checked"] == 1
    assert http_server.count("/a") == 2  # refused: no request; forced: one
    database = Database(db_url)
    try:
        assert source_row(database, 1).health == "paused"  # forcing does not resume
    finally:
        database.dispose()
    assert lonely_force.exit_code == 2


def test_robots_override_is_recorded_with_who_and_why_and_can_be_undone(
    cli: CliRun, http_server: HTTPTestServer, db_url: str
) -> None:
    text_page(http_server, "/private/a", ARTICLE)
    assert cli("ingest", http_server.url("/private/a")).exit_code == 0
    http_server.route(
        "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )

    blocked = json.loads(cli("refresh", "--all", "--format", "json", "--host-delay", "0").stdout)
    no_reason = cli("refresh", "robots", "1", "--why", "  ")
    ignored = cli("refresh", "robots", "1", "--ignore", "--why", "our own  page")
    fetched = json.loads(cli("refresh", "--all", "--format", "json", "--host-delay", "0").stdout)
    obeyed = cli("refresh", "robots", "1", "--obey", "--why", "the site asked")

    assert blocked["blocked"] == 1
    assert no_reason.exit_code == 1
    assert "--why" in no_reason.stderr
    assert ignored.exit_code == 0
    assert "robots.txt ignored by" in ignored.stdout
    assert "our own page" in ignored.stdout
    assert fetched["blocked"] == 0
    assert fetched["checked"] == 1
    assert http_server.count("/private/a") == 2
    assert obeyed.exit_code == 0
    database = Database(db_url)
    try:
        row = source_row(database, 1)
    finally:
        database.dispose()
    assert not row.ignore_robots
    assert row.robots_override is not None
    assert "obeyed again" in row.robots_override
    assert "the site asked" in row.robots_override


def test_history_in_json_shows_a_dead_workers_run_as_aborted(
    cli: CliRun, http_server: HTTPTestServer, db_url: str
) -> None:
    _ingested(cli, http_server)
    database = Database(db_url)
    try:
        with database.write() as session:
            # A worker killed mid-pass: its run still "running", its lease expired.
            started = datetime.now(UTC) - timedelta(minutes=5)
            session.add(RefreshRun(worker="refresh@gone:1", started_at=started))
            source = session.get(Source, 1)
            assert source is not None
            source.lease_owner = "refresh@gone:1"
            source.lease_expires_at = datetime.now(UTC) - timedelta(seconds=1)
            session.add(source)
    finally:
        database.dispose()

    run = json.loads(cli("refresh", "--all", "--format", "json", "--host-delay", "0").stdout)
    listed = cli("refresh", "--history", "--format", "json")

    assert run["checked"] == 1  # the dead worker's source was taken over
    runs = json.loads(listed.stdout)
    assert [(r["worker"], r["status"]) for r in runs] == [
        (run["worker"], "done"),
        ("refresh@gone:1", "aborted"),
    ]
    assert set(runs[0]) >= {"id", "scope", "started_at", "ended_at", "checked", "failed"}
    assert runs[0]["ended_at"] is not None


def test_robots_and_pause_of_a_local_source_are_refused_in_one_line(
    cli: CliRun, tmp_path: Path
) -> None:
    page = tmp_path / "article.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", str(page)).exit_code == 0

    ignored = cli("refresh", "robots", "1", "--ignore", "--why", "public archive")
    paused = cli("refresh", "pause", "1")
    [row] = json.loads(cli("sources", "--format", "json").stdout)

    # A file has no robots.txt: recording an override of it would be a false record.
    for refused in (ignored, paused):
        assert refused.exit_code == 1
        [line] = refused.stderr.strip().splitlines()
        assert "is local" in line
    assert row["robots_override"] is None
    assert row["health"] == "local"


def test_refreshing_a_stdin_source_says_how_to_read_it_again(cli: CliRun) -> None:
    assert cli("ingest", "-", input=ARTICLE).exit_code == 0

    forced = cli("refresh", "--source", "1")

    assert forced.exit_code == 1
    # There is no file to ingest again: the text came down a pipe.
    assert "pipe the text to `factdesk ingest -` again" in forced.stderr
    assert "the file" not in forced.stderr
