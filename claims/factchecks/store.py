"""The local index of fact-checks: add what an import read, list what is kept.

Rows are append-only (migration 0011): a review already in the index (same
key) is left as it was and counted as known, so importing a file twice adds
nothing the second time. Each new review's key terms are stored with it
(`claims.factchecks.terms`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, func, select

from claims.factchecks.claimreview import ReviewRecord
from claims.factchecks.terms import store_terms, terms_rows
from db.models import FactCheck
from db.types import utcnow

_CHUNK = 500
"""Keys looked up per query: well under every engine's limit on bound parameters."""


@dataclass(frozen=True)
class Added:
    ids: list[int]
    """Ids of the fact-checks stored now, in input order."""
    known: int
    """Records the index already held."""


def add_factchecks(session: Session, records: Sequence[ReviewRecord], *, source: str) -> Added:
    """Store the records whose key the index does not hold yet."""
    known: set[str] = set()
    keys = [r.key for r in records]
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        known.update(session.exec(select(FactCheck.key).where(col(FactCheck.key).in_(chunk))))
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for r in records:
        if r.key in known:
            continue
        known.add(r.key)
        rows.append(
            {
                "key": r.key,
                "url": r.url,
                "claim_reviewed": r.claim_reviewed,
                "rating": r.rating,
                "rating_value": r.rating_value,
                "best_rating": r.best_rating,
                "worst_rating": r.worst_rating,
                "author": r.author,
                "author_url": r.author_url,
                "claimant": r.claimant,
                "date_published": r.date_published,
                "language": r.language,
                "imported_from": source,
                "item": r.item,
                "imported_at": now,
            }
        )
    ids: list[int] = []
    # One multi-row INSERT per chunk: a 20,000-review feed as ORM objects took
    # longer to store than to read.
    for start in range(0, len(rows), _CHUNK):
        statement = insert(FactCheck).returning(col(FactCheck.id))
        ids.extend(session.scalars(statement, rows[start : start + _CHUNK]))
    # Key terms now, in the same transaction: the first match then reads them.
    store_terms(
        session,
        terms_rows((i, r["claim_reviewed"], r["language"]) for i, r in zip(ids, rows, strict=True)),
    )
    return Added(ids, len(records) - len(rows))


@dataclass(frozen=True)
class FactCheckPage:
    total: int
    rows: list[FactCheck]
    offset: int

    def describe(self) -> str:
        """ "3 of 3", "1-200 of 5000": what a listing shows of the whole."""
        if not self.rows:
            return f"0 of {self.total}"
        if len(self.rows) == self.total:
            return f"{self.total} of {self.total}"
        return f"{self.offset + 1}-{self.offset + len(self.rows)} of {self.total}"


def list_factchecks(
    session: Session, *, text: str | None = None, offset: int = 0, limit: int = 200
) -> FactCheckPage:
    """The index, newest import first; ``text`` filters on the claim reviewed."""
    query = select(FactCheck)
    count = select(func.count()).select_from(FactCheck)
    if text:
        where = col(FactCheck.claim_reviewed).icontains(text, autoescape=True)
        query, count = query.where(where), count.where(where)
    total = int(session.exec(count).one())
    rows = list(session.exec(query.order_by(col(FactCheck.id).desc()).offset(offset).limit(limit)))
    return FactCheckPage(total, rows, offset)


def fact_check_json(fc: FactCheck) -> dict[str, Any]:
    """One indexed review as the JSON `factchecks list` prints."""
    return {
        "id": fc.id,
        "claim_reviewed": fc.claim_reviewed,
        "rating": fc.rating,
        "rating_value": fc.rating_value,
        "best_rating": fc.best_rating,
        "worst_rating": fc.worst_rating,
        "author": fc.author,
        "claimant": fc.claimant,
        "date_published": fc.date_published,
        "url": fc.url,
        "language": fc.language,
        "imported_from": fc.imported_from,
        "imported_at": fc.imported_at.isoformat(),
    }
