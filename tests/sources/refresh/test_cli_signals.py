"""`factdesk refresh --watch` in a process of its own, stopped by SIGTERM or SIGINT.

The pass is held by a slow-loris site (a header line every 0.2 s, for 30 s,
under the default 60 s total timeout): only the signal can end it soon.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlmodel import select

from db.engine import Database
from db.models import RefreshRun, Source
from tests.sources.refresh.conftest import ARTICLE, fetch_records, text_page
from tests.support.hostile import SlowLoris, answer, by_path, dribble_headers
from tests.support.httpserver import HTTPTestServer
from tests.support.paths import ROOT

EXIT_CODES: dict[int, int] = {signal.SIGTERM: 0, signal.SIGINT: 128 + signal.SIGINT}


def _watch(db_url: str) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-c",
        "from tui.cli import main; raise SystemExit(main())",
        "--db",
        db_url,
        "--allow-private-networks",
        "refresh",
        "--watch",
        "--host-delay",
        "0",
        "--format",
        "json",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _stop(process: subprocess.Popen[str], signum: int) -> tuple[float, str, str]:
    """Send ``signum``; how long the process took to exit, and its output."""
    sent = time.monotonic()
    process.send_signal(signum)
    try:
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return time.monotonic() - sent, stdout, stderr


def _wait_for(condition: object, seconds: float = 60) -> None:
    assert callable(condition)
    until = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < until, "the watcher never got there"
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_a_pass_held_by_a_slow_site_within_seconds(
    db_url: str, signum: int
) -> None:
    script = by_path({"/robots.txt": answer(404)}, dribble_headers(0.2))
    with SlowLoris(script) as loris:
        database = Database(db_url)
        try:
            with database.write() as session:
                session.add(Source(url=loris.url("/slow")))
            process = _watch(db_url)
            _wait_for(lambda: len(loris.requests) >= 2 or process.poll() is not None)
            took, stdout, stderr = _stop(process, signum)

            with database.read() as session:
                runs = session.exec(select(RefreshRun)).all()
                source = session.exec(select(Source)).one()
            records = fetch_records(database, source.id or 0)
        finally:
            database.dispose()

    assert process.returncode == EXIT_CODES[signum], stderr
    assert took < 15  # generous for a loaded machine; the old code waited out the 30 s server
    assert "Traceback" not in stderr
    assert json.loads(stdout)["status"] == "interrupted"
    assert [run.status for run in runs] == ["interrupted"]
    assert runs[0].ended_at is not None
    # The slow site was not checked: nothing recorded, its lease given back.
    assert records == []
    assert source.lease_owner is None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_wakes_a_watcher_sleeping_between_passes(
    db_url: str, http_server: HTTPTestServer, signum: int
) -> None:
    text_page(http_server, "/a", ARTICLE)
    database = Database(db_url)
    try:
        with database.write() as session:
            session.add(Source(url=http_server.url("/a")))
        process = _watch(db_url)
        # The pass is over once the source has a fetch record; then it sleeps a day.
        _wait_for(lambda: bool(fetch_records(database, 1)) or process.poll() is not None)
        time.sleep(0.5)
        took, stdout, stderr = _stop(process, signum)
        with database.read() as session:
            runs = session.exec(select(RefreshRun)).all()
    finally:
        database.dispose()

    assert process.returncode == EXIT_CODES[signum], stderr
    assert took < 15  # generous for a loaded machine; the old code waited out the 30 s server
    assert "Traceback" not in stderr
    assert json.loads(stdout)["status"] == "done"
    assert [run.status for run in runs] == ["done"]
