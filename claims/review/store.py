"""Storing extracted claims with their provenance in a snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from claims.language_choice import choose_language
from claims.review.folding import search_key
from claims.review.groups import group_identical
from claims.review.search import SEARCH_VERSION
from claims.text.extraction import ExtractedClaim, extract_claims
from claims.text.quantities import Quantity
from db.models import Claim, ClaimIndex, ClaimQuantity, ClaimState, Snapshot

EXTRACTOR = "factdesk-claims/1"
DERIVER = "factdesk-derived/2"
"""Version 2: totals from a part and its share in one sentence only (version 1 also
read them across sentences and pinned them to sentences without figures)."""
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
    """Store ``extracted`` (found in ``snapshot.text``) and their quantities.

    A derived claim comes after the claim of its sentence (same span), as
    ``extract_claims`` gives them; its ``derived_from`` positions become the ids
    of that claim's stored figures.
    """
    assert snapshot.id is not None
    stored: list[Claim] = []
    figures: dict[tuple[int, int], list[ClaimQuantity]] = {}
    for found in extracted:
        if found.kind == "derived":
            stored.append(_store_derived(session, snapshot, found, figures))
            continue
        claim = _claim_row(snapshot, found, EXTRACTOR)
        figures[(found.start, found.end)] = _store(session, claim, found.quantities)
        stored.append(claim)
    session.flush()
    group_identical(session, stored)
    return stored


def _claim_row(snapshot: Snapshot, found: ExtractedClaim, extractor: str) -> Claim:
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
        fingerprint=found.fingerprint,
        extractor=extractor,
        reasoning=found.reasoning,
    )


def quantity_rows(
    claim_id: int, quantities: Sequence[Quantity], offset: int = 0
) -> list[ClaimQuantity]:
    """The rows of a claim's figures, in order; ``offset`` moves spans found in the
    claim's own text to positions in the snapshot text."""
    return [
        ClaimQuantity(
            claim_id=claim_id,
            position=position,
            value=q.value,
            low=q.low,
            high=q.high,
            kind=q.kind,
            unit=q.unit,
            approximate=q.approximate,
            hedge=q.hedge,
            surface=q.surface,
            start=q.start + offset,
            end=q.end + offset,
        )
        for position, q in enumerate(quantities)
    ]


def _store(session: Session, claim: Claim, quantities: Sequence[Quantity]) -> list[ClaimQuantity]:
    session.add(claim)
    session.flush()
    assert claim.id is not None
    session.add(ClaimState(claim_id=claim.id))
    session.add(
        ClaimIndex(
            claim_id=claim.id,
            search=search_key(claim.text, claim.claimant),
            claimant_key=search_key(claim.claimant),
            # A new claim holds no note or evidence yet: its key is complete.
            search_version=SEARCH_VERSION,
        )
    )
    rows = quantity_rows(claim.id, quantities)
    session.add_all(rows)
    session.flush()
    return rows


def _store_derived(
    session: Session,
    snapshot: Snapshot,
    found: ExtractedClaim,
    figures: dict[tuple[int, int], list[ClaimQuantity]],
) -> Claim:
    """A total implied by a part and its share: a claim of its own on their sentence,
    naming the two stored figures it is computed from."""
    rows = figures.get((found.start, found.end))
    if rows is None or not found.derived_from or max(found.derived_from) >= len(rows):
        raise ValueError(
            f"derived claim at {found.start}-{found.end} does not follow the claim of its "
            "sentence with the figures it names"
        )
    claim = _claim_row(snapshot, found, DERIVER)
    claim.derived_from = [
        id_ for id_ in (rows[i].id for i in found.derived_from) if id_ is not None
    ]
    _store(session, claim, found.quantities)
    return claim


def extract_snapshot_claims(session: Session, snapshot: Snapshot) -> list[Claim]:
    """Extract and store the claims of ``snapshot`` unless that was done already."""
    existing = session.exec(
        select(Claim).where(Claim.snapshot_id == snapshot.id).order_by(col(Claim.start))
    ).all()
    if existing:
        return list(existing)
    language = choose_language(snapshot.text, snapshot.language)
    return store_claims(session, snapshot, extract_claims(snapshot.text, language))
