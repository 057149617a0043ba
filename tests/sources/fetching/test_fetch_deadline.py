"""The total timeout holds from the status line to the last chunk, and a stop ends a fetch.

The servers are slow-loris sockets on 127.0.0.1: each byte arrives well within
the read timeout, so only a deadline enforced on every read can end the fetch.
Bounds are generous (the scripts would go on for 30 s); the point is "cut off",
not "fast".
"""

from __future__ import annotations

import threading
import time

import pytest

from db.engine import Database
from sources.errors import FetchStopped, FetchTimeout
from sources.fetching import FetchPolicy, fetch
from tests.support.cli import CliRun, counts
from tests.support.hostile import (
    Script,
    SlowLoris,
    dribble_chunk_framing,
    dribble_headers,
    dribble_status_line,
)

SCRIPTS = {
    "status line": dribble_status_line(0.2),
    "headers": dribble_headers(0.2),
    "chunk framing": dribble_chunk_framing(0.2),
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_a_dribbling_server_is_cut_off_at_the_total_timeout(script: Script) -> None:
    policy = FetchPolicy(allow_private_networks=True, read_timeout=1.0, total_timeout=2.0)

    with SlowLoris(script) as server:
        started = time.monotonic()
        with pytest.raises(FetchTimeout) as caught:
            fetch(server.url("/a"), policy=policy)
        took = time.monotonic() - started

    assert took < 10
    assert took >= 1.9
    assert "longer than 2 s in all" in str(caught.value)
    assert caught.value.attempt.elapsed_ms >= 1900


def test_a_stop_ends_a_fetch_that_is_waiting_on_the_server() -> None:
    policy = FetchPolicy(allow_private_networks=True, read_timeout=20.0, total_timeout=60.0)
    stop = threading.Event()
    outcome: list[BaseException] = []

    def fetching(url: str) -> None:
        try:
            fetch(url, policy=policy, stop=stop)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    with SlowLoris(dribble_headers(0.2)) as server:
        thread = threading.Thread(target=fetching, args=(server.url("/a"),))
        thread.start()
        while not server.requests:
            time.sleep(0.01)
        stopped_at = time.monotonic()
        stop.set()
        thread.join(timeout=10)
        took = time.monotonic() - stopped_at

    assert not thread.is_alive()
    assert took < 5
    assert len(outcome) == 1
    assert isinstance(outcome[0], FetchStopped)
    assert "asked to stop" in str(outcome[0])


def test_ingest_gives_up_on_a_dribbling_server_and_records_the_failure(
    cli: CliRun, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDESK_FETCH__TOTAL_TIMEOUT", "2")
    monkeypatch.setenv("FACTDESK_FETCH__READ_TIMEOUT", "1")

    with SlowLoris(dribble_headers(0.2)) as server:
        started = time.monotonic()
        result = cli("ingest", server.url("/a"))
        took = time.monotonic() - started

    assert took < 10
    assert result.exit_code == 1
    assert "longer than 2 s in all" in result.stderr
    database = Database(db_url)
    try:
        stored = counts(database)
    finally:
        database.dispose()
    assert stored.failed_fetches == 1
    assert stored.snapshots == 0
