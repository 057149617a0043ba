"""Storing a check's outcome: fetch record, snapshot, health, next check, lease release.

Sources are stored in the batch transactions of the pass's writer
(:mod:`sources.refresh.writer`), which commit whole or not at all. The
source rows of a batch are read FOR UPDATE (a no-op on SQLite, where the
write transaction already excludes other writers) and each lease is checked
first: a worker whose lease expired and was taken by another stores nothing,
so no source gets two snapshots from one pass. The new-snapshot hook runs in
a savepoint with the snapshot it is about: a snapshot is stored with what it
implies for claims, or not at all (then the refusal is recorded instead).

Health after a check:

    304, or 200 with the same article      ok      (moved if the first hop was 301/308)
    200 with a changed article             changed (moved if the first hop was 301/308)
    404/410 on ``gone_after`` checks in a row   gone    (checked again each interval)
    any other failure (the first one too)  failing (next check after an exponential backoff)
    robots.txt unreadable (5xx, down)      robots_down (its own backoff; RFC 9309: try
                                           again later; never "blocked")
    robots.txt disallows the address       blocked (counted so too; next check at its
                                           interval: nothing failed, so no backoff)
    a store that raised                    failing, with the error as the reason
    a store the re-check refused           health kept (the site answered), retried later
    paused                                 stays paused whatever the answer

Local sources (file, stdin) are never leased (:mod:`sources.refresh.leases`),
so nothing here ever sees one. Every row goes through the snapshot store's
helpers (:func:`sources.snapshots.record_failure`, ``fetch_record``,
``hop_records``): refresh and ingest write the same records the same way.

A Retry-After is obeyed up to the policy's longest backoff; a longer one is
cut to it, and the fetch record says what the site asked for. A Crawl-delay
over the policy's cap is kept on the source (``crawl_delay_asked``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import func
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from db.bodies import sha256_hex
from db.errors import FactdeskError
from db.models import Snapshot, Source
from sources.errors import FetchError, HTTPStatusError
from sources.refresh.check import Outcome, Task
from sources.refresh.config import RefreshPolicy
from sources.refresh.normalise import normalised_hash
from sources.refresh.schedule import after_failure, after_robots_unavailable, next_check
from sources.refresh.states import AppliedKind, CheckKind, Health
from sources.refresh.storing import store_page, write_pending
from sources.snapshots import Fetched, fetch_record, hop_records, record_failure

NewSnapshotHook = Callable[[Session, Source, Snapshot, Snapshot], int]
"""``on_new_snapshot(session, source, old_snapshot, new_snapshot) -> claims flagged``,
called inside the storing transaction whenever a source gets a new snapshot."""

GONE_STATUSES = frozenset({404, 410})
_PREFETCHED = "factdesk.refresh.prefetched"
_LOCKED = "factdesk.refresh.locked"
"""``session.info`` keys: what :func:`prefetch` loaded for this transaction."""


@dataclass(frozen=True)
class Applied:
    """What a check came to once stored."""

    kind: AppliedKind
    moved: bool = False
    gone: bool = False
    flagged: int = 0
    crawl_delay_asked: float | None = None
    """The Crawl-delay the source's robots.txt asked for, when over the cap."""


def _release(source: Source) -> None:
    source.lease_owner = None
    source.lease_expires_at = None


@dataclass(frozen=True)
class StoreJob:
    """The writer's job for one check: :func:`apply` its outcome in the batch transaction."""

    task: Task
    outcome: Outcome
    owner: str
    policy: RefreshPolicy
    hook: NewSnapshotHook | None

    def __call__(self, session: Session) -> Applied:
        return apply(
            session, self.task, self.outcome, owner=self.owner, policy=self.policy, hook=self.hook
        )

    def recover(self, session: Session, error: Exception) -> Applied:
        """Storing raised ``error`` (and was rolled back): record that as the
        source's failure, in a transaction of its own, so the pass goes on."""
        return store_failed(
            session, self.task, self.outcome, error, owner=self.owner, policy=self.policy
        )


