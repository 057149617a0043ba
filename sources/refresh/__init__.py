"""The refresh job: re-fetch due sources politely, record health, hand new snapshots on.

    run_pass(database, policy=RefreshPolicy(), fetch_policy=..., on_new_snapshot=...) -> PassResult
    pause(session, key) / resume(...) / override_robots(...)
    explicit_sources(session, keys, force=False) -> ids   (SourcePaused unless forced)
    history(session, limit) -> list[RefreshRun]
    next_due(session) -> datetime | None

Modules: ``config`` (RefreshPolicy), ``schedule`` (intervals, jitter, backoff,
health), ``leases`` (who may fetch which source now), ``politeness``
(per-host gates, Retry-After), ``robots`` (robots.txt with Protego),
``check`` (one conditional fetch with retries, no database), ``apply``
(storing a check's outcome), ``storing`` (a fetched page's rows),
``writer`` (the pass's one writer thread, batched transactions), ``runs``
(run records, dead workers' runs aborted), ``worker`` (a pass).
This package never imports ``claims``: the claim-aware re-check is handed in
as the ``on_new_snapshot`` hook, called inside the transaction that stores
the new snapshot.
"""

from sources.refresh.apply import NewSnapshotHook
from sources.refresh.config import RefreshPolicy
from sources.refresh.control import (
    explicit_sources,
    find_source,
    override_robots,
    pause,
    resume,
)
from sources.refresh.errors import PassFailed, RefreshError, SourceNotFound, SourcePaused
from sources.refresh.runs import history, next_due
from sources.refresh.worker import PassResult, run_pass

__all__ = [
    "NewSnapshotHook",
    "PassFailed",
    "PassResult",
    "RefreshError",
    "RefreshPolicy",
    "SourceNotFound",
    "SourcePaused",
    "explicit_sources",
    "find_source",
    "history",
    "next_due",
    "override_robots",
    "pause",
    "resume",
    "run_pass",
]
