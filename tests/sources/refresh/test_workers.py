"""Several workers, one queue: leases keep them off each other's sources, even when one dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from sqlmodel import func, select

from db.engine import Database
from db.models import Body, FetchRecord, RefreshRun, Snapshot, Source
from sources.refresh import run_pass
from tests.sources.refresh.conftest import ARTICLE, FAST, fetch_policy
from tests.support.httpserver import Exchange, Handler, HTTPTestServer
from tests.support.paths import ROOT


def slow_page(seconds: float, text: str) -> Handler:
    def handler(exchange: Exchange) -> None:
        if not exchange.wait(seconds):
            body = text.encode()
            exchange.send(200, {"Content-Type": "text/plain; charset=utf-8"}, body)

    return handler


def _add_sources(database: Database, sites: list[HTTPTestServer], n: int, delay: float) -> None:
    with database.write() as session:
        for i in range(n):
            server = sites[i % len(sites)]
            server.handle(f"/p{i}", slow_page(delay, f"Page {i}.\n\n{ARTICLE}"))
            session.add(Source(url=server.url(f"/p{i}")))


def _page_requests(sites: list[HTTPTestServer]) -> Counter[str]:
    return Counter(
        f"{s.base_url}{r.path}" for s in sites for r in s.requests() if r.path.startswith("/p")
    )


def _count(database: Database, model: type, *where: object) -> int:
    with database.read() as session:
        query = select(func.count()).select_from(model)
        for clause in where:
            query = query.where(clause)  # type: ignore[arg-type]
        return int(session.exec(query).one())


def test_two_workers_in_parallel_never_fetch_the_same_source(
    db_url: str, sites: list[HTTPTestServer]
) -> None:
    setup = Database(db_url)
    _add_sources(setup, sites, 24, 0.05)
    setup.dispose()
    results = []

    def worker(name: str) -> None:
        database = Database(db_url)  # an engine of its own, as another process would have
        try:
            policy = replace(FAST, concurrency=3, per_host=1, batch=2)
            results.append(
                run_pass(database, policy=policy, fetch_policy=fetch_policy(), worker=name)
            )
        finally:
            database.dispose()

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    requests = _page_requests(sites)
    assert len(requests) == 24
    assert set(requests.values()) == {1}
    assert sum(r.counts.get("checked", 0) for r in results) == 24
    assert all(r.counts.get("checked", 0) > 0 for r in results)  # both did some work
    check = Database(db_url)
    assert _count(check, Snapshot) == 24
    check.dispose()


WORKER_SCRIPT = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from db.engine import Database
    from sources.refresh import run_pass
    from tests.sources.refresh.conftest import FAST, fetch_policy

    policy = replace(FAST, concurrency=1, per_host=1, lease_s=1.0)
    run_pass(Database(sys.argv[1]), policy=policy, fetch_policy=fetch_policy(), worker="doomed")
    """
)


def test_a_worker_killed_mid_pass_leaves_nothing_partial_and_another_finishes(
    database: Database, sites: list[HTTPTestServer], tmp_path: Path
) -> None:
    _add_sources(database, sites, 10, 0.15)
    script = tmp_path / "worker.py"
    script.write_text(WORKER_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    doomed = subprocess.Popen([sys.executable, str(script), database.url], env=env, cwd=ROOT)
    try:
        while sum(_page_requests(sites).values()) < 4 and doomed.poll() is None:
            time.sleep(0.02)
        doomed.send_signal(signal.SIGKILL)
    finally:
        doomed.wait(timeout=10)
    stored_by_doomed = _count(database, Snapshot)
    assert 0 < stored_by_doomed < 10

    time.sleep(1.2)  # the dead worker's leases (1 s) expire
    result = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), worker="rescuer")

    requests = _page_requests(sites)
    assert len(requests) == 10  # every source fetched
    # Only what the dead worker had fetched but not yet stored is fetched again:
    # at most its lease batch (2 at concurrency 1: one check waiting for the
    # writer's commit while the thread fetches the next).
    assert sum(requests.values()) - 10 <= 2
    assert result.counts["checked"] == 10 - stored_by_doomed
    assert _count(database, Snapshot) == 10
    assert _count(database, FetchRecord, FetchRecord.outcome == "stored") == 10
    # No partial snapshot: every snapshot has its body and its fetch record.
    assert _count(database, Body) == 10
    with database.read() as session:
        leased = session.exec(select(Source).where(Source.lease_owner.is_not(None))).all()  # type: ignore[union-attr]
        runs = {run.worker: run.status for run in session.exec(select(RefreshRun)).all()}
    assert leased == []
    # The dead worker's run does not stay "running" for ever.
    assert runs == {"doomed": "aborted", "rescuer": "done"}
