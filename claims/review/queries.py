"""Reading claims back: filtered, paged lists and one claim with its provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_
from sqlalchemy import select as select_columns
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.review.effective import EffectiveClaim, effective
from claims.review.events import ensure_state, parse_status
from claims.review.groups import sources_per_group
from claims.review.index import claim_index, group_json
from claims.review.search import claimant_matches, matches
from db.bodies import load_body
from db.ids import as_id
from db.models import (
    Claim,
    ClaimIndex,
    ClaimQuantity,
    ClaimState,
    Evidence,
    QuoteAnchor,
    ReviewEvent,
    Snapshot,
    Source,
)


@dataclass(frozen=True)
class ClaimFilter:
    """What a list of claims is narrowed to; None means any."""

    source: str | None = None
    """A source id or (part of) its URL."""
    kind: str | None = None
    status: str | None = None
    text: str | None = None
    """Words the sentence, claimant, notes or evidence quotes hold (case, accents and the
    spacing of names folded: "El Moussali" finds "Elmoussali")."""
    claimant: str | None = None
    verdict: str | None = None
    reviewer: str | None = None
    """Claims assigned to this reviewer."""
    order: str | None = None
    """One of ORDERS; None is text order (source, then position in the text)."""
    per_group: bool = False
    """One row per group of claims (its first claim), with how many sources it was seen in."""
    evidence_changed: bool = False
    """Only claims with live evidence whose passage moved, changed or is gone (after a refresh)."""
    since: datetime | None = None
    """Only claims stored after this moment ("new since you last looked")."""


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
        return _describe(self.offset, len(self.rows), self.total)


def _describe(offset: int, shown: int, total: int | None) -> str:
    of = "…" if total is None else f"{total:,}"
    return f"0 of {of}" if not shown else f"{offset + 1:,}-{offset + shown:,} of {of}"


def source_condition(source: str) -> ColumnElement[bool]:
    """Claims of source id ``source``, or of the sources whose URL holds it."""
    source_id = as_id(source)
    if source_id is not None:
        return col(Claim.source_id) == source_id
    return _holds(col(Source.url), source)


def _holds(column: Any, needle: str) -> ColumnElement[bool]:
    # autoescape: "_" and "%" typed by a person are characters, not LIKE wildcards.
    condition: ColumnElement[bool] = column.contains(needle, autoescape=True)
    return condition


def _filtered(query: Any, filters: ClaimFilter) -> Any:
    if filters.source:
        query = query.where(source_condition(filters.source))
    if filters.kind:
        query = query.where(Claim.kind == filters.kind)
    if filters.status:
        query = query.where(ClaimState.status == parse_status(filters.status))
    if filters.verdict:
        query = query.where(ClaimState.verdict == filters.verdict)
    if filters.reviewer:
        query = query.where(ClaimState.assignee == filters.reviewer)
    if filters.claimant:
        query = query.where(claimant_matches(filters.claimant))
    if filters.text:
        query = query.where(matches(filters.text))
    if filters.per_group:
        query = query.where(_first_of_group())
    if filters.evidence_changed:
        query = query.where(exists(_stale_evidence().where(col(_Anchor.claim_id) == Claim.id)))
    if filters.since is not None:
        query = query.where(col(Claim.created_at) > filters.since)
    return query


# The latest anchor of each live evidence row, compared with the passage as it was
# linked: the rules of ``claims.review.freshness`` in SQL, so that the queue can
# filter on them and mark a page's rows with one query instead of one per claim.
_Anchor = aliased(QuoteAnchor)
_Later = aliased(QuoteAnchor)
STALE_ORDER = ("moved", "changed", "gone")
"""Freshness states a queue row marks, mildest first (the row shows the worst)."""


def _stale_state() -> Any:
    return case(
        (col(_Anchor.exact).is_(None), "gone"),
        (col(_Anchor.exact) != col(Evidence.exact), "changed"),
        else_="moved",
    )


def _stale_evidence() -> Any:
    """Evidence anchors whose latest re-check says the passage is not as linked."""
    latest = (
        select_columns(func.max(col(_Later.id)))
        .where(
            col(_Later.claim_id) == col(_Anchor.claim_id),
            col(_Later.evidence_id) == col(_Anchor.evidence_id),
        )
        .scalar_subquery()
    )
    withdrawn = exists().where(
        col(ReviewEvent.evidence_id) == col(Evidence.id),
        col(ReviewEvent.action) == "evidence_removed",
    )
    return (
        select_columns(col(_Anchor.claim_id), _stale_state())
        .join(Evidence, col(Evidence.id) == col(_Anchor.evidence_id))
        .where(
            col(_Anchor.id) == latest,
            or_(
                col(_Anchor.exact).is_(None),
                col(_Anchor.exact) != col(Evidence.exact),
                and_(
                    col(_Anchor.start).is_not(None),
                    or_(
                        col(_Anchor.start) != col(Evidence.start),
                        col(_Anchor.end) != col(Evidence.end),
                    ),
                ),
            ),
            ~withdrawn,
        )
    )


def stale_evidence_of(session: Session, claim_ids: Sequence[int]) -> dict[int, str]:
    """For each of ``claim_ids`` with evidence not as linked, its worst state
    (``moved``, ``changed`` or ``gone``); claims whose evidence is current are left out."""
    found: dict[int, str] = {}
    if not claim_ids:
        return found
    rank = {state: n for n, state in enumerate(STALE_ORDER)}
    for claim_id, state in session.execute(
        _stale_evidence().where(col(_Anchor.claim_id).in_(claim_ids))
    ).all():
        if rank[state] >= rank.get(found.get(claim_id, ""), -1):
            found[claim_id] = state
    return found


def _first_of_group() -> ColumnElement[bool]:
    """The claim stands alone or is the first of its group (a group's id is its smallest
    claim id, see ``claims.review.groups``)."""
    condition: ColumnElement[bool] = or_(
        col(ClaimIndex.group_id).is_(None), col(ClaimIndex.group_id) == col(Claim.id)
    )
    return condition


def _needs_index(filters: ClaimFilter) -> bool:
    return bool(filters.text or filters.claimant or filters.per_group)


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
    # Five entities: more than sqlmodel's typed ``select`` takes, hence Any.
    base: Any = (
        select(Claim, Source, Snapshot, ClaimState)
        .add_columns(ClaimIndex)
        .join(Source, col(Source.id) == Claim.source_id)
        .join(Snapshot, col(Snapshot.id) == Claim.snapshot_id)
        .join(ClaimState, col(ClaimState.claim_id) == Claim.id)
        .outerjoin(ClaimIndex, col(ClaimIndex.claim_id) == Claim.id)
    )
    query = _filtered(base, filters)
    total = count_claims(session, filters)
    rows = session.exec(query.order_by(*_ordering(filters.order)).offset(offset).limit(limit)).all()
    quantities = _quantities(session, [row[0].id for row in rows if row[0].id is not None])
    groups = _groups(session, [index.group_id for *_, index in rows if index is not None])
    views = [
        ClaimView(
            claim,
            tuple(quantities.get(claim.id or 0, ())),
            source,
            snapshot,
            state,
            dict(index.corrections) if index is not None else {},
            groups.get(index.group_id) if index is not None and index.group_id else None,
        )
        for claim, source, snapshot, state, index in rows
    ]
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


def count_claims(session: Session, filters: ClaimFilter = ClaimFilter()) -> int:
    """How many claims match ``filters``."""
    # Only the joins the filters need: on 100,000 claims an unfiltered count
    # is an index scan of one table.
    query = select(func.count()).select_from(Claim)
    if filters.source and as_id(filters.source) is None:
        query = query.join(Source, col(Source.id) == Claim.source_id)
    if filters.status or filters.verdict or filters.reviewer:
        query = query.join(ClaimState, col(ClaimState.claim_id) == Claim.id)
    if _needs_index(filters):
        query = query.join(ClaimIndex, col(ClaimIndex.claim_id) == Claim.id)
    return int(session.exec(_filtered(query, filters)).one())


@dataclass(frozen=True)
class FigureRow:
    """What a list shows of a claim's figure (the fields of ``ClaimQuantity`` it reads)."""

    value: float | None
    low: float | None
    high: float | None
    kind: str
    unit: str | None
    approximate: bool


