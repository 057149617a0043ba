"""Score how likely a claim is the claim an earlier fact-check reviewed.

    score = text + figures − places − years, kept within 0..1

text     the claim's and the fact-check's key terms (`keys.key_terms`): 0.6 ×
         containment (the share of the shorter side's terms found in the other,
         fuzzily: rapidfuzz ratio ≥ 85 for words of five letters or more, so
         "explos"/"explod" still meet) + 0.4 × Dice overlap. A side with fewer
         than three terms says too little: its containment counts in proportion.
figures  where both state figures (`figures.compare_figures`): +0.20 for a value of
         the same counted thing found on both sides (+0.05 each further one, at
         most +0.30), +0.10 when the nouns only do not clash; −0.15 when the same
         thing is counted with another value, −0.10 when no figure pairs at all.
places   −0.30 when both name places and share none (Morocco vs Tunisia).
years    −0.10 when both name years and share none (and the figures then earn
         nothing: the same figure in another year is another claim).

The weights were chosen on the dev half of tests/data/factcheck_pairs.jsonl
(bench/factcheck_matching.py prints precision and recall on both halves).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from rapidfuzz import fuzz

from claims.text.languages import Language, language
from claims.text.matching.figures import FigureComparison, compare_figures
from claims.text.matching.kept import figures_from_json
from claims.text.matching.keys import key_terms, places
from claims.text.quantities import NumberGrammar, Quantity, find_quantities

THRESHOLD: Final = 0.55
"""Scores at or above this are shown as "already checked" (chosen on the dev half)."""

FUZZY_MIN_LEN: Final = 5
FUZZY_RATIO: Final = 85.0
_FULL_TERMS: Final = 3


@dataclass(frozen=True)
class Prepared:
    """A text ready to be matched: its key terms and figures, computed once."""

    text: str
    numbers: NumberGrammar
    """The number grammar its figures are read with (`Language.numbers`)."""
    keys: frozenset[str]
    _quantities: list[Quantity] | None = field(default=None, compare=False)
    kept_figures: str | None = field(default=None, compare=False, repr=False)
    """The figures as `figures_json` wrote them when the text was kept in an index."""

    def quantities(self) -> list[Quantity]:
        # Figures cost far more than key terms: found (or read back) only for texts
        # that get that far.
        if self._quantities is None:
            found = (
                find_quantities(self.text, self.numbers)
                if self.kept_figures is None
                else figures_from_json(self.kept_figures)
            )
            object.__setattr__(self, "_quantities", found)
        assert self._quantities is not None
        return self._quantities


def prepare(text: str, lang: str | Language, quantities: list[Quantity] | None = None) -> Prepared:
    """`text` with its key terms; `lang` is a registered language (code or `Language`).

    claims.text guesses no language: callers choose one (`claims.language_choice`).
    """
    return Prepared(text, language(lang).numbers, key_terms(text), quantities)


def prepared_with_keys(
    text: str, lang: str | Language, keys: frozenset[str], figures: str | None = None
) -> Prepared:
    """`text` with the key terms (and figures, as `figures_json` wrote them) that
    `prepare` found earlier, kept in an index."""
    return Prepared(text, language(lang).numbers, keys, kept_figures=figures)


_NONE: Final[frozenset[str]] = frozenset()


@dataclass(frozen=True)
class Near:
    """The keys of an index fuzzily close to each key of a claim (both five letters or
    more, `fuzz.ratio` at least `FUZZY_RATIO`), found once for the whole index."""

    close: dict[str, frozenset[str]]
    reach: frozenset[str]
    """Every index key close to one of the claim's keys."""


@dataclass(frozen=True)
class MatchScore:
    """The score of one pair and the reasons a reader is shown."""

    score: float
    text_score: float
    shared: tuple[str, ...]
    reasons: tuple[str, ...]

    def matches(self, threshold: float = THRESHOLD) -> bool:
        return self.score >= threshold


def _meets(key: str, large: frozenset[str]) -> bool:
    if key in large:
        return True
    return len(key) >= FUZZY_MIN_LEN and any(
        len(other) >= FUZZY_MIN_LEN and fuzz.ratio(key, other) >= FUZZY_RATIO for other in large
    )


def _shared(small: frozenset[str], large: frozenset[str]) -> list[str]:
    return [key for key in sorted(small) if _meets(key, large)]


def _shared_near(a: Prepared, b: Prepared, near: Near) -> list[str]:
    # `_shared` with the fuzzy meetings looked up: the same terms, since the ratio
    # is symmetric and `near` lists every index key close to each key of `a`.
    if len(a.keys) <= len(b.keys):
        return [
            k
            for k in sorted(a.keys)
            if k in b.keys or not near.close.get(k, _NONE).isdisjoint(b.keys)
        ]
    return [k for k in sorted(b.keys) if k in a.keys or k in near.reach]


def text_similarity(a: Prepared, b: Prepared, near: Near | None = None) -> tuple[float, list[str]]:
    """The text part of the score (0..1) and the terms both sides share.

    ``near``, when given, lists the keys of `b`'s index fuzzily close to each key
    of `a` (`candidates.KeyIndex.near`): the same result, without the fuzzy ratios.
    """
    if not a.keys or not b.keys:
        return 0.0, []
    small, large = (a.keys, b.keys) if len(a.keys) <= len(b.keys) else (b.keys, a.keys)
    shared = _shared(small, large) if near is None else _shared_near(a, b, near)
    containment = len(shared) / len(small) * min(1.0, len(small) / _FULL_TERMS)
    dice = 2 * len(shared) / (len(a.keys) + len(b.keys))
    return 0.6 * containment + 0.4 * dice, shared


def _figure_points(figures: FigureComparison) -> tuple[float, list[str]]:
    if not figures.compared:
        return 0.0, []
    if figures.same_noun_agreeing:
        points = min(0.30, 0.20 + 0.05 * (figures.same_noun_agreeing - 1))
    elif figures.agreeing:
        points = 0.10
    elif figures.clashing:
        q, r = figures.clashing[0]
        return -0.15, [f"other figure: {q.surface.strip()} vs {r.surface.strip()}"]
    else:
        return -0.10, ["their figures count different things"]
    why = [f"same figure: {q.surface.strip()} = {r.surface.strip()}" for q, r in figures.agreeing]
    return points, why


def score_pair(
    claim: Prepared, factcheck: Prepared, *, floor: float = 0.0, near: Near | None = None
) -> MatchScore:
    """How likely `claim` is the claim `factcheck` reviewed.

    Pairs whose text part is below `floor` are scored on text alone: figures
    are worth at most +0.30, so they cannot lift such a pair to a threshold
    more than that above the floor, and finding figures is the costly step.
    """
    text, shared = text_similarity(claim, factcheck, near)
    reasons = [f"shared terms: {', '.join(shared)}"] if shared else ["no shared terms"]
    score = text
    if text >= floor:
        figures = compare_figures(claim.quantities(), factcheck.quantities())
        if figures.dates_clash:
            # The same figure in another year is another claim: it earns nothing.
            score -= 0.10
            reasons.append("other years")
        else:
            points, why = _figure_points(figures)
            score += points
            reasons.extend(why)
    ours, theirs = places(claim.keys), places(factcheck.keys)
    if ours and theirs and not ours & theirs:
        score -= 0.30
        reasons.append(f"other places: {', '.join(sorted(ours))} vs {', '.join(sorted(theirs))}")
    return MatchScore(
        round(max(0.0, min(1.0, score)), 3), round(text, 3), tuple(shared), tuple(reasons)
    )
