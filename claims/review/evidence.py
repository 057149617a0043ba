"""Evidence: a claim linked to an anchored passage of a fetched snapshot.

Adding evidence fetches the target through the same fetcher and snapshot
store as ingest; the quote is anchored in the snapshot's text, the claim's
figures are cross-checked against it, and the evidence row, its review event
and the snapshot are written in one transaction: a quote that is not in the
page leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

import httpx
from sqlmodel import Session, col, select

from claims.errors import ClaimError, ClaimNotFound
from claims.language_choice import choose_language
from claims.review.effective import effective
from claims.review.events import Change, append, ensure_state, live_evidence_ids
from claims.review.freshness import CURRENT, EvidenceFreshness, evidence_freshness
from claims.review.index import claim_index, others_in_group
from claims.review.search import reindex_search
from claims.text.anchoring import Anchor, anchor_quote, selectors_for
from claims.text.crosscheck import crosscheck
from claims.text.passages import Passage, propose_passages
from claims.text.quantities import Quantity
from db.engine import Database
from db.models import Claim, ClaimQuantity, Evidence, Snapshot, Source
from sources.fetching import FetchPolicy
from sources.ingest import IngestOptions, ingest
from sources.snapshots import Stored

Stance = Literal["supports", "refutes", "context"]
STANCES: tuple[str, ...] = ("supports", "refutes", "context")


class EvidenceNotFound(ClaimError):
    def __init__(self, evidence_id: int) -> None:
        super().__init__(
            f"evidence {evidence_id}: no such evidence; list it with `factdesk evidence list CLAIM`"
        )


class NoPassageFound(ClaimError):
    """``--auto`` found nothing in the page that bears on the claim."""


def as_quantity(row: ClaimQuantity) -> Quantity:
    return Quantity(
        value=row.value,
        low=row.low,
        high=row.high,
        kind=row.kind,  # type: ignore[arg-type]
        unit=row.unit,
        approximate=row.approximate,
        hedge=row.hedge,
        surface=row.surface,
        start=row.start,
        end=row.end,
    )


def claim_quantities(session: Session, claim_id: int) -> list[Quantity]:
    """The claim's figures as reviewers corrected them (cross-checks use these)."""
    rows = session.exec(
        select(ClaimQuantity)
        .where(ClaimQuantity.claim_id == claim_id)
        .order_by(col(ClaimQuantity.position))
    ).all()
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    corrected = effective(claim, rows, claim_index(session, claim_id).corrections)
    return [as_quantity(row) for row in corrected.quantities]


@dataclass
class EvidenceAdded:
    evidence: Evidence
    snapshot: Snapshot
    proposals: list[Passage] = field(default_factory=list)


def _language(snapshot: Snapshot) -> str:
    return choose_language(snapshot.text, snapshot.language)


@dataclass(frozen=True)
class EvidenceRequest:
    """What a reviewer asks for: which passage, with which stance."""

    claim_id: int
    stance: str
    reviewer: str
    quote: str | None = None
    auto: bool = False
    note: str | None = None
    expected_version: int | None = None

    def check(self) -> None:
        if self.stance not in STANCES:
            raise ClaimError(f"stance {self.stance!r} is unknown; use one of: {', '.join(STANCES)}")
        if (self.quote is None) == (not self.auto):
            raise ClaimError(
                "give the passage with --quote TEXT, or let factdesk pick it with --auto"
            )


