"""Do two claims state the same figures? Compared as values, across languages.

Each side's figures come from `claims.text.quantities` (dates apart: they frame a
claim, they are checked on their own). A figure of one side agrees with one of
the other when both are of the same kind (counts and measures as one family),
their counted nouns do not name two different things (`vocabulary.noun_match`)
and their intervals meet (`crosscheck.rules`: hedges and rounding allowed):
"20.000 coopératives" agrees with "20,000 cooperatives" and with "some 20,000".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from claims.text.crosscheck.rules import Interval, interval_of, overlaps
from claims.text.quantities import Quantity
from claims.text.vocabulary import noun_match

_FAMILY: Final[dict[str, str]] = {"count": "amount", "measure": "amount"}


@dataclass(frozen=True)
class FigureComparison:
    """How the figures of two texts relate."""

    compared: bool
    """Both sides state at least one figure other than a date."""
    agreeing: tuple[tuple[Quantity, Quantity], ...]
    """Pairs (claim figure, fact-check figure) that state the same value of the same thing."""
    same_noun_agreeing: int
    """How many agreeing pairs name the same counted noun or unit (not merely no clash)."""
    clashing: tuple[tuple[Quantity, Quantity], ...]
    """Pairs of the same thing (same noun) whose values differ."""
    dates_clash: bool
    """Both sides name years, and none of them is shared."""


def _family(q: Quantity) -> str:
    return _FAMILY.get(q.kind, q.kind)


def _contains(interval: Interval, value: float | None) -> bool:
    if value is None:
        return True
    slack = 1e-9 * abs(value)
    return (interval.low is None or value >= interval.low - slack) and (
        interval.high is None or value <= interval.high + slack
    )


def _agree(q: Quantity, r: Quantity) -> bool:
    """Each value lies within the other's interval: an open bound ("over 50") alone
    would take in any larger figure (10,000 teachers)."""
    a, b = interval_of(q), interval_of(r)
    if q.value is None or r.value is None:
        return overlaps(a, b)
    return _contains(a, r.value) and _contains(b, q.value)


def _years(quantities: Sequence[Quantity]) -> set[int]:
    return {
        int(q.value)
        for q in quantities
        if q.kind == "date" and q.value is not None and 1000 <= q.value <= 2999
    }


def compare_figures(ours: Sequence[Quantity], theirs: Sequence[Quantity]) -> FigureComparison:
    """Pair the figures of a claim with those of a fact-check."""
    a = [q for q in ours if q.kind != "date"]
    b = [q for q in theirs if q.kind != "date"]
    agreeing: list[tuple[Quantity, Quantity]] = []
    clashing: list[tuple[Quantity, Quantity]] = []
    same_noun = 0
    for q in a:
        best: tuple[Quantity, str] | None = None
        clash: Quantity | None = None
        for r in b:
            if _family(q) != _family(r):
                continue
            match = noun_match(q.unit, r.unit)
            if match == "other":
                continue
            if _agree(q, r):
                if best is None or (match == "same" and best[1] != "same"):
                    best = (r, match)
            elif match == "same" and clash is None:
                clash = r
        if best is not None:
            agreeing.append((q, best[0]))
            same_noun += best[1] == "same"
        elif clash is not None:
            clashing.append((q, clash))
    years_a, years_b = _years(ours), _years(theirs)
    return FigureComparison(
        compared=bool(a) and bool(b),
        agreeing=tuple(agreeing),
        same_noun_agreeing=same_noun,
        clashing=tuple(clashing),
        dates_clash=bool(years_a) and bool(years_b) and not years_a & years_b,
    )
