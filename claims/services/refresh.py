"""The refresh job with claims: a pass of :mod:`sources.refresh` whose new
snapshots are re-checked against the claims and evidence they carry.

When a refreshed source is an article claims came from, its new snapshot
re-anchors those claims' sentences and flags the ones that changed or
vanished (:func:`claims.review.recheck.recheck_snapshot`). Claims are NOT extracted
from the new snapshot: its unchanged sentences would come back as duplicates
of claims already in the queue, and a corrected article's new sentences are
a reviewer's call, made by re-ingesting it (``factdesk ingest URL``) once
the flagged claims have been looked at. The refresh flags; it never adds
work to the queue on its own, except from watched feeds (claims.services.watching).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from claims.review.recheck import flagged_claims, recheck_snapshot
from claims.services.watching import ingest_pending
from db.engine import Database
from db.models import Snapshot, Source
from sources.fetching import FetchPolicy
from sources.refresh import (
    PassResult,
    Progress,
    RefreshPolicy,
    ScopeKind,
    SnapshotView,
    SourceDetail,
    SourceStatus,
    explicit_sources,
    history,
    local_sources,
    next_due,
    run_json,
    run_pass,
    scope_size_in,
    source_detail,
    source_snapshots,
    source_statuses,
)
from sources.watching.entries import record_watch_entries
from sources.watching.watches import feed_policy


def on_new_snapshot(session: Session, source: Source, old: Snapshot, new: Snapshot) -> int:
    """The hook :func:`run_pass` calls in the storing transaction; returns claims flagged."""
    record_watch_entries(session, source, new)  # a watched feed's new entries wait for ingest
    return flagged_claims(recheck_snapshot(session, source, old, new))


def refresh(
    database: Database,
    *,
    policy: RefreshPolicy,
    fetch_policy: FetchPolicy,
    scope: ScopeKind | str = ScopeKind.DUE,
    source_ids: Sequence[int] = (),
    worker: str | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> PassResult:
    """One refresh pass that flags claims whose evidence or article changed."""
    result = run_pass(
        database,
        policy=policy,
        fetch_policy=feed_policy(fetch_policy),
        scope=scope,
        source_ids=source_ids,
        on_new_snapshot=on_new_snapshot,
        worker=worker,
        progress=progress,
        stop=stop,
    )
    if not (stop and stop.is_set()):  # then the articles watched feeds listed
        ingest_pending(database, policy=fetch_policy, worker=worker, stop=stop)
    return result


# What the CLI and the TUI read about the refresh job, one read transaction each.


def sources_to_refresh(database: Database, keys: Sequence[str], *, force: bool) -> list[int]:
    """Ids of the sources ``keys`` names for a refresh now (see ``explicit_sources``)."""
    with database.read() as session:
        return explicit_sources(session, keys, force=force)


def run_history(database: Database, limit: int = 20) -> list[dict[str, Any]]:
    """The latest refresh runs, newest first, as JSON-able records."""
    with database.read() as session:
        return [run_json(run) for run in history(session, limit)]


def next_due_at(database: Database) -> datetime | None:
    """When the next source falls due (None: nothing to refresh at all)."""
    with database.read() as session:
        return next_due(session)


def sources_status(database: Database, *, failing: bool = False) -> list[SourceStatus]:
    """Every source's health and failure reason (``failing``: those needing a human)."""
    with database.read() as session:
        return source_statuses(session, failing=failing)


def source_report(database: Database, key: str, *, limit: int = 50) -> SourceDetail:
    """One source (id or URL) with its fetch history, newest first."""
    with database.read() as session:
        return source_detail(session, key, limit=limit)


def snapshots_of(database: Database, source_id: int) -> list[SnapshotView]:
    """A source's snapshots, newest first, with their texts."""
    with database.read() as session:
        return source_snapshots(session, source_id)


def scope_size(database: Database, scope: ScopeKind, source_ids: Sequence[int] = ()) -> int:
    """How many sources a pass of ``scope`` would check now (for its progress)."""
    with database.read() as session:
        return scope_size_in(session, scope, source_ids)


def local_source_count(database: Database) -> int:
    """How many sources are local (file, stdin): never refreshed."""
    with database.read() as session:
        return local_sources(session)
