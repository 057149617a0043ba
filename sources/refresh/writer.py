"""One writer thread per pass: every database write of the pass, in batched transactions.

Fifty fetching threads each opening its own write transaction spend their
time queueing for SQLite's single writer lock (``BEGIN IMMEDIATE``) and the
connection pool, and pay a transaction's fixed cost per source. Instead the
threads hand their writes here as jobs; the writer thread takes whatever is
queued (up to ``batch`` jobs), runs them in one transaction, and commits once.

Atomicity: a job's rows (a snapshot, its fetch record, the claims it flags)
are committed together or not at all, since a batch commits whole or not at
all. When a job raises, the batch is rolled back and each of its jobs runs
again alone, in its own transaction: the others commit, the failing one
hands its exception to its future, or, when it was submitted with a
``recover`` function, that function runs in a transaction of its own and
its value is the job's result (the refresh job records the failure as the
source's, so one source never stops a pass). Jobs therefore read what they need from
the database, never from an earlier attempt. A process killed mid-batch
commits nothing of that batch: it leaves no partial snapshot, only leases
that expire.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlmodel import Session

from db.engine import Database

T = TypeVar("T")
Job = Callable[[Session], T]


Recover = Callable[[Session, Exception], T]


@dataclass
class _Queued:
    job: Callable[[Session], Any]
    recover: Callable[[Session, Exception], Any] | None = None
    future: Future[Any] = field(default_factory=Future)


_STOP = object()


class Writer:
    """A thread that runs write jobs in batched transactions, in the order submitted."""

    def __init__(
        self,
        database: Database,
        *,
        batch: int,
        prepare: Callable[[Session, list[Callable[[Session], Any]]], None] | None = None,
        finish: Callable[[Session], None] | None = None,
    ) -> None:
        if batch < 1:
            raise ValueError("Writer batch must be at least 1")
        self.database = database
        self.batch = batch
        self.prepare = prepare
        """Called first in each transaction with the batch's jobs (to load what
        they will need in a few queries rather than a few per job)."""
        self.finish = finish
        """Called last in each transaction, before the commit (to write what
        the jobs left for the whole batch)."""
        self.transactions = 0
        """Transactions committed so far (for benchmarks)."""
        self._queue: queue.SimpleQueue[_Queued | object] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="refresh-writer", daemon=True)
        self._closed = False

    def start(self) -> Writer:
        self._thread.start()
        return self

    def __enter__(self) -> Writer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def submit(self, job: Job[T], recover: Recover[T] | None = None) -> Future[T]:
        """Queue ``job``; its future holds what it returned once the batch committed.

        If ``job`` raises on its own, ``recover(session, error)`` runs in a new
        transaction and its value is the result (its own exception, if any,
        goes to the future).
        """
        if self._closed:
            raise RuntimeError("the refresh writer is closed")
        queued = _Queued(job, recover)
        self._queue.put(queued)
        return queued.future

    def run(self, job: Job[T]) -> T:
        """Run ``job`` in the writer and wait for its committed result."""
        return self.submit(job).result()

    def close(self) -> None:
        """Write what is queued, then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            jobs: list[_Queued] = []
            item = self._queue.get()
            while True:
                if item is _STOP:
                    stopping = True
                    break
                assert isinstance(item, _Queued)
                jobs.append(item)
                if len(jobs) >= self.batch:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if jobs:
                self._write(jobs)

    def _write(self, jobs: list[_Queued]) -> None:
        try:
            values = self._transaction(jobs)
        except Exception as exc:  # find which job failed: each alone
            if len(jobs) == 1:
                self._recover(jobs[0], exc)
                return
            for queued in jobs:
                self._write([queued])
            return
        except BaseException as exc:
            for queued in jobs:
                self._fail(queued, exc)
            raise
        self.transactions += 1
        for queued, value in zip(jobs, values, strict=True):
            queued.future.set_result(value)

    def _transaction(self, jobs: list[_Queued]) -> list[Any]:
        with self.database.write() as session:
            if self.prepare is not None:
                self.prepare(session, [queued.job for queued in jobs])
            values = [queued.job(session) for queued in jobs]
            if self.finish is not None:
                self.finish(session)
            return values

    def _recover(self, queued: _Queued, error: Exception) -> None:
        if queued.recover is None:
            self._fail(queued, error)
            return
        try:
            with self.database.write() as session:
                value = queued.recover(session, error)
        except Exception as failure:
            failure.__context__ = error  # the traceback shows both
            self._fail(queued, failure)
            return
        except BaseException as failure:
            self._fail(queued, failure)
            raise
        self.transactions += 1
        queued.future.set_result(value)

    @staticmethod
    def _fail(queued: _Queued, error: BaseException) -> None:
        queued.future.set_exception(error)
