"""Match claims against the fact-check index: on demand, and when claims are stored.

Scoring is `claims.text.matching` (pure, offline); this module feeds it the
index and keeps what it found. ``record_matches`` is the hook ingest calls: it
stores one append-only ``FactCheckMatch`` per claim and fact-check at or above
the threshold, with the score and the reasons a reader is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, func, select

from claims.errors import ClaimNotFound
from claims.factchecks.terms import KeptReview, kept_index
from claims.language_choice import choose_language
from claims.text.matching import (
    THRESHOLD,
    KeyIndex,
    MatchScore,
    Prepared,
    analyser,
    prepare,
    score_pair,
)
from db.models import Claim, FactCheck, FactCheckMatch

MATCHER = f"claims.text.matching (threshold {THRESHOLD})"
_FIGURE_REACH = 0.30
"""Most the figures can add to a score: pairs whose text scores lower than the
threshold minus this are never worth finding figures for."""


@dataclass(frozen=True)
class Match:
    """An earlier fact-check a claim matches, with the score and why."""

    factcheck: FactCheck
    result: MatchScore

    def headline(self) -> str:
        """ "already checked by AFP Factuel on 2024-03-02: Mostly false" """
        fc = self.factcheck
        by = fc.author or "an unnamed fact-checker"
        when = f" on {fc.date_published[:10]}" if fc.date_published else ""
        rating = fc.rating or (f"rated {fc.rating_value:g}" if fc.rating_value is not None else "")
        return f"already checked by {by}{when}: {rating or '(no rating given)'}"

    def why(self) -> str:
        return f"score {self.result.score:.2f}; " + "; ".join(self.result.reasons)

    def to_json(self) -> dict[str, Any]:
        fc = self.factcheck
        return {
            "fact_check_id": fc.id,
            "score": self.result.score,
            "reasons": list(self.result.reasons),
            "claim_reviewed": fc.claim_reviewed,
            "rating": fc.rating,
            "rating_value": fc.rating_value,
            "best_rating": fc.best_rating,
            "worst_rating": fc.worst_rating,
            "author": fc.author,
            "date_published": fc.date_published,
            "url": fc.url,
            "language": fc.language,
        }


def dossier_section(matches: Sequence[Match]) -> list[tuple[str, str]]:
    """A claim's matches as (label, value) lines for ``show`` and the claim screen:
    the headline, the claim the fact-check reviewed with its address, and why."""
    lines: list[tuple[str, str]] = []
    for m in matches:
        fc = m.factcheck
        lines.append(("fact-check", f"{m.headline()} (fact-check {fc.id})"))
        lines.append(("reviewed", f"«{fc.claim_reviewed}» {fc.url or ''}".strip()))
        lines.append(("match", m.why()))
    return lines


@dataclass(frozen=True)
class _Index:
    reviews: list[KeptReview]
    keys: KeyIndex


_INDEXES: dict[tuple[str, str], tuple[tuple[object, ...], _Index]] = {}
"""The last index read per database, with the state (count, ids, keys) it was read at."""


def _key_index(session: Session) -> _Index:
    # Reviews are append-only: while the count, the newest id and the extreme keys
    # (content hashes) stay the same, the index read last time is the index (the TUI
    # and an ingest match claim after claim); the keys tell apart two databases
    # recreated under one address.
    state = tuple(
        session.execute(
            select_columns(
                func.count(),
                func.max(FactCheck.id),
                func.min(FactCheck.key),
                func.max(FactCheck.key),
            )
        ).one()
    )
    if state[0] == 0:
        # Nothing to match, so no analysis to name: naming it runs the figure finder
        # over probe sentences, compiling all its patterns (~0.15 s of a report).
        return _Index([], KeyIndex(()))
    where = (str(session.get_bind().engine.url), analyser())
    cached = _INDEXES.get(where)
    if cached is not None and cached[0] == state:
        return cached[1]
    reviews = kept_index(session)
    index = _Index(reviews, KeyIndex(review.keys for review in reviews))
    _INDEXES[where] = (state, index)
    return index


def forget_indexes() -> None:
    """Drop the indexes read (benchmarks start as a new process would)."""
    _INDEXES.clear()


def _best(
    session: Session,
    claim: Prepared,
    index: _Index,
    threshold: float,
    limit: int,
) -> list[Match]:
    # Figures can lift a pair only when the claim states some.
    figures = any(q.kind != "date" for q in claim.quantities())
    floor = threshold - (_FIGURE_REACH if figures else 0.0)
    # Above a floor of 0 a pair must share a key term to score: only those are read.
    near = index.keys.near(claim.keys)
    reviews = (
        [index.reviews[p] for p in index.keys.candidates(claim.keys, near)]
        if floor > 0
        else index.reviews
    )
    scored = []
    for review in reviews:
        fact_check_id = review.id
        result = score_pair(claim, review.prepared(), floor=floor, near=near)
        if result.score >= threshold:
            scored.append((fact_check_id, result))
    scored.sort(key=lambda pair: (-pair[1].score, pair[0]))
    found = []
    for fact_check_id, result in scored[:limit]:
        row = session.get(FactCheck, fact_check_id)
        assert row is not None  # append-only: what was listed is there
        found.append(Match(row, result))
    return found


def match_text(
    session: Session,
    text: str,
    *,
    lang: str | None = None,
    threshold: float = THRESHOLD,
    limit: int = 10,
) -> list[Match]:
    """The fact-checks of the index that ``text`` matches, best first."""
    claimed = prepare(text, choose_language(text, lang))
    return _best(session, claimed, _key_index(session), threshold, limit)


def match_claim(
    session: Session, claim_id: int, *, threshold: float = THRESHOLD, limit: int = 10
) -> list[Match]:
    """The fact-checks a stored claim matches, against the index as it is now."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    return match_text(session, claim.text, lang=claim.language, threshold=threshold, limit=limit)


