"""Tables of fetched material: sources, fetch attempts, snapshots, bodies.

Provenance is the point: every fetch is a row (failed ones too), a snapshot
is the immutable record of one distinct body of a source, and bodies are
stored once per SHA-256. ``FetchRecord`` and ``Snapshot`` rows are append-only; the
migrations install triggers that refuse UPDATE and DELETE on them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Integer, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import UTCDateTime, utcnow


class Body(SQLModel, table=True):
    """A raw response body, content-addressed: key = SHA-256 of the raw bytes."""

    sha256: str = Field(primary_key=True, max_length=64)
    size: int = Field(description="Length of the raw body in bytes")
    codec: str = Field(default="zlib", max_length=16, description="How `data` is compressed")
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class Source(SQLModel, table=True):
    """One address a team cares about, canonicalised; its schedule and health."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True, description="Canonical URL (identity)")
    kind: str = Field(
        default="http",
        max_length=8,
        sa_column_kwargs={"server_default": "http"},
        description="http, file, stdin, pdf or feed (sources.reading.SourceKind)",
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    title: str | None = Field(default=None, description="Title of the latest snapshot")
    language: str | None = Field(default=None, max_length=16)
    health: str = Field(default="ok", max_length=16)
    etag: str | None = None
    last_modified: str | None = None
    check_interval_s: int = Field(default=86_400, description="Seconds between refreshes")
    last_checked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_check_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    consecutive_failures: int = 0
    # Refresh (sources.refresh): link rot, redirects, robots.txt override, row lease.
    consecutive_gone: int = Field(default=0, description="404/410 answers in a row")
    moved_to: str | None = Field(default=None, description="Target of a permanent redirect")
    ignore_robots: bool = Field(default=False, description="Fetch even where robots.txt forbids")
    robots_override: str | None = Field(
        default=None, description="Who turned robots.txt off or on again, when and why"
    )
    lease_owner: str | None = Field(default=None, max_length=120)
    lease_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    crawl_delay_asked: float | None = Field(
        default=None,
        description="Crawl-delay (s) robots.txt asked for at the last check, when over the cap",
    )


class Snapshot(SQLModel, table=True):
    """One distinct body of a source as fetched at one instant. Never modified."""

    __table_args__ = (Index("ix_snapshot_source_fetched", "source_id", "fetched_at"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", nullable=False)
    fetched_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    final_url: str
    http_status: int | None = Field(default=None, description="None for local files and stdin")
    headers: list[list[str]] = Field(default_factory=list, sa_type=JSON, nullable=False)
    media_type: str = Field(max_length=64)
    charset: str | None = Field(
        default=None, max_length=40, description="Charset the text was decoded with"
    )
    charset_source: str | None = Field(
        default=None, max_length=16, description="header, bom, meta, detected or default"
    )
    replaced_bytes: bool = Field(
        default=False, description="Bytes invalid in the charset were replaced by U+FFFD"
    )
    body_sha256: str = Field(foreign_key="body.sha256", index=True, max_length=64)
    body_size: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    text_sha256: str = Field(index=True, max_length=64)
    title: str | None = None
    byline: str | None = None
    published: str | None = Field(default=None, max_length=40)
    site_name: str | None = None
    language: str | None = Field(default=None, max_length=16)
    canonical_url: str | None = None
    jsonld: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON, nullable=False)
    extractor: str = Field(max_length=120, description="What produced `text`, with versions")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class FetchRecord(SQLModel, table=True):
    """One attempt to read a source, successful or not: a provenance fact."""

    __tablename__ = "fetch_record"
    __table_args__ = (Index("ix_fetch_record_source_started", "source_id", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(
        default=None, foreign_key="source.id", description="None when a first ingest failed"
    )
    requested_url: str
    final_url: str | None = None
    via: str = Field(max_length=8, description="http, file or stdin")
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    elapsed_ms: int = 0
    http_status: int | None = None
    outcome: str = Field(max_length=16, description="stored, unchanged, not_modified or failed")
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    redirects: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON, nullable=False)
    body_sha256: str | None = Field(default=None, foreign_key="body.sha256", max_length=64)
    snapshot_id: int | None = Field(default=None, foreign_key="snapshot.id", index=True)
    worker: str = Field(default="", max_length=120, description="Who fetched: command, host, pid")


class Claim(SQLModel, table=True):
    """A checkable assertion found in a snapshot's text, with its provenance.

    ``start``/``end`` are code-point offsets of the first occurrence in
    ``Snapshot.text``; ``spans`` lists every occurrence (a claim repeated in
    one snapshot is stored once). ``exact``/``prefix``/``suffix`` form a W3C
    TextQuoteSelector that re-finds the sentence in a later snapshot.
    """

    __table_args__ = (
        Index("ix_claim_snapshot_start", "snapshot_id", "start"),
        # The queue's order: walking this index needs no sort, whatever the size.
        Index("ix_claim_queue", "source_id", "snapshot_id", "start", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    snapshot_id: int = Field(foreign_key="snapshot.id", nullable=False)
    source_id: int = Field(foreign_key="source.id", nullable=False)
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    spans: list[list[int]] = Field(default_factory=list, sa_type=JSON, nullable=False)
    exact: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = Field(default="", max_length=64)
    suffix: str = Field(default="", max_length=64)
    kind: str = Field(max_length=16, index=True, description="numeric, factual or derived")
    claimant: str | None = Field(default=None, index=True)
    subject: str | None = None
    language: str | None = Field(default=None, max_length=16)
    checkworthiness: float = 0.0
    fingerprint: str = Field(index=True, max_length=64)
    extractor: str = Field(max_length=120, description="What found the claim, with versions")
    derived_from: list[int] = Field(
        default_factory=list,
        sa_type=JSON,
        nullable=False,
        description="For a derived claim: the ClaimQuantity ids it is computed from",
    )
    reasoning: str | None = Field(
        default=None,
        sa_column=Column(Text, nullable=True),
        description="For a derived claim: how its figure follows from the ones it names",
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class ClaimQuantity(SQLModel, table=True):
    """One normalised figure of a claim; offsets are in the snapshot text."""

    __tablename__ = "claim_quantity"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", nullable=False, index=True)
    position: int = Field(description="Order of the figure in the sentence")
    value: float | None = None
    low: float | None = None
    high: float | None = None
    kind: str = Field(max_length=16)
    unit: str | None = None
    approximate: bool = False
    hedge: str | None = None
    surface: str
    start: int
    end: int


class Evidence(SQLModel, table=True):
    """A claim linked to a passage of another snapshot. Never modified.

    The passage is anchored twice, as W3C Web Annotation does: a
    TextQuoteSelector (``exact``/``prefix``/``suffix``) and a
    TextPositionSelector (``start``/``end``, code points of the snapshot text).
    Removal is a review event; the row stays.
    """

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", nullable=False, index=True)
    snapshot_id: int = Field(foreign_key="snapshot.id", nullable=False, index=True)
    source_id: int = Field(foreign_key="source.id", nullable=False)
    stance: str = Field(max_length=16, description="supports, refutes or context")
    exact: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = Field(default="", max_length=64)
    suffix: str = Field(default="", max_length=64)
    start: int
    end: int
    anchor_method: str = Field(max_length=16, description="How the quote was found")
    anchor_score: float = 1.0
    proposed: bool = Field(default=False, description="Chosen from automatic proposals")
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    crosscheck: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON, nullable=False)
    added_by: str = Field(max_length=120)
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class ReviewEvent(SQLModel, table=True):
    """One thing a reviewer did to a claim. Append-only: the history is the truth.

    ``version`` numbers a claim's events 1, 2, 3…; the unique constraint on
    (claim_id, version) is what refuses the second of two concurrent writes.
    """

    __tablename__ = "review_event"
    __table_args__ = (UniqueConstraint("claim_id", "version", name="uq_review_event_version"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", nullable=False, index=True)
    version: int
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    reviewer: str = Field(max_length=120)
    action: str = Field(max_length=24, description="verdict, status, note, assign, evidence…")
    target: str | None = Field(default=None, max_length=32, description="e.g. figure:0")
    before: Any = Field(default=None, sa_type=JSON)
    after: Any = Field(default=None, sa_type=JSON)
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")


class ClaimState(SQLModel, table=True):
    """The current state of a claim, derived from its review events.

    A projection kept in step with ``review_event`` in the same transaction so
    that a queue of 100,000 claims filters by status or verdict with an index;
    :func:`claims.review.events.rebuild_state` recomputes it from the history.
    """

    __tablename__ = "claim_state"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    version: int = 0
    status: str = Field(default="new", max_length=16, index=True)
    verdict: str | None = Field(default=None, max_length=32, index=True)
    assignee: str | None = Field(default=None, max_length=120, index=True)
    evidence_count: int = 0
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class RefreshRun(SQLModel, table=True):
    """One pass of the refresh job: who ran it, when, and what it found."""

    __tablename__ = "refresh_run"

    id: int | None = Field(default=None, primary_key=True)
    worker: str = Field(max_length=120, description="Command, host and process")
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str = Field(
        default="running",
        max_length=16,
        description="running, done, interrupted (asked to stop) or aborted (could not go on)",
    )
    scope: str = Field(default="due", max_length=16, description="due, all or source")
    checked: int = 0
    not_modified: int = 0
    unchanged: int = 0
    changed: int = 0
    failed: int = 0
    moved: int = 0
    gone: int = 0
    blocked: int = Field(default=0, description="Skipped because robots.txt forbids")
    robots_unavailable: int = Field(
        default=0, description="Not fetched: robots.txt could not be read (5xx, unreachable)"
    )
    flagged_claims: int = Field(default=0, description="Claims moved to needs_recheck")


class QuoteAnchor(SQLModel, table=True):
    """Where a claim's sentence or an evidence quote was found again in a newer snapshot.

    Append-only: each refresh that sees a new snapshot of the quote's source adds
    one row per quote (unchanged, moved, changed or vanished); the evidence or
    claim row keeps its original anchor, so every earlier anchor stays on record.
    ``evidence_id`` is None for a claim's own sentence in its article.
    """

    __tablename__ = "quote_anchor"
    __table_args__ = (Index("ix_quote_anchor_claim_evidence", "claim_id", "evidence_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", nullable=False)
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")
    snapshot_id: int = Field(foreign_key="snapshot.id", nullable=False)
    previous_snapshot_id: int = Field(foreign_key="snapshot.id", nullable=False)
    status: str = Field(max_length=16, description="unchanged, moved, changed or vanished")
    exact: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    prefix: str | None = Field(default=None, max_length=64)
    suffix: str | None = Field(default=None, max_length=64)
    start: int | None = None
    end: int | None = None
    method: str | None = Field(default=None, max_length=16)
    score: float = 0.0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


# --- Watch lists (sources.watching) -------------------------------------------------


class Watch(SQLModel, table=True):
    """A feed or sitemap followed for new articles; its address is a :class:`Source`.

    The feed is refreshed like any source (conditional GET, robots.txt, leases);
    ``every_seconds`` is copied to the source's ``check_interval_s``. A removed
    watch keeps its row, its entries and its snapshots: ``removed_at`` says so.
    """

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", unique=True, nullable=False)
    lang: str | None = Field(default=None, max_length=16, description="Language of its articles")
    every_seconds: int = Field(default=3600, description="Seconds between two reads of the feed")
    per_pass_cap: int = Field(default=20, description="Articles ingested per pass at most")
    paused: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    removed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_seen_at: datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="When a person last looked at its news"
    )
    last_error: str | None = Field(
        default=None, sa_column=Column(Text, nullable=True), description="Why the last read failed"
    )
    feed_kind: str | None = Field(
        default=None, max_length=16, description="rss, atom, sitemap or sitemapindex, as last read"
    )
    indexed_fetch_id: int | None = Field(
        default=None,
        description="The feed's read (fetch record) after which its index's children were read",
    )


class WatchEntry(SQLModel, table=True):
    """One article address a watch's feed listed; kept when the feed drops it.

    ``state``: pending (to ingest), ingesting (leased by a worker until
    ``lease_expires_at``), ingested, failed (retried at ``next_attempt_at``)
    or skipped (never to ingest, ``last_reason`` says why).
    """

    __tablename__ = "watch_entry"
    __table_args__ = (
        UniqueConstraint("watch_id", "url", name="uq_watch_entry_url"),
        Index("ix_watch_entry_due", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    watch_id: int = Field(foreign_key="watch.id", nullable=False, index=True)
    url: str = Field(description="Canonical article address (tracking parameters dropped)")
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    published: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    state: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    lease_owner: str | None = Field(default=None, max_length=120)
    lease_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    article_source_id: int | None = Field(default=None, foreign_key="source.id")
    ingested_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


# --- end of watch lists -------------------------------------------------------------


# --- Queue visits (migration 0015) ---------------------------------------------------


class QueueVisit(SQLModel, table=True):
    """A reviewer opened or left the claim queue. Append-only.

    The latest visit before a session decides which claims are "new since you
    last looked" for the whole of that session.
    """

    __tablename__ = "queue_visit"
    __table_args__ = (Index("ix_queue_visit_reviewer_at", "reviewer", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    reviewer: str = Field(max_length=120)
    event: str = Field(max_length=8, description="open or close")
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class FactCheck(SQLModel, table=True):
    """An earlier fact-check (a ClaimReview someone published), kept in the local index.

    Append-only: the review is another organisation's published work, recorded
    as imported. ``key`` identifies it across imports (SHA-256 of its URL, or of
    its content when it has none), so importing the same file twice adds nothing.
    """

    __tablename__ = "fact_check"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=64, description="SHA-256 of the review URL or content")
    url: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    claim_reviewed: str = Field(sa_column=Column(Text, nullable=False))
    rating: str | None = Field(default=None, description="reviewRating.alternateName")
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str | None = Field(default=None, description="Who published the fact-check")
    author_url: str | None = None
    claimant: str | None = Field(default=None, description="Who made the claim reviewed")
    date_published: str | None = Field(default=None, max_length=40)
    language: str | None = Field(default=None, max_length=16)
    imported_from: str = Field(sa_column=Column(Text, nullable=False))
    item: dict[str, Any] = Field(
        default_factory=dict, sa_type=JSON, nullable=False, description="The ClaimReview as read"
    )
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class FactCheckTerms(SQLModel, table=True):
    """A fact-check's matching key terms and figures, found once (at import) and kept
    (migration 0016).

    Derived from the fact-check's text by ``analyser`` (a digest of the matching
    vocabulary and figure finder): when either changes, rows of the new analyser are added
    beside the old ones, so nothing is rewritten and the index is re-read lazily.
    """

    __tablename__ = "fact_check_terms"
    __table_args__ = (UniqueConstraint("fact_check_id", "analyser", name="uq_fact_check_terms"),)

    id: int | None = Field(default=None, primary_key=True)
    fact_check_id: int = Field(foreign_key="fact_check.id", nullable=False)
    analyser: str = Field(max_length=40, description="Digest of the vocabulary the keys came from")
    language: str = Field(max_length=16, description="The language the text was read in")
    keys: str = Field(
        sa_column=Column(Text, nullable=False),
        description="The key terms, space-separated (a key is one folded word)",
    )
    figures: str = Field(
        sa_column=Column(Text, nullable=False),
        description="The figures found in the text, as a JSON list of quantities",
    )


class FactCheckMatch(SQLModel, table=True):
    """A claim found to match an earlier fact-check when it was stored. Append-only."""

    __tablename__ = "fact_check_match"
    __table_args__ = (UniqueConstraint("claim_id", "fact_check_id", name="uq_fact_check_match"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", nullable=False, index=True)
    fact_check_id: int = Field(foreign_key="fact_check.id", nullable=False)
    score: float
    reasons: list[str] = Field(default_factory=list, sa_type=JSON, nullable=False)
    matcher: str = Field(max_length=120, description="What scored the pair, with its threshold")
    matched_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


# --- Corrections, groups and search (migration 0009) -------------------------


class ClaimIndex(SQLModel, table=True):
    """What reviewers made of a claim beyond its status: a projection of its events.

    The claim row keeps what the extractor found; ``corrections`` holds the
    reviewers' latest corrections (claimant, span, figures) replayed from the
    ``correct`` review events, ``group_id`` the group it belongs to (the id of
    the group's first claim; None alone), and ``search`` the folded text a
    search matches (sentence, claimant, notes, evidence quotes). Kept in step
    with the events in the same transaction, like ``claim_state``.
    """

    __tablename__ = "claim_index"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    group_id: int | None = Field(default=None, index=True)
    corrections: dict[str, Any] = Field(default_factory=dict, sa_type=JSON, nullable=False)
    search: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    claimant_key: str = Field(
        default="",
        sa_column=Column(Text, nullable=False, server_default=""),
        description="The claimant as corrected, folded like ``search``",
    )
    search_version: int = Field(
        default=0,
        sa_column=Column(Integer, nullable=False, server_default="0", index=True),
        description="The rules ``search`` was made by (claims.review.search.SEARCH_VERSION)",
    )
