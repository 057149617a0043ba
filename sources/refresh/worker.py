"""A refresh pass: lease due sources in batches, check them on a thread pool, store them.

Concurrency is threads: fetching is I/O and httpx clients are thread-safe.
One source never ends a pass: a check or a store that raises is recorded as
that source's failure (fetch record, health, backoff) and the pass goes on;
only a database that cannot be written ends it (run "aborted"). Setting
``stop`` (SIGTERM, SIGINT) ends it within seconds: checks under way give up
their fetch, what was finished is stored, and the run is "interrupted".

The fetching threads never write: they hand each check's outcome to the
pass's single writer thread (:mod:`sources.refresh.writer`), which stores
many sources per transaction, and also takes and renews the leases. The
main thread leases sources as slots free up, so a pass never holds more
leases than it can work on soon (``RefreshPolicy.lease_batch``), and other
workers share the rest.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from db.engine import Database
from db.models import RefreshRun
from sources.extraction.language import detect_language
from sources.fetching import FetchPolicy
from sources.ingest import worker_name
from sources.refresh.apply import Applied, NewSnapshotHook, StoreJob, prefetch
from sources.refresh.check import Outcome, Task, check
from sources.refresh.config import RefreshPolicy
from sources.refresh.errors import PassFailed
from sources.refresh.leases import Scope, needs_renewal, release_all, renew, take
from sources.refresh.runs import save_run, start_run
from sources.refresh.sites import Sites
from sources.refresh.states import AppliedKind, CheckKind, RunStatus, ScopeKind
from sources.refresh.storing import write_pending
from sources.refresh.writer import Writer
from sources.urls import origin

Progress = Callable[[str, AppliedKind], None]
"""``progress(url, kind)``: called once per source checked (or given back), in the
pass's thread, as the pass settles it."""
_Done = tuple[Task, Applied | BaseException]


@dataclass
class PassResult:
    run: RefreshRun
    counts: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    """Checks whose lease another worker took meanwhile (nothing stored)."""
    transactions: int = 0
    """Write transactions the pass committed (leases and stores, batched)."""
    crawl_delays: dict[str, float] = field(default_factory=dict)
    """Sites (origins) whose robots.txt asked for a Crawl-delay over the policy's cap,
    and what they asked for (they were given the cap)."""

    @property
    def interrupted(self) -> bool:
        return self.run.status == RunStatus.INTERRUPTED


def _count(counts: dict[str, int], applied: Applied) -> None:
    if applied.kind in (AppliedKind.LOST, AppliedKind.RELEASED):
        return
    counts["checked"] = counts.get("checked", 0) + 1
    counts[applied.kind.value] = counts.get(applied.kind.value, 0) + 1
    for flag in ("moved", "gone"):
        if getattr(applied, flag):
            counts[flag] = counts.get(flag, 0) + 1
    counts["flagged_claims"] = counts.get("flagged_claims", 0) + applied.flagged


def _warm_up() -> None:
    # The language model loads on first use; fifty threads meeting it at once
    # would each load it (seconds of CPU). Load it once, here.
    detect_language("Le registre national recense les coopératives actives.")


class _Pass:
    """The moving parts of one pass: sites, writer, thread pool, and what came back."""

    def __init__(
        self,
        database: Database,
        *,
        owner: str,
        policy: RefreshPolicy,
        fetch_policy: FetchPolicy,
        hook: NewSnapshotHook | None,
        stop: threading.Event,
    ) -> None:
        self.owner = owner
        self.policy = policy
        self.hook = hook
        self.stop = stop
        self.sites = Sites(policy, fetch_policy)
        self.writer = Writer(
            database, batch=policy.write_batch, prepare=prefetch, finish=write_pending
        )
        self.done: queue.SimpleQueue[_Done] = queue.SimpleQueue()

    def take(self, scope: Scope, limit: int) -> list[Task]:
        policy, owner = self.policy, self.owner

        def job(session: Session) -> list[Task]:
            now = datetime.now(UTC)
            return take(
                session, owner=owner, scope=scope, now=now, lease_s=policy.lease_s, limit=limit
            )

        return self.writer.run(job)

    def work(self, task: Task) -> None:
        """Worker thread: renew the lease if need be, check, hand the outcome to the writer."""
        try:
            if needs_renewal(task, self.policy.lease_s):
                renewed = self.writer.run(
                    lambda session: renew(
                        session, task, owner=self.owner, lease_s=self.policy.lease_s
                    )
                )
                if renewed is None:
                    self.done.put((task, Applied(AppliedKind.LOST)))
                    return
                task = renewed
            outcome = self._check(task)
            self._store(task, outcome)
        except BaseException as exc:  # re-raised by the main thread
            self.done.put((task, exc))

    def _check(self, task: Task) -> Outcome:
        started = datetime.now(UTC)
        try:
            return check(task, self.sites, self.stop)
        except Exception as exc:  # a page no rule foresaw: the source's failure
            return Outcome(
                CheckKind.FAILED,
                started,
                message=(
                    f"{task.url}: the check failed ({type(exc).__name__}: {exc}); "
                    "factdesk failed here, not the site: please report it"
                ),
            )

    def _store(self, task: Task, outcome: Outcome) -> None:
        job = StoreJob(task, outcome, self.owner, self.policy, self.hook)

        def stored(future: Future[Applied]) -> None:
            error = future.exception()
            self.done.put((task, error if error is not None else future.result()))

        self.writer.submit(job, recover=job.recover).add_done_callback(stored)

    def close(self) -> None:
        self.writer.close()
        self.sites.close()