def record_matches(session: Session, claims: Sequence[Claim]) -> list[FactCheckMatch]:
    """Match new claims against the index and keep what matched (the ingest hook)."""
    if not claims or session.exec(select(FactCheck.id).limit(1)).first() is None:
        return []
    index = _key_index(session)
    stored = []
    for claim in claims:
        if claim.id is None:
            continue
        known = set(
            session.exec(
                select(FactCheckMatch.fact_check_id).where(col(FactCheckMatch.claim_id) == claim.id)
            )
        )
        claimed = prepare(claim.text, choose_language(claim.text, claim.language))
        for match in _best(session, claimed, index, THRESHOLD, 10):
            assert match.factcheck.id is not None
            if match.factcheck.id in known:
                continue
            row = FactCheckMatch(
                claim_id=claim.id,
                fact_check_id=match.factcheck.id,
                score=match.result.score,
                reasons=list(match.result.reasons),
                matcher=MATCHER,
            )
            session.add(row)
            stored.append(row)
    session.flush()
    return stored


@dataclass(frozen=True)
class RecordedMatch:
    """A claim matched to a fact-check when it was stored, as the matcher said then."""

    match: FactCheckMatch
    claim: Claim
    factcheck: FactCheck

    def to_json(self) -> dict[str, Any]:
        m, fc = self.match, self.factcheck
        return {
            "claim_id": m.claim_id,
            "claim": self.claim.text,
            "fact_check_id": fc.id,
            "claim_reviewed": fc.claim_reviewed,
            "rating": fc.rating,
            "author": fc.author,
            "date_published": fc.date_published,
            "url": fc.url,
            "score": m.score,
            "reasons": m.reasons,
            "matcher": m.matcher,
            "matched_at": m.matched_at.isoformat(),
        }


def recorded_page(
    session: Session, *, offset: int = 0, limit: int = 200
) -> tuple[int, list[RecordedMatch]]:
    """Matches recorded at ingest, newest first, and how many there are in all."""
    total = int(session.exec(select(func.count()).select_from(FactCheckMatch)).one())
    rows = session.exec(
        select(FactCheckMatch, Claim, FactCheck)
        .where(col(FactCheckMatch.claim_id) == col(Claim.id))
        .where(col(FactCheckMatch.fact_check_id) == col(FactCheck.id))
        .order_by(col(FactCheckMatch.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return total, [RecordedMatch(m, c, fc) for m, c, fc in rows]


class ClaimMatcher:
    """Matches claim after claim against the index as it is now, as ``show`` does
    (:func:`match_claim`: same threshold, same limit), with the index prepared once:
    reports match every claim they hold. An empty index matches nothing and costs
    one query."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._index = _key_index(session)

    def __bool__(self) -> bool:
        return bool(self._index.reviews)

    def matches(self, text: str, lang: str | None) -> list[Match]:
        if not self._index.reviews:
            return []
        claimed = prepare(text, choose_language(text, lang))
        return _best(self._session, claimed, self._index, THRESHOLD, 10)


def report_match(match: Match) -> dict[str, Any]:
    """A match as reports hold it: ``show --format json``'s fields, plus the
    headline and the why that ``show`` prints."""
    return {**match.to_json(), "headline": match.headline(), "why": match.why()}
