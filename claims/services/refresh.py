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

from sqlmodel import Session

from claims.review.recheck import flagged_claims, recheck_snapshot
from claims.services.watching import ingest_pending
from db.engine import Database
from db.models import Snapshot, Source
from sources.fetching import FetchPolicy
from sources.refresh import PassResult, RefreshPolicy, run_pass
from sources.refresh.worker import Progress
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
    scope: str = "due",
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
