"""Keeping each claim's search key in step with what it holds (see ``claims.review.folding``)."""

from __future__ import annotations

from sqlmodel import Session, select

from claims.review.effective import effective_claimant
from claims.review.folding import search_key
from claims.review.index import claim_index
from db.models import Claim, Evidence, ReviewEvent


def reindex_search(session: Session, claim_id: int) -> None:
    """Recompute the claim's search key from what it holds now."""
    claim = session.get(Claim, claim_id)
    assert claim is not None
    index = claim_index(session, claim_id)
    notes = session.exec(
        select(ReviewEvent.text).where(
            ReviewEvent.claim_id == claim_id, ReviewEvent.action == "note"
        )
    ).all()
    evidence = session.exec(
        select(Evidence.exact, Evidence.note).where(Evidence.claim_id == claim_id)
    ).all()
    # A reviewer's note on an evidence item is a note too ("notes" of the search).
    quotes = [text for row in evidence for text in row if text]
    claimant = effective_claimant(claim, index.corrections)
    originals = [claim.claimant] if claimant != claim.claimant else []
    span_text = index.corrections.get("span", {}).get("text")
    index.search = search_key(claim.text, span_text, claimant, *originals, *notes, *quotes)
    index.claimant_key = search_key(claimant)
    session.add(index)
    session.flush()