def prefetch(session: Session, jobs: Sequence[object]) -> None:
    """Load, in two queries, what the batch's store jobs need: their sources
    (locked) and the keys of each one's latest snapshot.

    Without it each job makes those two queries itself, and each query first
    flushes the jobs before it one row at a time; with it the batch's inserts
    and updates go out together at commit.
    """
    ids = sorted({job.task.source_id for job in jobs if isinstance(job, StoreJob)})
    if not ids:
        return
    sources = session.exec(select(Source).where(col(Source.id).in_(ids)).with_for_update()).all()
    latest = (
        select_columns(
            col(Snapshot.source_id),
            col(Snapshot.id),
            col(Snapshot.body_sha256),
            col(Snapshot.text_sha256),
            func.row_number()
            .over(
                partition_by=col(Snapshot.source_id),
                order_by=(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc()),
            )
            .label("rank"),
        )
        .where(col(Snapshot.source_id).in_(ids))
        .subquery()
    )
    rows = session.execute(
        select_columns(
            latest.c.source_id, latest.c.id, latest.c.body_sha256, latest.c.text_sha256
        ).where(latest.c.rank == 1)
    ).all()
    found: dict[int, _Latest | None] = dict.fromkeys(ids)
    for source_id, snapshot_id, body_sha256, text_sha256 in rows:
        found[source_id] = _Latest(snapshot_id, body_sha256, text_sha256)
    session.info[_PREFETCHED] = found
    # The identity map holds its objects weakly: keep them for the jobs.
    session.info[_LOCKED] = {source.id: source for source in sources}


def _leased_source(session: Session, task: Task, owner: str) -> Source | None:
    """The task's source, locked, if ``owner`` still holds its lease."""
    locked: dict[int, Source] = session.info.get(_LOCKED, {})
    source = session.get(Source, task.source_id) if task.source_id in locked else None
    if source is None:
        source = session.exec(
            select(Source).where(Source.id == task.source_id).with_for_update()
        ).one()
    return source if source.lease_owner == owner else None


def apply(
    session: Session,
    task: Task,
    outcome: Outcome,
    *,
    owner: str,
    policy: RefreshPolicy,
    hook: NewSnapshotHook | None,
) -> Applied:
    """Store ``outcome`` in the caller's write transaction; release the lease."""
    now = datetime.now(UTC)
    source = _leased_source(session, task, owner)
    if source is None:
        return Applied(AppliedKind.LOST)
    _release(source)
    paused = source.health == Health.PAUSED
    if outcome.kind == CheckKind.STOPPED:
        session.add(source)
        return Applied(AppliedKind.RELEASED)
    if outcome.kind == CheckKind.BLOCKED:
        applied = _blocked(session, source, outcome, owner)
        source.next_check_at = next_check(now, source.check_interval_s, policy)
    elif outcome.kind == CheckKind.ROBOTS_UNAVAILABLE:
        applied = _robots_unavailable(session, source, outcome, owner, policy, now)
    elif outcome.kind == CheckKind.FAILED:
        applied = _failed(session, source, outcome, owner, policy, now)
    elif outcome.kind == CheckKind.NOT_MODIFIED:
        applied = _not_modified(session, source, outcome, owner)
        source.next_check_at = next_check(now, source.check_interval_s, policy)
    else:
        applied = _fetched(session, source, outcome, owner, policy, hook, now)
    if paused:
        source.health = Health.PAUSED
    if outcome.robots_read:
        source.crawl_delay_asked = outcome.crawl_delay_asked
    session.add(source)
    return replace(applied, crawl_delay_asked=outcome.crawl_delay_asked)


def _blocked(session: Session, source: Source, outcome: Outcome, owner: str) -> Applied:
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=outcome.started_at,
        elapsed_ms=0,
        error=outcome.message or "robots.txt forbids this address",
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    # Not "ok": a page nobody may fetch is not being checked, and a person has to
    # decide (ask the site, or override on record). Not a failure either: robots.txt
    # was read (so "robots down" ends) and there is nothing to back off from.
    source.health = Health.BLOCKED
    source.consecutive_failures = 0
    return Applied(AppliedKind.BLOCKED)