def link_snapshot(
    session: Session, request: EvidenceRequest, snapshot: Snapshot, *, where: str
) -> EvidenceAdded:
    """Anchor the requested passage in ``snapshot``, cross-check, record it.

    Runs inside the caller's write transaction; any error leaves nothing.
    """
    request.check()
    claim = session.get(Claim, request.claim_id)
    if claim is None:
        raise ClaimNotFound(request.claim_id)
    quantities = claim_quantities(session, request.claim_id)
    proposals: list[Passage] = []
    if request.auto:
        proposals = propose_passages(
            claim.text, quantities, claim.kind, snapshot.text, lang=_language(snapshot)
        )
        if not proposals:
            raise NoPassageFound(
                f"{where}: no passage of the page bears on claim {request.claim_id}; "
                "read the page and give the passage with --quote TEXT"
            )
        anchor: Anchor = selectors_for(snapshot.text, proposals[0].start, proposals[0].end)
    else:
        assert request.quote is not None
        anchor = anchor_quote(snapshot.text, request.quote)
    source = session.get(Source, snapshot.source_id)
    assert source is not None
    evidence = _link(session, request, request.claim_id, anchor, snapshot, source)
    # The group's other claims get the same passage, each with its own cross-check.
    for other in others_in_group(session, request.claim_id):
        _link(session, replace(request, expected_version=None), other, anchor, snapshot, source)
    return EvidenceAdded(evidence, snapshot, proposals)


def _link(
    session: Session,
    request: EvidenceRequest,
    claim_id: int,
    anchor: Anchor,
    snapshot: Snapshot,
    source: Source,
) -> Evidence:
    checks = crosscheck(
        claim_quantities(session, claim_id), anchor.quote.exact, _language(snapshot)
    )
    evidence = Evidence(
        claim_id=claim_id,
        snapshot_id=snapshot.id or 0,
        source_id=snapshot.source_id,
        stance=request.stance,
        exact=anchor.quote.exact,
        prefix=anchor.quote.prefix,
        suffix=anchor.quote.suffix,
        start=anchor.position.start,
        end=anchor.position.end,
        anchor_method=anchor.method,
        anchor_score=anchor.score,
        proposed=request.auto,
        note=request.note,
        crosscheck=[c.to_json() for c in checks],
        added_by=request.reviewer,
    )
    session.add(evidence)
    session.flush()
    state = ensure_state(session, claim_id)
    changes = [
        Change(
            "evidence_added",
            after={"stance": request.stance, "quote": evidence.exact, "source": source.url},
            evidence_id=evidence.id,
            text=request.note,
        )
    ]
    updates: dict[str, Any] = {"evidence_count": state.evidence_count + 1}
    if state.status == "new":
        changes.append(Change("status", before="new", after="in_review"))
        updates["status"] = "in_review"
    append(
        session,
        claim_id,
        changes,
        reviewer=request.reviewer,
        expected_version=request.expected_version,
        state_updates=updates,
    )
    reindex_search(session, claim_id)
    return evidence


def add_evidence(
    database: Database,
    request: EvidenceRequest,
    target: str,
    *,
    policy: FetchPolicy,
    options: IngestOptions | None = None,
    client: httpx.Client | None = None,
) -> EvidenceAdded:
    """Fetch ``target`` (archived like any source), then link the passage.

    The snapshot and the evidence are stored in one transaction: a quote
    that is not in the page leaves nothing behind.
    """
    request.check()
    with database.read() as session:
        if session.get(Claim, request.claim_id) is None:
            raise ClaimNotFound(request.claim_id)
        loaded = ensure_state(session, request.claim_id).version
    if request.expected_version is None:
        # Pin the version seen now: a change during the fetch is a conflict.
        request = replace(request, expected_version=loaded)
    outcome: list[EvidenceAdded] = []

    def link(session: Session, stored: Stored) -> None:
        outcome.append(link_snapshot(session, request, stored.snapshot, where=target))

    ingest(
        database,
        target,
        options=options or IngestOptions(),
        policy=policy,
        client=client,
        worker=f"evidence:{request.reviewer}",
        after_store=link,
    )
    return outcome[0]


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    source: Source
    snapshot: Snapshot
    removed: bool
    freshness: EvidenceFreshness = CURRENT

    def to_json(self) -> dict[str, Any]:
        e = self.evidence
        return {
            "id": e.id,
            "claim_id": e.claim_id,
            "stance": e.stance,
            "quote": e.exact,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": e.exact,
                    "prefix": e.prefix,
                    "suffix": e.suffix,
                },
                {"type": "TextPositionSelector", "start": e.start, "end": e.end},
            ],
            "anchor": {"method": e.anchor_method, "score": e.anchor_score},
            "crosscheck": e.crosscheck,
            "note": e.note,
            "source_url": self.source.url,
            "snapshot_id": self.snapshot.id,
            "snapshot_sha256": self.snapshot.body_sha256,
            "fetched_at": self.snapshot.fetched_at.isoformat(),
            "added_by": e.added_by,
            "added_at": e.added_at.isoformat(),
            "removed": self.removed,
            **self.freshness.to_json(),
        }