@dataclass(frozen=True)
class ClaimRow:
    """What a list of claims shows of one claim: plain values, no ORM objects."""

    id: int
    text: str
    kind: str
    claimant: str | None
    created_at: datetime
    source_url: str
    status: str
    verdict: str | None
    evidence_count: int
    figures: tuple[FigureRow, ...]
    """The first ``ROW_FIGURES`` figures, in sentence order (as corrected)."""
    group_id: int | None = None
    sources: int = 1
    """How many sources the claim's group was seen in (1 for a claim alone)."""
    stale: str | None = None
    """The worst state of its live evidence when not as linked: moved, changed or gone."""


ROW_FIGURES = 2


@dataclass(frozen=True)
class ClaimRowPage:
    rows: list[ClaimRow]
    total: int | None
    """None: not counted (the page is full; ``count_claims`` says how many)."""
    offset: int
    limit: int

    def describe(self) -> str:
        """'1-200 of 12,345' style summary; '1-200 of …' before the count."""
        return _describe(self.offset, len(self.rows), self.total)


def claim_rows(
    session: Session,
    filters: ClaimFilter = ClaimFilter(),
    *,
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
) -> ClaimRowPage:
    """One page of ``list_claims`` as plain rows, without counting.

    Building ORM objects costs most of a page of ``list_claims`` (~30 ms for
    200 claims against ~4 ms for these rows). ``total`` is the caller's count
    of the matches when it has one (paging through the same filters); without
    it the page's total is known only when the page is not full.
    """
    query = (
        select_columns(
            col(Claim.id),
            col(Claim.text),
            col(Claim.kind),
            col(Claim.claimant),
            col(Claim.created_at),
            col(Source.url),
            col(ClaimState.status),
            col(ClaimState.verdict),
            col(ClaimState.evidence_count),
            col(ClaimIndex.corrections),
            col(ClaimIndex.group_id),
        )
        .join(Source, col(Source.id) == Claim.source_id)
        .join(ClaimState, col(ClaimState.claim_id) == Claim.id)
        .outerjoin(ClaimIndex, col(ClaimIndex.claim_id) == Claim.id)
    )
    query = _filtered(query, filters).order_by(*_ordering(filters.order))
    found = session.execute(query.offset(offset).limit(limit)).all()
    figures: dict[int, list[FigureRow]] = {}
    if found:
        for claim_id, *values in session.execute(
            select_columns(
                col(ClaimQuantity.claim_id),
                col(ClaimQuantity.value),
                col(ClaimQuantity.low),
                col(ClaimQuantity.high),
                col(ClaimQuantity.kind),
                col(ClaimQuantity.unit),
                col(ClaimQuantity.approximate),
            )
            .where(col(ClaimQuantity.claim_id).in_([row[0] for row in found]))
            .where(col(ClaimQuantity.position) < ROW_FIGURES)
            .order_by(col(ClaimQuantity.claim_id), col(ClaimQuantity.position))
        ).all():
            figures.setdefault(claim_id, []).append(FigureRow(*values))
    sources = sources_per_group(session, [row[-1] for row in found if row[-1] is not None])
    stale = stale_evidence_of(session, [row[0] for row in found])
    rows = []
    for n, text, kind, who, at, url, status, verdict, evidence, corrections, group in found:
        fixes = corrections or {}
        shown = tuple(
            _corrected_row(row, (fixes.get("figures") or {}).get(str(position)))
            for position, row in enumerate(figures.get(n, ()))
        )
        rows.append(
            ClaimRow(
                n,
                (fixes.get("span") or {}).get("text", text),
                kind,
                fixes.get("claimant") if "claimant" in fixes else who,
                at,
                url,
                status,
                verdict,
                evidence,
                shown,
                group,
                sources.get(group, 1) if group is not None else 1,
                stale.get(n),
            )
        )
    if total is None and (len(rows) < limit and (rows or offset == 0)):
        total = offset + len(rows)
    return ClaimRowPage(rows, total, offset, limit)


def _corrected_row(row: FigureRow, fix: dict[str, Any] | None) -> FigureRow:
    if not fix:
        return row
    return replace(row, **{k: v for k, v in fix.items() if k in FigureRow.__dataclass_fields__})


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
