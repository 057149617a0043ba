"""Reading claims back: filtered, paged lists and one claim with its provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.review import ensure_state
from db.models import Claim, ClaimQuantity, ClaimState, Snapshot, Source


@dataclass(frozen=True)
class ClaimFilter:
    """What a list of claims is narrowed to; None means any."""

    source: str | None = None
    """A source id or (part of) its URL."""
    kind: str | None = None
    status: str | None = None
    text: str | None = None
    """Words the sentence or claimant contains (case-insensitive)."""
    claimant: str | None = None
    verdict: str | None = None
    reviewer: str | None = None
    """Claims assigned to this reviewer."""
    order: str | None = None
    """One of ORDERS; None is text order (source, then position in the text)."""


@dataclass(frozen=True)
class ClaimView:
    """A claim with what a reader needs to judge its provenance."""

    claim: Claim
    quantities: tuple[ClaimQuantity, ...]
    source: Source
    snapshot: Snapshot
    state: ClaimState

    @property
    def status(self) -> str:
        return self.state.status

    @property
    def verdict(self) -> str | None:
        return self.state.verdict

    def to_json(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "kind": c.kind,
            "claimant": c.claimant,
            "subject": c.subject,
            "quantities": [quantity_json(q) for q in self.quantities],
            "checkworthiness": round(c.checkworthiness, 3),
            "fingerprint": c.fingerprint,
            "derived_from": c.derived_from,
            "reasoning": c.reasoning,
            "spans": [{"start": s, "end": e} for s, e in c.spans],
            "selector": {
                "type": "TextQuoteSelector",
                "exact": c.exact,
                "prefix": c.prefix,
                "suffix": c.suffix,
            },
            "status": self.status,
            "verdict": self.verdict,
            "assignee": self.state.assignee,
            "evidence_count": self.state.evidence_count,
            "version": self.state.version,
            "language": c.language,
            "source_id": self.source.id,
            "source_url": self.source.url,
            "snapshot_id": self.snapshot.id,
            "snapshot_sha256": self.snapshot.body_sha256,
            "fetched_at": self.snapshot.fetched_at.isoformat(),
            "http_status": self.snapshot.http_status,
        }


def quantity_json(q: ClaimQuantity) -> dict[str, Any]:
    """A stored figure as the extraction contract writes it, with the id that a
    derived claim's ``derived_from`` names."""
    return {
        "id": q.id,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "kind": q.kind,
        "unit": q.unit,
        "approximate": q.approximate,
        "hedge": q.hedge,
        "surface": q.surface,
        "start": q.start,
        "end": q.end,
    }


@dataclass(frozen=True)
class ClaimPage:
    rows: list[ClaimView]
    total: int
    offset: int
    limit: int
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """'1-200 of 12,345' style summary."""
        if not self.rows:
            return f"0 of {self.total:,}"
        return f"{self.offset + 1:,}-{self.offset + len(self.rows):,} of {self.total:,}"


def _filtered(query: Any, filters: ClaimFilter) -> Any:
    if filters.source:
        if filters.source.isdigit():
            query = query.where(Claim.source_id == int(filters.source))
        else:
            query = query.where(col(Source.url).contains(filters.source))
    if filters.kind:
        query = query.where(Claim.kind == filters.kind)
    if filters.status:
        query = query.where(ClaimState.status == filters.status)
    if filters.verdict:
        query = query.where(ClaimState.verdict == filters.verdict)
    if filters.reviewer:
        query = query.where(ClaimState.assignee == filters.reviewer)
    if filters.claimant:
        query = query.where(func.lower(col(Claim.claimant)).contains(filters.claimant.lower()))
    if filters.text:
        needle = filters.text.lower()
        query = query.where(
            or_(
                func.lower(col(Claim.text)).contains(needle),
                func.lower(col(Claim.claimant)).contains(needle),
            )
        )
    return query


# How a list of claims can be ordered; text order breaks ties in every one.
ORDERS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "verdict": ("verdict",),
    "kind": ("kind",),
    "claimant": ("claimant",),
    "checkworthiness": ("-checkworthiness",),
    "evidence": ("-evidence_count",),
    "newest": ("-created_at",),
}
_ORDER_COLUMNS: dict[str, Any] = {
    "status": ClaimState.status,
    "verdict": ClaimState.verdict,
    "kind": Claim.kind,
    "claimant": Claim.claimant,
    "checkworthiness": Claim.checkworthiness,
    "evidence_count": ClaimState.evidence_count,
    "created_at": Claim.created_at,
}


def _ordering(order: str | None) -> list[Any]:
    text_order = [col(Claim.source_id), col(Claim.snapshot_id), col(Claim.start), col(Claim.id)]
    if order is None:
        return text_order
    if order not in ORDERS:
        raise ClaimError(f"order {order!r} is unknown; use one of: {', '.join(ORDERS)}")
    keys = []
    for name in ORDERS[order]:
        column = col(_ORDER_COLUMNS[name.lstrip("-")])
        keys.append(column.desc() if name.startswith("-") else column.asc())
    return [*keys, *text_order]


def list_claims(
    session: Session, filters: ClaimFilter = ClaimFilter(), *, offset: int = 0, limit: int = 200
) -> ClaimPage:
    """One page of claims matching ``filters``, newest source first, in text order."""
    base = select(Claim, Source, Snapshot, ClaimState).join(
        Source, col(Source.id) == Claim.source_id
    )
    base = base.join(Snapshot, col(Snapshot.id) == Claim.snapshot_id)
    base = base.join(ClaimState, col(ClaimState.claim_id) == Claim.id)
    query = _filtered(base, filters)
    # Count with only the joins the filters need: on 100,000 claims an
    # unfiltered count is an index scan of one table.
    count_query = select(func.count()).select_from(Claim)
    if filters.source and not filters.source.isdigit():
        count_query = count_query.join(Source, col(Source.id) == Claim.source_id)
    if filters.status or filters.verdict or filters.reviewer:
        count_query = count_query.join(ClaimState, col(ClaimState.claim_id) == Claim.id)
    count_query = _filtered(count_query, filters)
    total = int(session.exec(count_query).one())
    rows = session.exec(query.order_by(*_ordering(filters.order)).offset(offset).limit(limit)).all()
    quantities = _quantities(session, [row[0].id for row in rows if row[0].id is not None])
    views = [
        ClaimView(claim, tuple(quantities.get(claim.id or 0, ())), source, snapshot, state)
        for claim, source, snapshot, state in rows
    ]
    return ClaimPage(views, total, offset, limit)


def _quantities(session: Session, ids: Sequence[int]) -> dict[int, list[ClaimQuantity]]:
    out: dict[int, list[ClaimQuantity]] = {}
    if not ids:
        return out
    for q in session.exec(
        select(ClaimQuantity)
        .where(col(ClaimQuantity.claim_id).in_(ids))
        .order_by(col(ClaimQuantity.claim_id), col(ClaimQuantity.position))
    ).all():
        out.setdefault(q.claim_id, []).append(q)
    return out


def get_claim(session: Session, claim_id: int) -> ClaimView:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    source = session.get(Source, claim.source_id)
    snapshot = session.get(Snapshot, claim.snapshot_id)
    assert source is not None
    assert snapshot is not None
    quantities = _quantities(session, [claim_id]).get(claim_id, [])
    return ClaimView(claim, tuple(quantities), source, snapshot, ensure_state(session, claim_id))


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph of ``text`` holding ``[start, end)`` and the span's offsets in it."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:para_end], start - para_start, end - para_start
