"""The refresh job: re-fetch due sources politely, record health, hand new snapshots on.

    run_pass(database, policy=RefreshPolicy(), fetch_policy=..., on_new_snapshot=...) -> PassResult
    pause(session, source_id, ...) / resume(...) / override_robots(...)
    history(session, limit) -> list[RefreshRun]
    next_due(session) -> datetime | None

Modules: ``config`` (RefreshPolicy), ``schedule`` (intervals, jitter, backoff,
health), ``leases`` (who may fetch which source now), ``politeness``
(per-host gates, Retry-After), ``robots`` (robots.txt with Protego),
``check`` (one conditional fetch with retries, no database), ``apply``
(storing a check's outcome), ``runs`` (run records), ``worker`` (a pass).
This package never imports ``claims``: the claim-aware re-check is handed in
as the ``on_new_snapshot`` hook, called inside the transaction that stores
the new snapshot.
"""

from sources.refresh.apply import NewSnapshotHook
from sources.refresh.config import RefreshPolicy
from sources.refresh.control import find_source, override_robots, pause, resume
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
    "find_source",
    "history",
    "next_due",
    "override_robots",
    "pause",
    "resume",
    "run_pass",
]
