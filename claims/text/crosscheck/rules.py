"""Tolerance rules as data: the interval of true values a written figure allows.

Every figure, claimed or found in evidence, stands for an interval. The first row
that applies gives it (`RULES` below is the table; `interval_of` applies it):

    rule        applies to                          interval              example
    bounds      a hedge or a range gave low/high    [low, high]           plus de 40 % -> [40, ∞)
                (claims.text.quantities.hedges)     None = open end       cinquantaine -> [45, 55]
                                                                          près de 700.000 ->
                                                                            [630,000, 700,000]
                                                                          entre 10 et 20 -> [10, 20]
    approx      approximate, without bounds         value ± 10 %          some 400 -> [360, 440]
    shareword   a share of a whole in words         value ± 10 %          un tiers -> [30, 36.7]
                (a percent without % or "pour cent")                      la moitié -> [45, 55]
    factorword  a factor written as a word          value ± 10 %          a triplé -> [2.7, 3.3]
    exact       a date or an ordinal                the value only        2014; premier
    decimal     a number written with decimals      ± half its last digit 3,2 milliards ->
                                                                            [3.15, 3.25] billion
    rounded     a whole number                      ± half its step       20.000 -> [19,500, 20,499]
                                                                          12 500 -> [12,450, 12,549]
                                                                          50 pc -> [49.5, 50.5]
                                                                          20.347 -> 20,347 only

Hedge bounds (claims.text.quantities.hedges): about/environ ±10 %, près de/nearly
[0.9x, x], plus de/more than [x, ∞) (bounds are inclusive: "plus de 40" is read
as 40 or more), moins de/up to (−∞, x], collectives by their table, ranges by
their ends.

The rounding step of a whole number: a round number keeps at least two
significant digits, so its step is 10 ** min(trailing zeros, digits - 2):
"20.000" -> 1,000 (the thousand), "12 500" -> 100, "1 500" -> 100, "450 millions"
-> 10 million, "50" -> 1, "3" -> 1. A step of one ("20.347", "212") allows that
figure only. (Reading "50" as "to the ten" would let 50 % stand for 45–55 %; news
writes percents to the unit, and a claim that rounds coarser says so with a hedge.)
For counts the upper end is the last whole number that rounds to the figure
(19,499.5 -> 19,500 ... 20,499): half-up rounding.

Intervals compare by overlap (both ends inclusive): an evidence figure is
`within` when its own interval meets the claim's, since evidence written
"about 20,000" or rounded cannot be read more precisely than it is written.
Otherwise `outside`, with the deviation of the evidence value from the claimed
value (the bound for "plus de 40": +/-, relative: (31 - 40) / 40 = -0.225).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from claims.text.quantities import Quantity
from claims.text.quantities.hedges import APPROX_SPREAD
from claims.text.quantities.shares import written_as_share

# Relative half-width read into "about" figures without bounds, shares and factor words.
WORD_SPREAD: Final = APPROX_SPREAD


@dataclass(frozen=True)
class Rule:
    """One row of the tolerance table (kept as data for docs and reasons)."""

    name: str
    applies_to: str
    interval: str
    example: str


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "bounds",
        "a hedge or a range gave low and/or high",
        "[low, high]",
        "plus de 40 % -> 40 or more; une cinquantaine -> 45–55",
    ),
    Rule("approx", "an approximate figure without bounds", "value ± 10 %", "some 400 -> 360–440"),
    Rule(
        "shareword",
        "a share of a whole written in words",
        "value ± 10 %",
        "un tiers -> 30–36.7; la moitié -> 45–55",
    ),
    Rule("factorword", "a factor written as a word", "value ± 10 %", "tripled -> 2.7–3.3"),
    Rule("exact", "a date or an ordinal", "the value only", "2014; premier"),
    Rule(
        "decimal",
        "a number written with decimals",
        "± half of its last digit",
        "3,2 milliards -> 3.15–3.25 billion",
    ),
    Rule(
        "rounded",
        "a whole number",
        "± half of its rounding step",
        "20.000 -> 19,500–20,499; 50 pc -> 49.5–50.5",
    ),
)

_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f\u2009 .,']*\d)?")
_SCALE_WORD = re.compile(
    r"(?i)(?:\d\s*|\b)(k|m|mn|bn|md|mds|mille|thousands?|millions?|milliards?|billions?|"
    r"trillions?|trillion)\b"
)
_SCALES: Final = (1.0, 1e3, 1e6, 1e9, 1e12)
_STEP_NAMES: Final[dict[float, str]] = {
    1e3: "the thousand",
    1e4: "the ten thousand",
    1e5: "the hundred thousand",
    1e6: "the million",
    1e7: "the ten million",
    1e8: "the hundred million",
    1e9: "the billion",
    10.0: "the ten",
    100.0: "the hundred",
    1.0: "the unit",
}


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; None is an open end. `rule` names the RULES row."""

    low: float | None
    high: float | None
    rule: str
    why: str


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def written_step(q: Quantity) -> tuple[float, int] | None:
    """(rounding step in value units, decimals written) of a figure written in digits;
    None when the surface holds no digits or does not read back to the value."""
    if q.value is None:
        return None
    match = _NUMBER.search(q.surface)
    if match is None:
        return None
    raw = match.group()
    digits = re.sub(r"\D", "", raw)
    if not digits or int(digits) == 0:
        return None
    has_scale_word = _SCALE_WORD.search(q.surface[match.end() :]) is not None
    seps = [i for i, ch in enumerate(raw) if ch in ".,"]
    decimal_options = [0]
    if seps:
        tail = len(re.sub(r"\D", "", raw[seps[-1] + 1 :]))
        if tail > 0:
            decimal_options.append(tail)
    candidates: list[tuple[int, float, int]] = []
    for decimals in decimal_options:
        number = int(digits) / 10**decimals
        for scale in _SCALES:
            if _close(number * scale, abs(q.value)):
                # prefer a scale that a scale word in the surface explains
                penalty = 0 if (scale > 1) == has_scale_word else 1
                candidates.append((penalty, scale, decimals))
    if not candidates:
        return None
    _, scale, decimals = min(candidates)
    if decimals:
        return scale / 10**decimals, decimals
    integer = digits.lstrip("0") or "0"
    zeros = len(integer) - len(integer.rstrip("0"))
    return scale * 10 ** max(0, min(zeros, len(integer) - 2)), 0


