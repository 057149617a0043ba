"""Storing extracted claims with their provenance in a snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from claims.extraction import ExtractedClaim, detect_language, extract_claims
from db.models import Claim, ClaimQuantity, ClaimState, Snapshot

EXTRACTOR = "factdesk-claims/1"
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
        exact, prefix, suffix = quote_selector(snapshot.text, found.start, found.end)
        claim = Claim(
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
            fingerprint=found.fingerprint,
            extractor=EXTRACTOR,
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        session.add(ClaimState(claim_id=claim.id))
        for position, q in enumerate(found.quantities):
            session.add(
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
            )
        stored.append(claim)
    session.flush()
    return stored


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
