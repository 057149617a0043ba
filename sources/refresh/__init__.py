"""The refresh job: re-fetch due sources politely, record health, hand new snapshots on.

    run_pass(database, policy=RefreshPolicy(), fetch_policy=..., on_new_snapshot=...,
             progress=lambda url, kind: ...) -> PassResult
    pause(session, key) / resume(...) / override_robots(...)
    explicit_sources(session, keys, force=False) -> ids   (SourcePaused unless forced,
                                                            SourceIsLocal always)
    history(session, limit) -> list[RefreshRun];  run_json(run) -> dict (COUNTERS)
    next_due(session) -> datetime | None
    source_statuses(session, failing=False) / source_detail(session, key)
    / source_snapshots(session, source_id)         what ``sources`` and the TUI show

States are enums (``states``): Health, CheckKind, AppliedKind, ScopeKind,
RunStatus; their values are what the database holds. Local sources (file,
stdin; :func:`sources.urls.is_local`) are never leased, never due.

Modules: ``config`` (RefreshPolicy), ``schedule`` (intervals, jitter, backoff,
health), ``leases`` (who may fetch which source now), ``politeness``
(per-site gates, Retry-After), ``robots`` (robots.txt with Protego),
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
from sources.refresh.errors import (
    PassFailed,
    RefreshError,
    SourceIsLocal,
    SourceNotFound,
    SourcePaused,
)
from sources.refresh.runs import (
    COUNTERS,
    history,
    local_sources,
    next_due,
    run_json,
    scope_size_in,
)
from sources.refresh.states import AppliedKind, CheckKind, Health, RunStatus, ScopeKind
from sources.refresh.status import (
    FetchEntry,
    SnapshotView,
    SourceDetail,
    SourceStatus,
    source_detail,
    source_snapshots,
    source_statuses,
)
from sources.refresh.worker import PassResult, Progress, run_pass

__all__ = [
    "COUNTERS",
    "AppliedKind",
    "CheckKind",
    "FetchEntry",
    "Health",
    "NewSnapshotHook",
    "PassFailed",
    "PassResult",
    "Progress",
    "RefreshError",
    "RefreshPolicy",
    "RunStatus",
    "ScopeKind",
    "SnapshotView",
    "SourceDetail",
    "SourceIsLocal",
    "SourceNotFound",
    "SourcePaused",
    "SourceStatus",
    "explicit_sources",
    "find_source",
    "history",
    "local_sources",
    "next_due",
    "override_robots",
    "pause",
    "resume",
    "run_json",
    "run_pass",
    "scope_size_in",
    "source_detail",
    "source_snapshots",
    "source_statuses",
]
