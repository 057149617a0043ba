"""Storing a fetched page within the writer's batch: body, snapshot, fetch record.

The same rows as :func:`sources.snapshots.store_fetch`, which ingest uses,
but without its per-source look-ups: the refresh job already holds the
source row and the keys of its latest snapshot (loaded for the whole batch
by :func:`sources.refresh.apply.prefetch`). New bodies, snapshots and fetch
records are written for the whole batch at once by :func:`write_pending`
(three Core statements with bound values, the snapshots' ids read back with
RETURNING); the sources' new fields go out with the ORM's flush at commit.
A page whose snapshot the new-snapshot hook must see is written at once.

Both paths take a snapshot's columns from
:func:`sources.snapshots.snapshot_values` and a body's row from
:func:`db.bodies.body_row`; ``tests/sources/refresh/test_writer.py`` checks that
they write the same snapshot columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, insert
from sqlmodel import Session, SQLModel

from db.bodies import body_insert, body_row, sha256_hex
from db.models import FetchRecord, Snapshot, Source
from sources.decoding import DecodedText
from sources.extraction import Article
from sources.snapshots import Fetched, fetch_record, snapshot_values, text_sha256, without_nul


@dataclass(frozen=True)
class StoredPage:
    unchanged: bool
    """The body is the latest snapshot's: that snapshot is confirmed, no new one."""
    text: str
    """The article's text as stored (NUL replaced)."""
    text_sha256: str
    snapshot_id: int | None
    """None while the new snapshot waits for :func:`write_pending` (deferred)."""


@dataclass(frozen=True)
class _Pending:
    body: dict[str, object]
    snapshot: dict[str, object]
    record: FetchRecord
    """Added to the session once its snapshot has an id."""


_PENDING = "factdesk.refresh.pending_pages"
"""``session.info`` key: pages whose rows wait for :func:`write_pending`."""


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def store_page(
    session: Session,
    source: Source,
    *,
    latest: tuple[int, str] | None,
    fetched: Fetched,
    decoded: DecodedText,
    article: Article,
    worker: str,
    defer: bool = False,
) -> StoredPage:
    """Record a successful fetch of ``source``: a new snapshot unless the body is
    that of ``latest`` (its snapshot id and body hash).

    ``defer``: leave the new body, snapshot and fetch record to
    :func:`write_pending`, which writes those of a whole batch in three
    statements (the caller must call it before committing).
    """
    assert source.id is not None
    digest = sha256_hex(fetched.body)
    unchanged = latest is not None and latest[1] == digest
    record = fetch_record(fetched, source.id, digest, unchanged=unchanged, worker=worker)
    snapshot_id: int | None
    text = without_nul(article.text)
    if latest is not None and unchanged:
        # The body is stored already: the fetch only confirms the latest snapshot.
        snapshot_id = record.snapshot_id = latest[0]
        session.add(record)
    else:
        body = body_row(fetched.body, digest)
        values = snapshot_values(source.id, fetched, decoded, article, digest)
        if defer:
            session.info.setdefault(_PENDING, []).append(_Pending(body, values, record))
            snapshot_id = None
        else:
            connection = session.connection()
            connection.execute(body_insert(session), body)
            # Core, values bound (not inlined: SQLAlchemy would key its statement
            # cache on them), and no ORM flush just to learn the new id.
            table = _table(Snapshot)
            snapshot_id = connection.execute(
                insert(table).returning(table.c.id), values
            ).scalar_one()
            record.snapshot_id = snapshot_id
            session.add(record)
        source.title = values["title"] or source.title
        source.language = values["language"] or source.language
    source.last_checked_at = fetched.started_at
    source.etag = fetched.etag
    source.last_modified = fetched.last_modified
    source.consecutive_failures = 0
    return StoredPage(unchanged, text, text_sha256(text), snapshot_id)


def write_pending(session: Session) -> None:
    """Write the deferred pages of this transaction: bodies, snapshots, fetch records."""
    pending: list[_Pending] = session.info.pop(_PENDING, [])
    if not pending:
        return
    connection = session.connection()
    bodies = {str(page.body["sha256"]): page.body for page in pending}
    connection.execute(body_insert(session), list(bodies.values()))
    table = _table(Snapshot)
    ids = connection.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [page.snapshot for page in pending],
    ).scalars()
    for page, snapshot_id in zip(pending, ids, strict=True):
        page.record.snapshot_id = snapshot_id
        session.add(page.record)
