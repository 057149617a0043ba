"""Each fact-check's key terms, found once and kept in ``fact_check_terms``.

Finding a review's language, key terms and figures is most of what a first
match cost (16 s for 20,000 reviews): they are found when the review is imported and
read back from then on. Rows are kept per analyser (the digest of the
matching vocabulary and figure finder, `claims.text.matching.analyser`): reviews without a row
of today's analyser (imported before migration 0016, or before a vocabulary
change) are analysed when the index is next read and their row added then, in
a savepoint, so a concurrent writer that stored the same rows first costs
nothing but the retry-free skip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import insert
from sqlalchemy import select as select_columns
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, and_, col, select

from claims.language_choice import choose_language
from claims.text.matching import (
    Prepared,
    analyser,
    figures_json,
    prepare,
    prepared_with_keys,
)
from db.engine import WRITE_OPTION, Database
from db.models import FactCheck, FactCheckTerms

_CHUNK = 500


def _row(fact_check_id: int, prepared: Prepared, lang: str) -> dict[str, Any]:
    return {
        "fact_check_id": fact_check_id,
        "analyser": analyser(),
        "language": lang,
        "keys": " ".join(sorted(prepared.keys)),
        "figures": figures_json(prepared.quantities()),
    }


@lru_cache(maxsize=100_000)
def analyse(text: str, lang: str | None) -> tuple[Prepared, str]:
    """A review's text ready to match, and the language it was read in.

    Kept for the process: a read-only session cannot store what it found, and
    the TUI matches claim after claim."""
    chosen = choose_language(text, lang)
    return prepare(text, chosen), chosen


@lru_cache(maxsize=100_000)
def _kept(text: str, lang: str, keys: frozenset[str], figures: str) -> Prepared:
    # One object per review for the process: the figures it finds for a review
    # (the costly part, done only for reviews close enough) serve later matches.
    return prepared_with_keys(text, lang, keys, figures)


def store_terms(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add key-term rows; a concurrent writer that stored them first is not an error."""
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        try:
            with session.begin_nested():
                session.execute(insert(FactCheckTerms), chunk)
        except IntegrityError:
            # Someone stored (some of) these meanwhile: keep what is not there yet.
            ids = [r["fact_check_id"] for r in chunk]
            have = set(
                session.exec(
                    select(FactCheckTerms.fact_check_id).where(
                        col(FactCheckTerms.fact_check_id).in_(ids),
                        FactCheckTerms.analyser == analyser(),
                    )
                )
            )
            missing = [r for r in chunk if r["fact_check_id"] not in have]
            if missing:
                with session.begin_nested():
                    session.execute(insert(FactCheckTerms), missing)


def terms_rows(items: Iterable[tuple[int, str, str | None]]) -> list[dict[str, Any]]:
    """The rows to keep for (id, claim reviewed, declared language) of new reviews."""
    rows = []
    for fact_check_id, text, lang in items:
        prepared, chosen = analyse(text, lang)
        rows.append(_row(fact_check_id, prepared, chosen))
    return rows


@dataclass(slots=True)
class KeptReview:
    """One review of the index as matching reads it; prepared only when needed."""

    id: int
    text: str
    language: str
    keys: frozenset[str]
    figures: str | None
    """None when found now rather than read back (``prepared`` then has them)."""
    found: Prepared | None = None

    def prepared(self) -> Prepared:
        if self.found is not None:
            return self.found
        assert self.figures is not None
        return _kept(self.text, self.language, self.keys, self.figures)


def kept_index(session: Session) -> list[KeptReview]:
    """Every review of the index, oldest first; reviews without terms get them now.

    What is found now is stored when ``session`` writes (ingest, import,
    `factchecks match`), and kept for the process otherwise.
    """
    # Six columns: more than sqlmodel's typed select takes.
    query = (
        select_columns(
            col(FactCheck.id),
            col(FactCheck.claim_reviewed),
            col(FactCheck.language),
            col(FactCheckTerms.language),
            col(FactCheckTerms.keys),
            col(FactCheckTerms.figures),
        )
        .outerjoin(
            FactCheckTerms,
            and_(
                col(FactCheckTerms.fact_check_id) == col(FactCheck.id),
                col(FactCheckTerms.analyser) == analyser(),
            ),
        )
        .order_by(col(FactCheck.id))
    )
    out: list[KeptReview] = []
    missing: list[dict[str, Any]] = []
    # Core rows, fetched at once, not ORM ones: reading 20,000 reviews through the ORM
    # cost more than scoring them.
    rows = session.connection().execute(query).all()
    for fact_check_id, text, declared, lang, keys, figures in rows:
        assert fact_check_id is not None  # a primary key
        if lang is None or keys is None:
            prepared, chosen = analyse(text, declared)
            missing.append(_row(fact_check_id, prepared, chosen))
            out.append(KeptReview(fact_check_id, text, chosen, prepared.keys, None, prepared))
        else:
            out.append(KeptReview(fact_check_id, text, lang, frozenset(keys.split()), figures))
    if missing and session.connection().get_execution_options().get(WRITE_OPTION, False):
        store_terms(session, missing)
    return out


def ensure_terms(database: Database) -> int:
    """Store the key terms of every review that has none of today's analyser; how many."""
    missing = (
        select(FactCheck.id)
        .outerjoin(
            FactCheckTerms,
            and_(
                col(FactCheckTerms.fact_check_id) == col(FactCheck.id),
                col(FactCheckTerms.analyser) == analyser(),
            ),
        )
        .where(col(FactCheckTerms.id).is_(None))
        .limit(1)
    )
    with database.read() as session:
        if session.exec(missing).first() is None:
            return 0
    with database.write() as session:
        before = len(session.exec(missing.limit(None)).all())
        kept_index(session)
    return before


def forget() -> None:
    """Drop what this process found (benchmarks start as a new process would)."""
    analyse.cache_clear()
    _kept.cache_clear()
