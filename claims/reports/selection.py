"""Which claims a report holds, read in pages so that exports stream.

A report never loads its whole selection: :func:`iter_claims` walks the
selected claims by id (keyset pagination, ``id > last``: every page costs the
same however deep the export is) and, per page, reads the figures, evidence
and review events of those claims in one query each. Rows come back as plain
SQL rows, not ORM objects, because building ORM objects for 100,000 claims
and their evidence costs more than the export itself.

Each claim is handed out as the dict :func:`claims.dossier.load_dossier`'s
``to_json`` gives for it (same keys, same values), plus ``article`` (what the
claim's page says about itself) and the time of each verdict.
:func:`iter_snapshots` then walks the snapshots those claims and their
evidence come from, the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Text,
    and_,
    cast,
    exists,
    func,
    or_,
    select,
    type_coerce,
    union,
)
from sqlmodel import Session, col

from db.models import (
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    ReviewEvent,
    Snapshot,
    Source,
)

PAGE_SIZE = 1000
"""Claims read per query: big enough to amortise a round trip, small enough to stay flat."""


@dataclass(frozen=True)
class ReportSelection:
    """The claims a report covers; every filter given must hold."""

    claim_ids: tuple[int, ...] = ()
    """Only these claims (empty: any)."""
    source: str | None = None
    """A source id or part of its URL."""
    status: str | None = None
    verdict: str | None = None
    """A rating key, e.g. "false"."""
    reviewer: str | None = None
    """Claims this reviewer acted on (any review event of theirs)."""
    since: datetime | None = None
    """Claims found, or acted on by a reviewer, at or after this instant."""

    def to_json(self) -> dict[str, Any]:
        return {
            "claim_ids": list(self.claim_ids),
            "source": self.source,
            "status": self.status,
            "verdict": self.verdict,
            "reviewer": self.reviewer,
            "since": self.since.isoformat() if self.since else None,
        }


def iso(value: datetime | str) -> str:
    """ISO 8601 of a UTC timestamp as ``datetime.isoformat`` writes it.

    SQLite hands timestamps back as text ("2026-01-02 03:04:05.000000", UTC);
    rewriting that text costs a tenth of parsing it into a datetime, which is
    most of an export's time otherwise.
    """
    if isinstance(value, datetime):
        return value.isoformat()
    micros = value[19:26]
    return f"{value[:10]}T{value[11:19]}{'' if micros in ('', '.000000') else micros}+00:00"


def load(value: str | None) -> Any:
    """A JSON column's value from its text, decoded by orjson (several times faster
    than the json module SQLAlchemy and psycopg use)."""
    return None if value is None else orjson.loads(value)


class _Reader:
    """Runs report queries at the SQL level: rows, not ORM objects."""

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()
        self.sqlite = self.connection.dialect.name == "sqlite"

    def ts(self, column: Any) -> Any:
        """A timestamp column, as raw text on SQLite (see :func:`iso`)."""
        return type_coerce(column, String) if self.sqlite else column

    def json(self, column: Any) -> Any:
        """A JSON column as its text, on both engines (see :func:`load`)."""
        return cast(column, Text)

    def all(self, query: Any) -> Sequence[Any]:
        return self.connection.execute(query).all()


def _conditions(selection: ReportSelection) -> list[ColumnElement[bool]]:
    status = func.coalesce(col(ClaimState.status), "new")
    where: list[ColumnElement[bool]] = []
    if selection.claim_ids:
        where.append(col(Claim.id).in_(selection.claim_ids))
    if selection.source:
        if selection.source.isdigit():
            where.append(col(Claim.source_id) == int(selection.source))
        else:
            where.append(col(Source.url).contains(selection.source))
    if selection.status:
        where.append(status == selection.status)
    if selection.verdict:
        where.append(col(ClaimState.verdict) == selection.verdict)
    if selection.reviewer:
        where.append(
            exists().where(
                col(ReviewEvent.claim_id) == col(Claim.id),
                col(ReviewEvent.reviewer) == selection.reviewer,
            )
        )
    if selection.since:
        where.append(
            or_(
                col(Claim.created_at) >= selection.since,
                exists().where(
                    col(ReviewEvent.claim_id) == col(Claim.id),
                    col(ReviewEvent.at) >= selection.since,
                ),
            )
        )
    return where


def _joined(query: Select[Any]) -> Select[Any]:
    return query.join(Source, col(Source.id) == col(Claim.source_id)).outerjoin(
        ClaimState, col(ClaimState.claim_id) == col(Claim.id)
    )


def count_claims(session: Session, selection: ReportSelection) -> int:
    query = _joined(select(func.count()).select_from(Claim)).where(*_conditions(selection))
    return int(session.execute(query).scalar_one())


def _claim_ids(selection: ReportSelection) -> Select[Any]:
    return _joined(select(col(Claim.id)).select_from(Claim)).where(*_conditions(selection))


def _claim_columns(r: _Reader) -> tuple[Any, ...]:
    return (
        col(Claim.id),
        col(Claim.text),
        col(Claim.start),
        col(Claim.end),
        r.json(col(Claim.spans)).label("spans"),
        col(Claim.exact),
        col(Claim.prefix),
        col(Claim.suffix),
        col(Claim.kind),
        col(Claim.claimant),
        col(Claim.subject),
        col(Claim.language),
        col(Claim.checkworthiness),
        col(Claim.fingerprint),
        col(Claim.extractor),
        r.json(col(Claim.derived_from)).label("derived_from"),
        r.ts(col(Claim.created_at)).label("created_at"),
        col(Claim.source_id),
        col(Claim.snapshot_id),
        col(Source.url).label("source_url"),
        col(Snapshot.body_sha256),
        r.ts(col(Snapshot.fetched_at)).label("fetched_at"),
        col(Snapshot.http_status),
        col(Snapshot.final_url),
        col(Snapshot.title),
        col(Snapshot.byline),
        col(Snapshot.site_name),
        col(Snapshot.published),
        col(Snapshot.canonical_url),
        col(ClaimState.status),
        col(ClaimState.verdict),
        col(ClaimState.assignee),
        col(ClaimState.evidence_count),
        col(ClaimState.version),
    )


def iter_claims(
    session: Session, selection: ReportSelection, *, page_size: int = PAGE_SIZE
) -> Iterator[list[dict[str, Any]]]:
    """The selected claims as dossier dicts, in pages of ``page_size``, by id."""
    conditions = _conditions(selection)
    reader = _Reader(session)
    columns = _claim_columns(reader)
    last = 0
    while True:
        query = (
            _joined(select(*columns).select_from(Claim))
            .join(Snapshot, col(Snapshot.id) == col(Claim.snapshot_id))
            .where(col(Claim.id) > last, *conditions)
            .order_by(col(Claim.id))
            .limit(page_size)
        )
        rows = reader.all(query)
        if not rows:
            return
        ids = [row.id for row in rows]
        last = ids[-1]
        yield _page(reader, rows, ids)


def _page(reader: _Reader, rows: Sequence[Any], ids: list[int]) -> list[dict[str, Any]]:
    quantities = _quantities(reader, ids)
    events = _events(reader, ids)
    evidence = _evidence(reader, ids)
    page = []
    for row in rows:
        claim_events = events.get(row.id, [])
        page.append(
            _claim_json(row, quantities.get(row.id, []), evidence.get(row.id, []), claim_events)
        )
    return page


def _claim_json(
    row: Any,
    quantities: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
    events: list[dict[str, Any]],
) -> dict[str, Any]:
    verdicts: dict[str | None, dict[str, Any]] = {}
    removed: set[int] = set()
    for event in events:
        if event["action"] == "verdict" and isinstance(event["after"], dict):
            verdicts[event["target"]] = {
                **event["after"],
                "why": event["text"],
                "by": event["reviewer"],
                "at": event["at"],
            }
        elif event["action"] == "evidence_removed" and event["evidence_id"] is not None:
            removed.add(event["evidence_id"])
    for item in evidence:
        item["removed"] = item["id"] in removed
    return {
        "id": row.id,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "kind": row.kind,
        "claimant": row.claimant,
        "subject": row.subject,
        "quantities": quantities,
        "checkworthiness": round(row.checkworthiness, 3),
        "fingerprint": row.fingerprint,
        "derived_from": load(row.derived_from),
        "spans": [{"start": s, "end": e} for s, e in load(row.spans)],
        "selector": {
            "type": "TextQuoteSelector",
            "exact": row.exact,
            "prefix": row.prefix,
            "suffix": row.suffix,
        },
        "status": row.status or "new",
        "verdict": row.verdict,
        "assignee": row.assignee,
        "evidence_count": row.evidence_count or 0,
        "version": row.version or 0,
        "language": row.language,
        "source_id": row.source_id,
        "source_url": row.source_url,
        "snapshot_id": row.snapshot_id,
        "snapshot_sha256": row.body_sha256,
        "fetched_at": iso(row.fetched_at),
        "http_status": row.http_status,
        "extractor": row.extractor,
        "created_at": iso(row.created_at),
        "article": {
            "title": row.title,
            "byline": row.byline,
            "site_name": row.site_name,
            "published": row.published,
            "final_url": row.final_url,
            "canonical_url": row.canonical_url,
        },
        "verdict_detail": verdicts.get(None),
        "figure_verdicts": {t: v for t, v in verdicts.items() if t is not None},
        "evidence": evidence,
        "history": events,
    }


_QUANTITY_KEYS = (
    "value",
    "low",
    "high",
    "kind",
    "unit",
    "approximate",
    "hedge",
    "surface",
    "start",
    "end",
)


def _quantities(r: _Reader, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    q = ClaimQuantity
    rows = r.all(
        select(
            col(q.claim_id),
            col(q.value),
            col(q.low),
            col(q.high),
            col(q.kind),
            col(q.unit),
            col(q.approximate),
            col(q.hedge),
            col(q.surface),
            col(q.start),
            col(q.end),
        )
        .where(col(q.claim_id).in_(ids))
        .order_by(col(q.claim_id), col(q.position))
    )
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    # The columns come in the order of the JSON keys: zip builds each object in C.
    for row in rows:
        out[row[0]].append(dict(zip(_QUANTITY_KEYS, row[1:], strict=True)))
    return out


def _events(r: _Reader, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    e = ReviewEvent
    rows = r.all(
        select(
            col(e.claim_id),
            col(e.version),
            r.ts(col(e.at)).label("at"),
            col(e.reviewer),
            col(e.action),
            col(e.target),
            r.json(col(e.before)).label("before"),
            r.json(col(e.after)).label("after"),
            col(e.text),
            col(e.evidence_id),
        )
        .where(col(e.claim_id).in_(ids))
        .order_by(col(e.claim_id), col(e.version))
    )
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for claim_id, version, at, reviewer, action, target, before, after, text, ev in rows:
        out[claim_id].append(
            {
                "version": version,
                "at": iso(at),
                "reviewer": reviewer,
                "action": action,
                "target": target,
                "before": None if before == "null" else load(before),
                "after": load(after),
                "text": text,
                "evidence_id": ev,
            }
        )
    return out


def _evidence(r: _Reader, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    e = Evidence
    rows = r.all(
        select(
            col(e.id),
            col(e.claim_id),
            col(e.stance),
            col(e.exact),
            col(e.prefix),
            col(e.suffix),
            col(e.start),
            col(e.end),
            col(e.anchor_method),
            col(e.anchor_score),
            r.json(col(e.crosscheck)).label("crosscheck"),
            col(e.note),
            col(e.snapshot_id),
            col(e.added_by),
            r.ts(col(e.added_at)).label("added_at"),
            col(Source.url).label("source_url"),
            col(Snapshot.body_sha256),
            r.ts(col(Snapshot.fetched_at)).label("fetched_at"),
        )
        .join(Source, col(Source.id) == col(e.source_id))
        .join(Snapshot, col(Snapshot.id) == col(e.snapshot_id))
        .where(col(e.claim_id).in_(ids))
        .order_by(col(e.claim_id), col(e.id))
    )
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for (
        id_,
        claim_id,
        stance,
        exact,
        prefix,
        suffix,
        start,
        end,
        method,
        score,
        crosscheck,
        note,
        snapshot_id,
        added_by,
        added_at,
        source_url,
        body_sha256,
        fetched_at,
    ) in rows:
        out[claim_id].append(
            {
                "id": id_,
                "claim_id": claim_id,
                "stance": stance,
                "quote": exact,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": exact,
                        "prefix": prefix,
                        "suffix": suffix,
                    },
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ],
                "anchor": {"method": method, "score": score},
                "crosscheck": load(crosscheck),
                "note": note,
                "source_url": source_url,
                "snapshot_id": snapshot_id,
                "snapshot_sha256": body_sha256,
                "fetched_at": iso(fetched_at),
                "added_by": added_by,
                "added_at": iso(added_at),
                "removed": False,
            }
        )
    return out


def _snapshot_ids(selection: ReportSelection) -> Any:
    """Ids of the snapshots the selected claims and their evidence were read from."""
    claims = _claim_ids(selection).subquery()
    of_claims = select(col(Claim.snapshot_id)).where(col(Claim.id).in_(select(claims.c.id)))
    of_evidence = select(col(Evidence.snapshot_id)).where(
        col(Evidence.claim_id).in_(select(claims.c.id))
    )
    return union(of_claims, of_evidence).subquery()


def iter_snapshots(
    session: Session, selection: ReportSelection, *, page_size: int = 100
) -> Iterator[tuple[Snapshot, str]]:
    """Every snapshot behind the selection, once, by id, with its source's URL.

    Objects are detached page by page so the session does not keep them all.
    """
    ids = _snapshot_ids(selection)
    last = 0
    while True:
        rows = session.execute(
            select(Snapshot, col(Source.url))
            .join(Source, col(Source.id) == col(Snapshot.source_id))
            .where(and_(col(Snapshot.id) > last, col(Snapshot.id).in_(select(ids.c.snapshot_id))))
            .order_by(col(Snapshot.id))
            .limit(page_size)
        ).all()
        if not rows:
            return
        session.expunge_all()
        yield from rows
        last = rows[-1][0].id


def snapshot_json(snapshot: Snapshot, source_url: str) -> dict[str, Any]:
    """What a report says about one snapshot: where, when, what bytes, what text."""
    return {
        "id": snapshot.id,
        "source_id": snapshot.source_id,
        "source_url": source_url,
        "fetched_at": snapshot.fetched_at.isoformat(),
        "final_url": snapshot.final_url,
        "http_status": snapshot.http_status,
        "headers": snapshot.headers,
        "media_type": snapshot.media_type,
        "charset": snapshot.charset,
        "charset_source": snapshot.charset_source,
        "replaced_bytes": snapshot.replaced_bytes,
        "body_sha256": snapshot.body_sha256,
        "body_size": snapshot.body_size,
        "text_sha256": snapshot.text_sha256,
        "text_length": len(snapshot.text),
        "extractor": snapshot.extractor,
        "title": snapshot.title,
        "byline": snapshot.byline,
        "published": snapshot.published,
        "site_name": snapshot.site_name,
        "language": snapshot.language,
        "canonical_url": snapshot.canonical_url,
    }