def list_evidence(
    session: Session, claim_id: int, *, include_removed: bool = False
) -> list[EvidenceView]:
    if session.get(Claim, claim_id) is None:
        raise ClaimNotFound(claim_id)
    live = live_evidence_ids(session, claim_id)
    rows = session.exec(
        select(Evidence, Source, Snapshot)
        .join(Source, col(Source.id) == Evidence.source_id)
        .join(Snapshot, col(Snapshot.id) == Evidence.snapshot_id)
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.id))
    ).all()
    fresh = evidence_freshness(session, claim_id, [e for e, _, _ in rows])
    views = [
        EvidenceView(e, src, snap, e.id not in live, fresh.get(e.id or 0, CURRENT))
        for e, src, snap in rows
    ]
    return [v for v in views if include_removed or not v.removed]


@dataclass(frozen=True)
class Withdrawn:
    """Evidence withdrawn from its claim, and the same passage from the claim's group."""

    evidence: Evidence
    also: tuple[Evidence, ...] = ()
    """The group's other claims' links to the same passage, withdrawn with it."""

    @property
    def claim_id(self) -> int:
        return self.evidence.claim_id


def remove_evidence(
    session: Session,
    evidence_id: int,
    *,
    reviewer: str,
    why: str | None = None,
    expected_version: int | None = None,
) -> Withdrawn:
    """Withdraw evidence from its claim and from the other claims of its group.

    Evidence added to one claim of a group was linked to each of them (the
    same snapshot and span, see :func:`link_snapshot`): withdrawing it from
    one withdraws it from all, each claim with its own event and the same
    reason. The evidence rows and the history stay.
    """
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise EvidenceNotFound(evidence_id)
    if evidence_id not in live_evidence_ids(session, evidence.claim_id):
        raise ClaimError(f"evidence {evidence_id} was already removed")
    _withdraw(session, evidence, reviewer=reviewer, why=why, expected_version=expected_version)
    also: list[Evidence] = []
    for other in others_in_group(session, evidence.claim_id):
        for twin in _same_passage(session, other, evidence):
            _withdraw(session, twin, reviewer=reviewer, why=why, expected_version=None)
            also.append(twin)
    return Withdrawn(evidence, tuple(also))


def _same_passage(session: Session, claim_id: int, evidence: Evidence) -> list[Evidence]:
    """The claim's live evidence that links the same passage of the same snapshot."""
    live = live_evidence_ids(session, claim_id)
    if not live:
        return []
    rows = session.exec(
        select(Evidence)
        .where(
            col(Evidence.id).in_(live),
            Evidence.snapshot_id == evidence.snapshot_id,
            Evidence.start == evidence.start,
            Evidence.end == evidence.end,
        )
        .order_by(col(Evidence.id))
    ).all()
    return list(rows)


def _withdraw(
    session: Session,
    evidence: Evidence,
    *,
    reviewer: str,
    why: str | None,
    expected_version: int | None,
) -> None:
    state = ensure_state(session, evidence.claim_id)
    append(
        session,
        evidence.claim_id,
        [
            Change(
                "evidence_removed",
                before={"stance": evidence.stance, "quote": evidence.exact},
                evidence_id=evidence.id,
                text=why,
            )
        ],
        reviewer=reviewer,
        expected_version=expected_version,
        state_updates={"evidence_count": max(0, state.evidence_count - 1)},
    )
