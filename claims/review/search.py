"""Search that folds case, accents and the spacing of names.

Each claim's ``claim_index.search`` holds its sentence, claimant, notes and
evidence quotes folded to lower-case letters and digits only: "Coopératives"
becomes "cooperatives", "El Moussali" and "Elmoussali" both "elmoussali".
A search folds the words typed the same way and looks for them as a
substring, which both SQLite and PostgreSQL do with a plain LIKE. Parts are
joined with "|" so that no match runs from one part into the next.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, false
from sqlmodel import Session, col, select

from claims.review.effective import effective_claimant
from claims.review.index import claim_index
from db.models import Claim, ClaimIndex, Evidence, ReviewEvent

# What names and numbers are written with or without: spaces, hyphens, apostrophes,
# points, commas, quotes, brackets. Symbols a person may look for (%, _, €, $) stay.
_DROP = frozenset(
    " -\u2010\u2011\u2012\u2013\u2014'\u2019\u2018`\u00b4.,;:!?|/()[]\u00b7"
    '"\u00ab\u00bb\u201c\u201d'
)
_DROP_CATEGORIES = frozenset({"Mn", "Zs", "Zl", "Zp", "Cc", "Cf"})


def fold_words(text: str) -> str:
    """``text`` lower-cased, without accents, spaces and the punctuation inside names."""
    # Kept in step with the frozen copy in migration 0009.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(
        ch
        for ch in decomposed
        if ch not in _DROP and unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def search_key(*parts: str | None) -> str:
    return "|".join(fold_words(part) for part in parts if part)


def matches(needle: str) -> ColumnElement[bool]:
    """Claims whose sentence, claimant, notes or evidence quotes hold ``needle``."""
    folded = fold_words(needle)
    if not folded:
        return false()  # only spaces and punctuation: nothing to look for
    condition: ColumnElement[bool] = col(ClaimIndex.search).contains(folded, autoescape=True)
    return condition


def claimant_matches(needle: str) -> ColumnElement[bool]:
    """Claims whose claimant (as corrected) holds ``needle``, folded."""
    folded = fold_words(needle)
    if not folded:
        return false()
    condition: ColumnElement[bool] = col(ClaimIndex.claimant_key).contains(folded, autoescape=True)
    return condition


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
    quotes = session.exec(select(Evidence.exact).where(Evidence.claim_id == claim_id)).all()
    claimant = effective_claimant(claim, index.corrections)
    originals = [claim.claimant] if claimant != claim.claimant else []
    span_text = index.corrections.get("span", {}).get("text")
    index.search = search_key(claim.text, span_text, claimant, *originals, *notes, *quotes)
    index.claimant_key = search_key(claimant)
    session.add(index)
    session.flush()
