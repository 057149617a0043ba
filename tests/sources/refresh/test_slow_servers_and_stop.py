"""A slow-loris site cannot hold a pass, and a stop ends a pass within seconds.

The hostile site is a raw socket on 127.0.0.1 that dribbles its answer one
header line (or one byte of chunk framing) at a time, each well within the
read timeout. Bounds are generous: the scripts would go on for 30 s.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from sqlmodel import col, select

from db.engine import Database
from db.models import RefreshRun
from sources.refresh import PassResult, run_pass
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    add_sources,
    fetch_policy,
    fetch_records,
    source_row,
    text_page,
)
from tests.support.hostile import (
    SlowLoris,
    answer,
    by_path,
    dribble_chunk_framing,
    dribble_headers,
)
from tests.support.httpserver import HTTPTestServer

NO_ROBOTS = answer(404)


def _run_status(database: Database) -> list[str]:
    with database.read() as session:
        return [r.status for r in session.exec(select(RefreshRun).order_by(col(RefreshRun.id)))]


def test_a_pass_gives_up_on_dribbled_headers_and_chunks_at_the_total_timeout(
    database: Database, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/calm", ARTICLE)
    script = by_path(
        {"/robots.txt": NO_ROBOTS, "/chunks": dribble_chunk_framing(0.2)}, dribble_headers(0.2)
    )
    with SlowLoris(script) as loris:
        headers, chunks, calm = add_sources(
            database, loris.url("/headers"), loris.url("/chunks"), http_server.url("/calm")
        )
        started = time.monotonic()
        result = run_pass(
            database,
            policy=replace(FAST, retries=0),
            fetch_policy=fetch_policy(read_timeout=1.0, total_timeout=2.0),
        )
        took = time.monotonic() - started

    assert took < 15
    assert _run_status(database) == ["done"]
    assert result.counts["checked"] == 3
    assert result.counts["failed"] == 2
    for source_id in (headers, chunks):
        error = fetch_records(database, source_id)[-1].error
        assert error is not None
        assert "longer than 2 s in all" in error
        assert source_row(database, source_id).health == "failing"
    assert fetch_records(database, calm)[-1].outcome == "stored"


def _pass_in_thread(
    database: Database, stop: threading.Event
) -> tuple[threading.Thread, list[PassResult | BaseException]]:
    outcome: list[PassResult | BaseException] = []

    def work() -> None:
        try:
            # Patient limits: only the stop can end this pass soon.
            outcome.append(
                run_pass(
                    database,
                    policy=FAST,
                    fetch_policy=fetch_policy(read_timeout=20.0, total_timeout=60.0),
                    stop=stop,
                )
            )
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    return thread, outcome


def test_a_stop_ends_a_pass_held_by_a_dribbling_site_and_records_it_interrupted(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    calm_site = sites[1]  # another port of 127.0.0.1, another site: its own politeness gate
    text_page(calm_site, "/calm", ARTICLE)
    script = by_path({"/robots.txt": NO_ROBOTS}, dribble_headers(0.2))
    stop = threading.Event()
    with SlowLoris(script) as loris:
        ids = add_sources(database, *(loris.url(f"/p{n}") for n in range(3)))
        calm = add_sources(database, calm_site.url("/calm"))[0]
        thread, outcome = _pass_in_thread(database, stop)
        deadline = time.monotonic() + 10
        while len(loris.requests) < 3 and time.monotonic() < deadline:  # robots + 2 slots
            time.sleep(0.02)
        while not fetch_records(database, calm) and time.monotonic() < deadline:
            time.sleep(0.02)
        stopped_at = time.monotonic()
        stop.set()
        thread.join(timeout=20)
        took = time.monotonic() - stopped_at

    assert not thread.is_alive()
    assert took < 5
    assert len(outcome) == 1
    result = outcome[0]
    assert isinstance(result, PassResult)
    assert result.interrupted
    assert _run_status(database) == ["interrupted"]
    assert result.counts["checked"] == 1  # the calm page, stored before the stop
    assert fetch_records(database, calm)[-1].outcome == "stored"
    for source_id in ids:
        row = source_row(database, source_id)
        # Nothing said about the dribbling site: no record, no lease, still due.
        assert fetch_records(database, source_id) == []
        assert row.lease_owner is None
        assert row.health == "ok"
        assert row.next_check_at is None