def _robots_unavailable(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    policy: RefreshPolicy,
    now: datetime,
) -> Applied:
    """The site's robots.txt could not be read: nothing was fetched; try again
    after the robots backoff. Not a 404 (so ``consecutive_gone`` is kept)."""
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=outcome.started_at,
        elapsed_ms=0,
        error=str(outcome.error) if outcome.error else "robots.txt could not be read",
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    source.consecutive_failures += 1
    source.health = Health.ROBOTS_DOWN
    source.next_check_at = after_robots_unavailable(now, source.consecutive_failures, policy)
    return Applied(AppliedKind.ROBOTS_UNAVAILABLE)


def _failed(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    policy: RefreshPolicy,
    now: datetime,
) -> Applied:
    error = outcome.error
    attempt = error.attempt if isinstance(error, FetchError) else None
    if attempt is None and outcome.result is not None:
        attempt = outcome.result.attempt
    reason = str(error) if error is not None else (outcome.message or "the check failed")
    asked = outcome.retry_after
    if asked is not None and asked > policy.backoff_max:
        reason += (
            f" (its Retry-After asked for {asked:g} s; capped at {policy.backoff_max:g} s, "
            "the longest backoff)"
        )
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=attempt.started_at if attempt else outcome.started_at,
        elapsed_ms=attempt.elapsed_ms if attempt else 0,
        error=reason,
        final_url=attempt.final_url if attempt else None,
        http_status=attempt.status if attempt else None,
        redirects=hop_records(attempt.redirects) if attempt else (),
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    source.consecutive_failures += 1
    gone_answer = isinstance(error, HTTPStatusError) and error.status in GONE_STATUSES
    source.consecutive_gone = source.consecutive_gone + 1 if gone_answer else 0
    gone = source.consecutive_gone >= policy.gone_after
    if gone:
        source.health = Health.GONE
        # A gone page is still looked at, at its normal pace: pages come back.
        source.next_check_at = next_check(now, source.check_interval_s, policy)
    else:
        source.health = Health.FAILING
        source.next_check_at = after_failure(
            now, source.consecutive_failures, source.check_interval_s, policy, outcome.retry_after
        )
    return Applied(AppliedKind.FAILED, gone=gone)


@dataclass(frozen=True)
class _Latest:
    id: int
    body_sha256: str
    text_sha256: str