def run_pass(
    database: Database,
    *,
    policy: RefreshPolicy,
    fetch_policy: FetchPolicy,
    scope: ScopeKind | str = ScopeKind.DUE,
    source_ids: Sequence[int] = (),
    on_new_snapshot: NewSnapshotHook | None = None,
    worker: str | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> PassResult:
    """One pass over the sources of ``scope`` (due, all, or ``source_ids``).

    Sources that fail are recorded and counted, not raised; PassFailed means
    the pass itself could not run (the database failed). Runs of workers
    whose leases have all expired are marked aborted first. When ``stop`` is
    set during the pass, it ends within seconds with the run "interrupted"
    (sources not checked keep their place in the queue).
    """
    owner = worker or worker_name("refresh")
    stop = stop or threading.Event()
    try:
        run = start_run(database, worker=owner, scope=scope, stale_after_s=policy.lease_s)
    except SQLAlchemyError as exc:
        raise PassFailed(
            f"{database.url}: the refresh pass could not start ({type(exc).__name__}); "
            "check the database is reachable and upgraded (`factdesk db upgrade`)"
        ) from exc
    assert run.id is not None
    _warm_up()
    kind = ScopeKind.SOURCE if source_ids else ScopeKind(scope)
    lease_scope = Scope(kind=kind, since=run.started_at, source_ids=tuple(source_ids))
    counts: dict[str, int] = {}
    result = PassResult(run, counts)
    state = _Pass(
        database,
        owner=owner,
        policy=policy,
        fetch_policy=fetch_policy,
        hook=on_new_snapshot,
        stop=stop,
    )

    def settle(task: Task, applied: Applied | BaseException) -> None:
        if isinstance(applied, BaseException):
            raise applied
        if applied.kind == AppliedKind.LOST:
            result.lost += 1
        if applied.crawl_delay_asked is not None:
            result.crawl_delays[origin(task.url)] = applied.crawl_delay_asked
        _count(counts, applied)
        if progress is not None:
            progress(task.url, applied.kind)

    state.writer.start()
    try:
        pool = ThreadPoolExecutor(policy.concurrency, thread_name_prefix="refresh")
        try:
            in_flight = 0
            exhausted = False
            while not stop.is_set():
                room = policy.lease_batch - in_flight
                if not exhausted and room >= max(1, policy.concurrency // 2):
                    batch = state.take(lease_scope, room)
                    exhausted = len(batch) < room
                    for task in batch:
                        pool.submit(state.work, task)
                    in_flight += len(batch)
                if not in_flight:
                    break
                try:
                    finished = [state.done.get(timeout=1.0)]
                except queue.Empty:
                    continue
                while True:
                    try:
                        finished.append(state.done.get_nowait())
                    except queue.Empty:
                        break
                for task, applied in finished:
                    in_flight -= 1
                    settle(task, applied)
                if exhausted and not in_flight:
                    # Leases of other workers may have expired meanwhile: look once more.
                    exhausted = False
        except BaseException:
            stop.set()
            raise
        finally:
            # Checks under way end quickly once stop is set; their outcomes are
            # still stored (a "stopped" one only gives its lease back).
            pool.shutdown(wait=True, cancel_futures=stop.is_set())
            state.close()
        if stop.is_set():
            release_all(database, owner)  # the leases of checks never started
        while True:
            try:
                settle(*state.done.get_nowait())
            except queue.Empty:
                break
    except BaseException:
        stop.set()
        state.close()
        release_all(database, owner)
        save_run(database, run.id, counts, status=RunStatus.ABORTED)
        raise
    result.transactions = state.writer.transactions
    result.run = save_run(
        database,
        run.id,
        counts,
        status=RunStatus.INTERRUPTED if stop.is_set() else RunStatus.DONE,
    )
    return result