def _step_name(step: float) -> str:
    for value, name in _STEP_NAMES.items():
        if _close(step, value):
            return name
    if step < 1:
        decimals = round(-math.log10(step))
        return f"{decimals} decimal{'s' if decimals > 1 else ''}"
    return f"the {fmt(step)}"


def fmt(value: float) -> str:
    """A value for a one-line reason: 20,347; 3.2 billion; 22.5."""
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:,.4g} {word}"
    if _close(value, round(value)) or magnitude >= 1000:
        return f"{round(value):,}"
    return f"{value:,.4g}" if magnitude >= 1 else f"{value:.3g}"


def claim_interval(q: Quantity) -> tuple[float | None, float | None, str]:
    """(low, high, why): the interval a claimed figure allows (None is an open end)."""
    interval = interval_of(q)
    return interval.low, interval.high, interval.why


def interval_of(q: Quantity) -> Interval:
    """The interval a figure allows and the rule that gives it (see the module table)."""
    if q.low is not None or q.high is not None:
        how = "a range" if q.value is None else "hedged"
        return Interval(q.low, q.high, "bounds", f"{q.surface.strip()}, {how}")
    if q.value is None:
        return Interval(None, None, "bounds", f"{q.surface.strip()}: no value")
    value = q.value
    if q.approximate:
        spread = abs(value) * WORD_SPREAD
        return Interval(value - spread, value + spread, "approx", f"{q.surface}: ±10 %")
    if q.kind in ("date", "ordinal"):
        return Interval(value, value, "exact", f"{q.surface}: exact")
    if written_as_share(q):
        # "un tiers", "one in five": news rounds to these words, not to a digit
        spread = abs(value) * WORD_SPREAD
        return Interval(
            value - spread, value + spread, "shareword", f"{q.surface}: a share in words, ±10 %"
        )
    step_info = written_step(q)
    if q.kind == "factor" and step_info is None:
        spread = abs(value) * WORD_SPREAD
        return Interval(
            value - spread, value + spread, "factorword", f"{q.surface}: a factor word, ±10 %"
        )
    if step_info is None:
        # spelled-out numbers: the same rounding rule applied to the value's digits
        integer = str(round(abs(value)))
        zeros = len(integer) - len(integer.rstrip("0"))
        step_info = (10.0 ** max(0, min(zeros, len(integer) - 2)), 0)
    step, decimals = step_info
    low, high = value - step / 2, value + step / 2
    if decimals == 0 and q.kind == "count" and step >= 2:
        high = value + step / 2 - 1
    if _close(step, 1.0) and decimals == 0 and q.kind == "count":
        return Interval(value, value, "rounded", f"{q.surface.strip()}: exact")
    rule = "decimal" if decimals else "rounded"
    return Interval(low, high, rule, f"{q.surface.strip()} rounded to {_step_name(step)}")


def interval_text(interval: Interval) -> str:
    """ "19,500–20,499", "40 or more", "10 or less", "any value"."""
    low, high = interval.low, interval.high
    if low is not None and high is not None:
        return fmt(low) if _close(low, high) else f"{fmt(low)}–{fmt(high)}"
    if low is not None:
        return f"{fmt(low)} or more"
    if high is not None:
        return f"{fmt(high)} or less"
    return "any value"


def overlaps(a: Interval, b: Interval) -> bool:
    """True when two intervals share a value (ends inclusive, None open)."""
    if a.high is not None and b.low is not None and b.low > a.high + 1e-9 * abs(a.high):
        return False
    return not (b.high is not None and a.low is not None and a.low > b.high + 1e-9 * abs(b.high))
