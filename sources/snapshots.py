"""The snapshot store: recording fetches and the snapshots they produce.

A snapshot is written only when a source's body differs from its latest
snapshot; a fetch of an unchanged body is recorded and points to the snapshot
it confirmed. Nothing here updates or deletes a fetch record or a snapshot.

Every text that goes into a snapshot or a fetch record passes through
:func:`without_nul` here, for ingest and refresh alike: a page may carry NUL
characters (a JSON-LD title with ``\u0000`` in it, say), which PostgreSQL
refuses in text columns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import func
from sqlmodel import Session, col, select

from db.bodies import store_body
from db.models import FetchRecord, Snapshot, Source
from sources.decoding import DecodedText
from sources.extraction import Article
from sources.fetching import FetchResult, Hop

NUL_REPLACEMENT = "\ufffd"
"""What a NUL character is stored as: one character for one, so that every
code-point offset into a text (claims' spans, quote anchors) stays the same."""

T = TypeVar("T")


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x00", NUL_REPLACEMENT) if "\x00" in value else value
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    return value


def without_nul(value: T) -> T:
    """``value`` with NUL replaced by U+FFFD in every string, inside lists,
    tuples and dicts too (JSON columns: PostgreSQL's jsonb refuses it as well)."""
    return cast(T, _clean(value))


@dataclass(frozen=True)
class Fetched:
    """What was read, wherever it came from (the web, a file, stdin)."""

    requested_url: str
    final_url: str
    via: str
    started_at: datetime
    elapsed_ms: int
    http_status: int | None
    headers: tuple[tuple[str, str], ...]
    redirects: tuple[dict[str, Any], ...]
    body: bytes
    media_type: str
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def from_result(cls, result: FetchResult) -> Fetched:
        """What an HTTP fetch read, in the form the snapshot store records."""
        attempt = result.attempt
        return cls(
            requested_url=attempt.requested_url,
            final_url=attempt.final_url,
            via="http",
            started_at=attempt.started_at,
            elapsed_ms=attempt.elapsed_ms,
            http_status=attempt.status,
            headers=result.headers,
            redirects=hop_records(attempt.redirects),
            body=result.body,
            media_type=result.media_type,
            charset=result.charset,
            etag=result.etag,
            last_modified=result.last_modified,
        )


def hop_records(hops: tuple[Hop, ...]) -> tuple[dict[str, Any], ...]:
    """Redirect hops as the JSON the fetch record keeps."""
    return tuple({"url": hop.url, "status": hop.status, "location": hop.location} for hop in hops)


@dataclass(frozen=True)
class Stored:
    """The outcome of storing one fetch."""

    source: Source
    snapshot: Snapshot
    fetch: FetchRecord
    created_source: bool
    unchanged: bool


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_by_url(session: Session, url: str) -> Source | None:
    return session.exec(select(Source).where(Source.url == url)).first()


def latest_snapshot(session: Session, source_id: int) -> Snapshot | None:
    return session.exec(
        select(Snapshot)
        .where(Snapshot.source_id == source_id)
        .order_by(col(Snapshot.fetched_at).desc(), col(Snapshot.id).desc())
    ).first()


def record_failure(
    session: Session,
    *,
    url: str,
    via: str,
    started_at: datetime,
    elapsed_ms: int,
    error: str,
    final_url: str | None = None,
    http_status: int | None = None,
    redirects: tuple[dict[str, Any], ...] = (),
    worker: str = "",
) -> FetchRecord:
    """Record a failed fetch. A known source keeps everything it had; an
    unknown address gets no source, only this record."""
    source = source_by_url(session, url)
    record = FetchRecord(
        source_id=source.id if source else None,
        requested_url=without_nul(url),
        final_url=without_nul(final_url),
        via=via,
        started_at=started_at,
        elapsed_ms=elapsed_ms,
        http_status=http_status,
        outcome="failed",
        error=without_nul(error),
        redirects=without_nul(list(redirects)),
        worker=worker,
    )
    session.add(record)
    session.flush()
    return record


def snapshot_values(
    source_id: int,
    fetched: Fetched,
    decoded: DecodedText,
    article: Article,
    digest: str,
    *,
    title: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The columns of a new snapshot of ``fetched`` (ingest and refresh alike),
    NUL-free; ``title`` and ``language`` replace the page's own when given."""
    text = without_nul(article.text)
    values = {
        "source_id": source_id,
        "fetched_at": fetched.started_at,
        "final_url": fetched.final_url,
        "http_status": fetched.http_status,
        "headers": [list(pair) for pair in fetched.headers],
        "media_type": fetched.media_type,
        "charset": decoded.charset,
        "charset_source": decoded.charset_source,
        "replaced_bytes": decoded.replaced_errors,
        "body_sha256": digest,
        "body_size": len(fetched.body),
        "text": text,
        "text_sha256": text_sha256(text),
        "title": title or article.title,
        "byline": article.byline,
        "published": article.published,
        "site_name": article.site_name,
        "language": language or article.language,
        "canonical_url": article.canonical_url,
        "jsonld": list(article.jsonld),
        "extractor": article.extractor,
    }
    return without_nul(values)


def fetch_record(
    fetched: Fetched,
    source_id: int,
    digest: str | None,
    *,
    unchanged: bool,
    worker: str,
    snapshot_id: int | None = None,
    not_modified: bool = False,
) -> FetchRecord:
    """The record of a successful fetch (its snapshot id may be set later).

    ``not_modified``: a 304 that confirmed the snapshot ``snapshot_id`` (body
    ``digest``) without sending a body."""
    outcome = "not_modified" if not_modified else "unchanged" if unchanged else "stored"
    return FetchRecord(
        source_id=source_id,
        requested_url=without_nul(fetched.requested_url),
        final_url=without_nul(fetched.final_url),
        via=fetched.via,
        started_at=fetched.started_at,
        elapsed_ms=fetched.elapsed_ms,
        http_status=fetched.http_status,
        outcome=outcome,
        redirects=without_nul(list(fetched.redirects)),
        body_sha256=digest,
        snapshot_id=snapshot_id,
        worker=worker,
    )


def store_fetch(
    session: Session,
    *,
    source_url: str,
    fetched: Fetched,
    decoded: DecodedText,
    article: Article,
    title: str | None = None,
    language: str | None = None,
    worker: str = "",
) -> Stored:
    """Record a successful fetch of ``source_url`` and its snapshot (new or confirmed)."""
    source = source_by_url(session, source_url)
    created = source is None
    if source is None:
        source = Source(url=source_url)
        session.add(source)
        session.flush()
    assert source.id is not None
    digest = store_body(session, fetched.body)
    previous = latest_snapshot(session, source.id)
    unchanged = previous is not None and previous.body_sha256 == digest
    if previous is not None and unchanged:
        snapshot = previous
    else:
        values = snapshot_values(
            source.id, fetched, decoded, article, digest, title=title, language=language
        )
        snapshot = Snapshot(**values)
        session.add(snapshot)
        session.flush()
    record = fetch_record(
        fetched, source.id, digest, unchanged=unchanged, worker=worker, snapshot_id=snapshot.id
    )
    session.add(record)
    source.title = snapshot.title or source.title
    source.language = snapshot.language or source.language
    source.last_checked_at = fetched.started_at
    source.etag = fetched.etag
    source.last_modified = fetched.last_modified
    source.consecutive_failures = 0
    session.add(source)
    session.flush()
    return Stored(source, snapshot, record, created, unchanged)


@dataclass(frozen=True)
class SourceSummary:
    source: Source
    snapshot_count: int
    fetch_count: int
    last_fetch: FetchRecord | None


def summarise_sources(session: Session, *, limit: int | None = None) -> list[SourceSummary]:
    """Every source with its snapshot count, fetch count and last fetch."""
    snapshots = dict(
        session.exec(
            select(Snapshot.source_id, func.count()).group_by(col(Snapshot.source_id))
        ).all()
    )
    fetches = dict(
        session.exec(
            select(FetchRecord.source_id, func.count()).group_by(col(FetchRecord.source_id))
        ).all()
    )
    # One query for every source's last fetch, not one per source.
    rank = (
        func.row_number()
        .over(
            partition_by=col(FetchRecord.source_id),
            order_by=(col(FetchRecord.started_at).desc(), col(FetchRecord.id).desc()),
        )
        .label("rank")
    )
    ranked = select(col(FetchRecord.id), rank).subquery()
    last_fetches = {
        record.source_id: record
        for record in session.exec(
            select(FetchRecord)
            .join(ranked, col(FetchRecord.id) == ranked.c.id)
            .where(ranked.c.rank == 1)
        ).all()
    }
    query = select(Source).order_by(col(Source.id))
    if limit is not None:
        query = query.limit(limit)
    out = []
    for source in session.exec(query).all():
        assert source.id is not None
        out.append(
            SourceSummary(
                source,
                snapshots.get(source.id, 0),
                fetches.get(source.id, 0),
                last_fetches.get(source.id),
            )
        )
    return out
