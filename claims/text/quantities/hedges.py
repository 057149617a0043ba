"""Hedge vocabulary as data: what each hedge phrase does to a figure's bounds.

A hedge written before a number turns into bounds by its rule:

    rule      approximate  low                 high
    "about"   True         value * (1 - 0.1)   value * (1 + 0.1)   ("environ", "about")
    "near"    True         value * (1 - 0.1)   value               ("près de", "nearly")
    "low"     False        value               None                ("plus de", "more than")
    "high"    False        None                value               ("moins de", "up to")

Approximate collectives ("une cinquantaine", "a dozen") stand for a number
themselves; each row gives (value, low, high). A plural collective
("des centaines", "hundreds") has no point value: value None, low = 2 x the
base, high = 10 x the base ("des centaines" -> [200, 1000]). A collective
followed by a scale ("une dizaine de milliers") multiplies all three.

Ranges ("entre 10 et 20", "from 3 to 4") are recognised in `finder`: value
None, low and high the two ends, hedge the opening word or the joining word.

Elided forms ("près d'un", "plus d'un") are derived from the " de" forms.
"""

from __future__ import annotations

from typing import Final, Literal

HedgeRule = Literal["about", "near", "low", "high"]

# Relative half-width of the interval an approximator gives.
APPROX_SPREAD: Final = 0.1


# "a dozen" and "a couple" are exact in English; only these French forms are vague.
EXACT_COLLECTIVES: Final[frozenset[str]] = frozenset(
    {"a dozen", "half a dozen", "a score of", "a couple of", "a couple"}
)


def bounds(rule: HedgeRule, value: float) -> tuple[float | None, float | None, bool]:
    """(low, high, approximate) that `rule` gives a written `value`."""
    if rule == "about":
        lo, hi = value * (1 - APPROX_SPREAD), value * (1 + APPROX_SPREAD)
        return min(lo, hi), max(lo, hi), True
    if rule == "near":
        lo = value * (1 - APPROX_SPREAD)
        return min(lo, value), max(lo, value), True
    if rule == "low":
        return value, None, False
    return None, value, False
