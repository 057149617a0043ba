"""Keeping each claim's search key in step with what it holds (see ``claims.review.folding``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from sqlmodel import Session, col, func, select

from claims.review.effective import effective_claimant
from claims.review.folding import search_key
from claims.review.index import claim_index
from db.models import Claim, ClaimIndex, Evidence, ReviewEvent

SEARCH_VERSION: Final = 1
"""The rules a search key is made by. 1: the sentence, the corrected span and
claimant (and the extractor's claimant), review notes, evidence quotes and
evidence notes, folded by ``claims.review.folding``. Bump it with a migration
that adds nothing when the fields or the folding change: keys of an older
version are made again after the upgrade (:func:`reindex_stale`)."""

BATCH: Final = 500
"""Claims re-indexed per round of queries: well under every engine's bound-parameter limit."""


def reindex_search(session: Session, claim_id: int) -> None:
    """Recompute the claim's search key from what it holds now."""
    claim_index(session, claim_id)  # made first for a claim stored before it had one
    reindex_many(session, [claim_id])


def reindex_many(session: Session, claim_ids: Sequence[int]) -> None:
    """Recompute the search keys of ``claim_ids`` (claims with an index row), a few queries
    for the lot."""
    ids = list(claim_ids)
    claims = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(ids)))}
    indexes = session.exec(select(ClaimIndex).where(col(ClaimIndex.claim_id).in_(ids))).all()
    said: defaultdict[int, list[str]] = defaultdict(list)
    for claim_id, text in session.exec(
        select(ReviewEvent.claim_id, ReviewEvent.text)
        .where(col(ReviewEvent.claim_id).in_(ids), ReviewEvent.action == "note")
        .order_by(col(ReviewEvent.claim_id), col(ReviewEvent.version))
    ):
        if text:
            said[claim_id].append(text)
    # A reviewer's note on an evidence item is a note too ("notes" of the search).
    quoted: defaultdict[int, list[str]] = defaultdict(list)
    for claim_id, exact, note in session.exec(
        select(Evidence.claim_id, Evidence.exact, Evidence.note)
        .where(col(Evidence.claim_id).in_(ids))
        .order_by(col(Evidence.claim_id), col(Evidence.id))
    ):
        quoted[claim_id] += [text for text in (exact, note) if text]
    for index in indexes:
        claim = claims[index.claim_id]
        claimant = effective_claimant(claim, index.corrections)
        originals = [claim.claimant] if claimant != claim.claimant else []
        span_text = index.corrections.get("span", {}).get("text")
        index.search = search_key(
            claim.text,
            span_text,
            claimant,
            *originals,
            *said[index.claim_id],
            *quoted[index.claim_id],
        )
        index.claimant_key = search_key(claimant)
        index.search_version = SEARCH_VERSION
        session.add(index)
    session.flush()


def stale_count(session: Session) -> int:
    """Claims whose search key older rules made."""
    return session.exec(
        select(func.count())
        .select_from(ClaimIndex)
        .where(col(ClaimIndex.search_version) < SEARCH_VERSION)
    ).one()


def reindex_stale(session: Session, *, limit: int = BATCH) -> int:
    """Re-index up to ``limit`` claims whose key is older than ``SEARCH_VERSION``; how many."""
    ids = list(
        session.exec(
            select(ClaimIndex.claim_id)
            .where(col(ClaimIndex.search_version) < SEARCH_VERSION)
            .order_by(col(ClaimIndex.claim_id))
            .limit(limit)
        )
    )
    if ids:
        reindex_many(session, ids)
    return len(ids)
