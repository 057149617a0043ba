"""Storing extracted claims with their provenance in a snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from claims.crosscheck import DerivedFigure, derived_figures
from claims.extraction import ExtractedClaim, detect_language, extract_claims
from claims.quantities import Quantity
from db.models import Claim, ClaimQuantity, ClaimState, Snapshot

EXTRACTOR = "factdesk-claims/1"
DERIVER = "factdesk-derived/1"
SELECTOR_CONTEXT = 32
"""Characters of prefix and suffix in a TextQuoteSelector."""


def quote_selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]``, as W3C TextQuoteSelector."""
    return (
        text[start:end],
        text[max(0, start - SELECTOR_CONTEXT) : start],
        text[end : end + SELECTOR_CONTEXT],
    )


def store_claims(
    session: Session, snapshot: Snapshot, extracted: Sequence[ExtractedClaim]
) -> list[Claim]:
    """Store ``extracted`` (found in ``snapshot.text``) and their quantities."""
    assert snapshot.id is not None
    stored: list[Claim] = []
    for found in extracted:
        claim = _claim_row(snapshot, found, found.fingerprint, EXTRACTOR)
        rows = _store(session, claim, found.quantities)
        stored.append(claim)
        for derived in derived_figures(found.quantities, snapshot.text, snapshot.language or "fr"):
            stored.append(_store_derived(session, snapshot, found, derived, rows))
    session.flush()
    return stored


def _claim_row(
    snapshot: Snapshot, found: ExtractedClaim, fingerprint: str, extractor: str
) -> Claim:
    exact, prefix, suffix = quote_selector(snapshot.text, found.start, found.end)
    assert snapshot.id is not None
    return Claim(
        snapshot_id=snapshot.id,
        source_id=snapshot.source_id,
        text=found.text,
        start=found.start,
        end=found.end,
        spans=[[span.start, span.end] for span in found.spans],
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        kind=found.kind,
        claimant=found.claimant,
        subject=found.subject,
        language=snapshot.language,
        checkworthiness=found.checkworthiness,
        fingerprint=fingerprint,
        extractor=extractor,
    )


def _store(session: Session, claim: Claim, quantities: Sequence[Quantity]) -> list[ClaimQuantity]:
    session.add(claim)
    session.flush()
    assert claim.id is not None
    session.add(ClaimState(claim_id=claim.id))
    rows = [
        ClaimQuantity(
            claim_id=claim.id,
            position=position,
            value=q.value,
            low=q.low,
            high=q.high,
            kind=q.kind,
            unit=q.unit,
            approximate=q.approximate,
            hedge=q.hedge,
            surface=q.surface,
            start=q.start,
            end=q.end,
        )
        for position, q in enumerate(quantities)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def _store_derived(
    session: Session,
    snapshot: Snapshot,
    found: ExtractedClaim,
    derived: DerivedFigure,
    rows: Sequence[ClaimQuantity],
) -> Claim:
    """A total implied by a part and its share: a claim of its own, on the same
    sentence, linked to the two figures it is computed from."""
    total = derived.as_quantity()
    claim = _claim_row(snapshot, found, f"derived:{found.fingerprint}", DERIVER)
    claim.subject = f"{derived.surface} (implied: {derived.reason})"
    claim.derived_from = [
        row.id
        for row in rows
        if row.id is not None
        and (row.start, row.end) in {(q.start, q.end) for q in (derived.part, derived.share)}
    ]
    _store(session, claim, (total,))
    return claim


def extract_snapshot_claims(session: Session, snapshot: Snapshot) -> list[Claim]:
    """Extract and store the claims of ``snapshot`` unless that was done already."""
    existing = session.exec(
        select(Claim).where(Claim.snapshot_id == snapshot.id).order_by(col(Claim.start))
    ).all()
    if existing:
        return list(existing)
    lang = snapshot.language if snapshot.language in ("fr", "en") else None
    language = lang or detect_language(snapshot.text)
    return store_claims(session, snapshot, extract_claims(snapshot.text, language))