def _latest(session: Session, source_id: int) -> _Latest | None:
    """Keys and hashes of the source's latest snapshot, without loading its text."""
    prefetched: dict[int, _Latest | None] = session.info.get(_PREFETCHED, {})
    if source_id in prefetched:
        # Once: a second store of the same source in this batch must see the first.
        return prefetched.pop(source_id)
    write_pending(session)
    row = session.exec(
        select(col(Snapshot.id), col(Snapshot.body_sha256), col(Snapshot.text_sha256))
        .where(Snapshot.source_id == source_id)
        .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    snapshot_id, body_sha256, text_sha256 = row
    assert snapshot_id is not None
    return _Latest(snapshot_id, body_sha256, text_sha256)


def _ok(source: Source, outcome: Outcome, health: Health) -> bool:
    moved_to = outcome.moved_to
    source.consecutive_failures = 0
    source.consecutive_gone = 0
    source.moved_to = moved_to
    source.health = Health.MOVED if moved_to else health
    return moved_to is not None


def _not_modified(session: Session, source: Source, outcome: Outcome, owner: str) -> Applied:
    result = outcome.result
    assert result is not None
    assert source.id is not None
    attempt = result.attempt
    previous = _latest(session, source.id)
    session.add(
        fetch_record(
            Fetched.from_result(result),
            source.id,
            previous.body_sha256 if previous else None,
            unchanged=True,
            worker=owner,
            snapshot_id=previous.id if previous else None,
            not_modified=True,
        )
    )
    source.last_checked_at = attempt.started_at
    # A 304 may carry fresher validators (RFC 9110 section 15.4.5); keep the old otherwise.
    source.etag = result.etag or source.etag
    source.last_modified = result.last_modified or source.last_modified
    moved = _ok(source, outcome, Health.OK)
    return Applied(AppliedKind.NOT_MODIFIED, moved=moved)


def _fetched(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    policy: RefreshPolicy,
    hook: NewSnapshotHook | None,
    now: datetime,
) -> Applied:
    """Store a fetched page. When the new-snapshot hook is to run, in a savepoint:
    a store it refuses (a claim changed under the re-check, say) is rolled
    back and recorded as a failure, with a retry after a backoff."""
    assert outcome.fetched is not None
    assert source.id is not None
    latest = _latest(session, source.id)
    digest = sha256_hex(outcome.fetched.body)
    if hook is None or latest is None or latest.body_sha256 == digest:
        # The hook will not run: the page's rows can wait for the batch's end.
        applied = _store_page(session, source, outcome, owner, latest, None)
    else:
        write_pending(session)  # the re-check may read other sources' snapshots
        try:
            with session.begin_nested():
                applied = _store_page(session, source, outcome, owner, latest, hook)
        except FactdeskError as exc:
            return _refused(session, source, outcome, str(exc), owner, policy, now)
    source.next_check_at = next_check(now, source.check_interval_s, policy)
    return applied


def _store_page(
    session: Session,
    source: Source,
    outcome: Outcome,
    owner: str,
    latest: _Latest | None,
    hook: NewSnapshotHook | None,
) -> Applied:
    assert outcome.fetched is not None
    assert outcome.decoded is not None
    assert outcome.article is not None
    stored = store_page(
        session,
        source,
        latest=(latest.id, latest.body_sha256) if latest is not None else None,
        fetched=outcome.fetched,
        decoded=outcome.decoded,
        article=outcome.article,
        worker=owner,
        defer=hook is None,
    )
    flagged = 0
    changed = latest is None
    if latest is not None and not stored.unchanged:
        changed = latest.text_sha256 != stored.text_sha256
        if changed or hook is not None:
            # Only a body that changed needs the old snapshot (text and all).
            previous = session.get(Snapshot, latest.id)
            assert previous is not None
            changed = changed and normalised_hash(previous.text) != normalised_hash(stored.text)
            if hook is not None:
                assert stored.snapshot_id is not None
                new = session.get(Snapshot, stored.snapshot_id)
                assert new is not None
                flagged = hook(session, source, previous, new)
    moved = _ok(source, outcome, Health.CHANGED if changed and latest is not None else Health.OK)
    kind = AppliedKind.CHANGED if changed else AppliedKind.UNCHANGED
    return Applied(kind, moved=moved, flagged=flagged)


def _refused(
    session: Session,
    source: Source,
    outcome: Outcome,
    message: str,
    owner: str,
    policy: RefreshPolicy,
    now: datetime,
) -> Applied:
    """Record that storing a fetched page was refused; schedule a retry."""
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=now,
        elapsed_ms=0,
        error=f"{source.url}: fetched but not stored: {message}",
        worker=owner,
    )
    # Checked, though not stored: an --all pass must not take it up again.
    source.last_checked_at = outcome.started_at
    source.consecutive_failures += 1
    # Health stays: the site answered; the store lost a race with a reviewer.
    source.next_check_at = after_failure(
        now, source.consecutive_failures, source.check_interval_s, policy
    )
    return Applied(AppliedKind.FAILED)


def _first_line(error: Exception, limit: int = 300) -> str:
    # Database errors carry the statement and its parameters (a page's whole
    # text) on the lines after the first: the record keeps the reason only.
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def store_failed(
    session: Session,
    task: Task,
    outcome: Outcome,
    error: Exception,
    *,
    owner: str,
    policy: RefreshPolicy,
) -> Applied:
    """Record, for ``task``'s source, that storing its outcome raised ``error``;
    schedule a retry after a backoff and release the lease."""
    now = datetime.now(UTC)
    source = _leased_source(session, task, owner)
    if source is None:
        return Applied(AppliedKind.LOST)
    _release(source)
    record_failure(
        session,
        url=source.url,
        via="http",
        started_at=outcome.started_at,
        elapsed_ms=0,
        error=(
            f"{source.url}: checked but not stored ({type(error).__name__}: "
            f"{_first_line(error)}); factdesk failed here, not the site: please report it"
        ),
        worker=owner,
    )
    source.last_checked_at = outcome.started_at
    source.consecutive_failures += 1
    if source.health != Health.PAUSED:
        source.health = Health.FAILING
    source.next_check_at = after_failure(
        now, source.consecutive_failures, source.check_interval_s, policy
    )
    session.add(source)
    return Applied(AppliedKind.FAILED)
