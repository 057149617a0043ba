"""A refresh pass: lease due sources in batches, check them on a thread pool, store each.

Concurrency is threads: fetching is I/O, httpx clients are thread-safe, and
each store is one short write transaction. The main thread leases sources as
slots free up, so a pass never holds more leases than it can work on soon
(``RefreshPolicy.lease_batch``), and other workers share the rest.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError

from db.engine import Database
from db.errors import FactdeskError
from db.models import RefreshRun
from sources.fetching import FetchPolicy
from sources.ingest import worker_name
from sources.refresh.apply import Applied, NewSnapshotHook, apply, apply_refused
from sources.refresh.check import Task, check
from sources.refresh.config import RefreshPolicy
from sources.refresh.errors import PassFailed
from sources.refresh.leases import Scope, release_all, renew, take
from sources.refresh.runs import save_run, start_run
from sources.refresh.sites import Sites

Progress = Callable[[Task, Applied], None]


@dataclass
class PassResult:
    run: RefreshRun
    counts: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    """Checks whose lease another worker took meanwhile (nothing stored)."""


def _count(counts: dict[str, int], applied: Applied) -> None:
    if applied.kind in ("lost", "released"):
        return
    counts["checked"] = counts.get("checked", 0) + 1
    counts[applied.kind] = counts.get(applied.kind, 0) + 1
    for flag in ("moved", "gone"):
        if getattr(applied, flag):
            counts[flag] = counts.get(flag, 0) + 1
    counts["flagged_claims"] = counts.get("flagged_claims", 0) + applied.flagged


def run_pass(
    database: Database,
    *,
    policy: RefreshPolicy,
    fetch_policy: FetchPolicy,
    scope: str = "due",
    source_ids: Sequence[int] = (),
    on_new_snapshot: NewSnapshotHook | None = None,
    worker: str | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> PassResult:
    """One pass over the sources of ``scope`` (due, all, or ``source_ids``).

    Sources that fail are recorded and counted, not raised; PassFailed means
    the pass itself could not run (the database failed).
    """
    owner = worker or worker_name("refresh")
    stop = stop or threading.Event()
    try:
        run = start_run(database, worker=owner, scope=scope)
    except SQLAlchemyError as exc:
        raise PassFailed(
            f"{database.url}: the refresh pass could not start ({type(exc).__name__}); "
            "check the database is reachable and upgraded (`factdesk db upgrade`)"
        ) from exc
    assert run.id is not None
    kind = "source" if source_ids else scope
    lease_scope = Scope(kind=kind, since=run.started_at, source_ids=tuple(source_ids))
    counts: dict[str, int] = {}
    result = PassResult(run, counts)
    sites = Sites(policy, fetch_policy)

    def work(task: Task) -> Applied:
        renewed = renew(database, task, owner=owner, lease_s=policy.lease_s)
        if renewed is None:
            return Applied("lost")
        outcome = check(renewed, sites, stop)
        try:
            return apply(database, task, outcome, owner=owner, policy=policy, hook=on_new_snapshot)
        except FactdeskError as exc:
            # The store was refused (a claim changed under the re-check, say): the
            # transaction rolled back; record why and try again after a backoff.
            return apply_refused(database, task, str(exc), owner=owner, policy=policy)

    try:
        with ThreadPoolExecutor(policy.concurrency, thread_name_prefix="refresh") as pool:
            running: dict[Future[Applied], Task] = {}
            exhausted = False
            while not stop.is_set():
                room = policy.lease_batch - len(running)
                if not exhausted and room >= max(1, policy.concurrency // 2):
                    batch = take(
                        database,
                        owner=owner,
                        scope=lease_scope,
                        now=datetime.now(UTC),
                        lease_s=policy.lease_s,
                        limit=room,
                    )
                    exhausted = len(batch) < room
                    for task in batch:
                        running[pool.submit(work, task)] = task
                if not running:
                    break
                done, _ = wait(running, timeout=1.0, return_when=FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    applied = future.result()
                    if applied.kind == "lost":
                        result.lost += 1
                    _count(counts, applied)
                    if progress is not None:
                        progress(task, applied)
                if exhausted and not running:
                    # Leases of other workers may have expired meanwhile: look once more.
                    exhausted = False
    except BaseException:
        stop.set()
        release_all(database, owner)
        save_run(database, run.id, counts, status="aborted")
        raise
    finally:
        sites.close()
    result.run = save_run(database, run.id, counts)
    return result
