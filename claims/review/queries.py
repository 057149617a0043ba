"""Reading claims back: filtered, paged lists and one claim with its provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, text
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from claims.errors import ClaimNotFound
from claims.review.effective import EffectiveClaim, effective
from claims.review.events import ensure_state
from claims.review.index import claim_index, group_json
from claims.review.listing import (
    ClaimFilter,
    claim_ids,
    count_claims,
    describe_page,
    source_where,
)
from db.bodies import load_body
from db.models import (
    Claim,
    ClaimIndex,
    ClaimQuantity,
    ClaimState,
    Snapshot,
    Source,
)
from db.reader import SessionRows


@dataclass(frozen=True)
class ClaimView:
    """A claim with what a reader needs to judge its provenance.

    ``quantities`` and the claimant, sentence and span of ``to_json`` are the
    effective ones (the extractor's, with the reviewers' corrections laid
    over); ``claim`` and ``original_quantities`` stay as the extractor found them.
    """

    claim: Claim
    original_quantities: tuple[ClaimQuantity, ...]
    source: Source
    snapshot: Snapshot
    state: ClaimState
    corrections: dict[str, Any] = field(default_factory=dict)
    group: dict[str, Any] | None = None

    @property
    def effective(self) -> EffectiveClaim:
        return effective(self.claim, self.original_quantities, self.corrections)

    @property
    def quantities(self) -> tuple[ClaimQuantity, ...]:
        return self.effective.quantities

    @property
    def claimant(self) -> str | None:
        return self.effective.claimant

    @property
    def status(self) -> str:
        return self.state.status

    @property
    def verdict(self) -> str | None:
        return self.state.verdict

    def to_json(self) -> dict[str, Any]:
        c = self.claim
        now = self.effective
        return {
            "id": c.id,
            "text": now.text,
            "start": now.start,
            "end": now.end,
            "kind": c.kind,
            "claimant": now.claimant,
            "subject": c.subject,
            "quantities": [quantity_json(q) for q in now.quantities],
            "corrected": list(now.corrected),
            "original": {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "claimant": c.claimant,
                "quantities": [quantity_json(q) for q in self.original_quantities],
            }
            if now.corrected
            else None,
            "group": self.group,
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
        return describe_page(self.offset, len(self.rows), self.total)


def source_condition(source: str) -> ColumnElement[bool]:
    """Claims of source id ``source``, or of the sources whose URL holds it (the
    listing's rule, for an ORM query that joins ``source``)."""
    found = source_where(source)
    condition: ColumnElement[bool] = and_(text(found.sql()).bindparams(**found.params))
    return condition


def list_claims(
    session: Session, filters: ClaimFilter = ClaimFilter(), *, offset: int = 0, limit: int = 200
) -> ClaimPage:
    """One page of claims matching ``filters`` (``claims.review.listing`` picks them),
    with their ORM rows."""
    rows = SessionRows(session)
    ids = claim_ids(rows, filters, offset=offset, limit=limit)
    total = count_claims(rows, filters)
    # Five entities: more than sqlmodel's typed ``select`` takes, hence Any.
    query: Any = (
        select(Claim, Source, Snapshot, ClaimState)
        .add_columns(ClaimIndex)
        .join(Source, col(Source.id) == Claim.source_id)
        .join(Snapshot, col(Snapshot.id) == Claim.snapshot_id)
        .join(ClaimState, col(ClaimState.claim_id) == Claim.id)
        .outerjoin(ClaimIndex, col(ClaimIndex.claim_id) == Claim.id)
        .where(col(Claim.id).in_(ids))
    )
    found = {row[0].id: row for row in session.exec(query).all()} if ids else {}
    quantities = _quantities(session, ids)
    groups = _groups(session, [row[-1].group_id for row in found.values() if row[-1] is not None])
    views = []
    for claim_id in ids:
        claim, source, snapshot, state, index = found[claim_id]
        views.append(
            ClaimView(
                claim,
                tuple(quantities.get(claim_id, ())),
                source,
                snapshot,
                state,
                dict(index.corrections) if index is not None else {},
                groups.get(index.group_id) if index is not None and index.group_id else None,
            )
        )
    return ClaimPage(views, total, offset, limit)


def _groups(session: Session, group_ids: Sequence[int | None]) -> dict[int, dict[str, Any]]:
    wanted = sorted({g for g in group_ids if g is not None})
    found: dict[int, dict[str, Any]] = {}
    if not wanted:
        return found
    for claim_id, group_id in session.execute(
        select_columns(col(ClaimIndex.claim_id), col(ClaimIndex.group_id))
        .where(col(ClaimIndex.group_id).in_(wanted))
        .order_by(col(ClaimIndex.claim_id))
    ).all():
        found.setdefault(group_id, {"id": group_id, "claims": []})["claims"].append(claim_id)
    return found


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
    index = claim_index(session, claim_id)
    return ClaimView(
        claim,
        tuple(quantities),
        source,
        snapshot,
        ensure_state(session, claim_id),
        dict(index.corrections),
        group_json(session, claim_id),
    )


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph of ``text`` holding ``[start, end)`` and the span's offsets in it."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:para_end], start - para_start, end - para_start


def snapshot_body(session: Session, digest: str) -> bytes:
    """The raw bytes of a snapshot, read from the content-addressed body store
    (checked against their SHA-256): what exports archive, so that none of them
    reads the body table itself. KeyError when no body has ``digest``."""
    return load_body(session, digest)
