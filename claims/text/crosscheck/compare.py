"""Compare a claim's figures with the figures of an evidence quote.

For each claimed figure (dates are context, checked only when the claim has no
other figure), the evidence figures that measure the same thing are those of the
same kind (count and measure count as one family) whose counted noun or unit has
the same concept across French and English (`claims.text.vocabulary`): a figure
without a noun, or with a generic one ("personnes"), matches only when no figure
with a matching noun does. Each pair is then

    not_comparable   other currency or unit, or another year (each figure takes the
                     year written nearest to it; a year both figures lack is no clash)
    within           the evidence interval meets the claim's (`rules.py`)
    outside          it does not: deviation = (evidence - claimed) / claimed

A share in words ("la moitié", "one in five") is a percent like "49 %" (the
quantity finder reads it so), and meets one by the tolerance of `rules.py`.
When nothing in the quote matches a claimed figure, each other figure is reported
once as not_comparable with why (percent vs count, other population, other unit).
A claimed factor ("a triplé", "doubled") with no factor in the quote is checked
against the ratio of two figures of the same thing in it (later year over earlier,
else larger over smaller).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from claims.text.crosscheck.rules import Interval, fmt, interval_of, interval_text, overlaps
from claims.text.languages import Language, language
from claims.text.quantities import Quantity, find_quantities
from claims.text.vocabulary import concept, noun_match

Result = Literal["within", "outside", "not_comparable"]

_FAMILY: Final[dict[str, str]] = {"count": "amount", "measure": "amount"}
# Dates and durations mostly frame other figures ("a triplé en dix ans"): with
# nothing of their kind in the quote they are left out rather than not_comparable.
_FRAMING: Final = ("date", "duration")
# A year further than this (in characters) from a figure is not that figure's year.
_YEAR_REACH: Final = 60


@dataclass(frozen=True)
class CrossCheck:
    """One claimed figure against one evidence figure, with the result and why."""

    claimed: Quantity
    evidence: Quantity
    result: Result
    deviation: float | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        """The `crosscheck` item of an evidence object in JSON output."""
        return {
            "claimed": _quantity_json(self.claimed),
            "evidence": _quantity_json(self.evidence),
            "result": self.result,
            "deviation": None if self.deviation is None else round(self.deviation, 4),
            "reason": self.reason,
        }


def _quantity_json(q: Quantity) -> dict[str, Any]:
    return {"surface": q.surface, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit}


def _family(q: Quantity) -> str:
    return _FAMILY.get(q.kind, q.kind)


def _years(quantities: Sequence[Quantity]) -> dict[int, int]:
    """Figure index -> the year written nearest to it (each year goes to its nearest figure)."""
    figures = [(i, q) for i, q in enumerate(quantities) if q.kind != "date"]
    years = [
        q
        for q in quantities
        if q.kind == "date" and q.value is not None and 1000 <= q.value <= 2999
    ]
    out: dict[int, int] = {}
    for year in years:
        best: tuple[int, int] | None = None
        for i, q in figures:
            gap = year.start - q.end if year.start >= q.end else q.start - year.end
            if gap <= _YEAR_REACH and (best is None or gap < best[0]):
                best = (gap, i)
        if best is not None and best[1] not in out:
            out[best[1]] = round(year.value or 0)
    distinct = {round(y.value or 0) for y in years}
    if len(distinct) == 1 and not out and len(figures) == 1:
        out[figures[0][0]] = distinct.pop()
    return out


def _noun_match(claimed: Quantity, evidence: Quantity) -> Literal["same", "unknown", "other"]:
    return noun_match(claimed.unit, evidence.unit)


def _why_not(claimed: Quantity, evidence: Quantity) -> str:
    if claimed.kind != evidence.kind and _family(claimed) != _family(evidence):
        return f"{claimed.kind} vs {evidence.kind}"
    if claimed.kind == "money":
        return f"other currency: {claimed.unit or '?'} vs {evidence.unit or '?'}"
    return f"other population or unit: {claimed.unit or '?'} vs {evidence.unit or '?'}"


def _reference(claimed: Quantity, interval: Interval, evidence_value: float) -> float | None:
    """The claimed value a deviation is measured from: the value, else the nearest bound."""
    if claimed.value is not None:
        return claimed.value
    bounds = [b for b in (interval.low, interval.high) if b is not None]
    return min(bounds, key=lambda b: abs(b - evidence_value)) if bounds else None


def _evidence_value(q: Quantity, interval: Interval) -> float | None:
    if q.value is not None:
        return q.value
    if interval.low is not None and interval.high is not None:
        return (interval.low + interval.high) / 2
    return interval.low if interval.low is not None else interval.high


def compare(
    claimed: Quantity,
    evidence: Quantity,
    *,
    evidence_interval: Interval | None = None,
    label: str | None = None,
) -> CrossCheck:
    """within / outside one claimed figure against one evidence figure of the same thing."""
    want = interval_of(claimed)
    got = evidence_interval or interval_of(evidence)
    value = _evidence_value(evidence, got)
    ref = None if value is None else _reference(claimed, want, value)
    deviation = None if value is None or not ref else (value - ref) / ref
    shown = label or evidence.surface.strip()
    if overlaps(want, got):
        reason = f"{shown} is within {interval_text(want)} ({want.why})"
        return CrossCheck(claimed, evidence, "within", deviation, reason)
    where = (
        "below"
        if want.low is not None and got.high is not None and got.high < want.low
        else "above"
    )
    dev = "" if deviation is None else f"; {deviation * 100:+.1f} %"
    reason = f"{shown} is {where} {interval_text(want)} ({want.why}{dev})"
    return CrossCheck(claimed, evidence, "outside", deviation, reason)


def ratio_checks(claimed: Quantity, evidence: Sequence[Quantity]) -> list[CrossCheck]:
    """A factor claim against the ratio of two figures of the same thing in the quote."""
    years = _years(evidence)
    figures = [
        (i, q)
        for i, q in enumerate(evidence)
        if q.kind not in ("date", "factor", "percent", "ordinal") and q.value
    ]
    out: list[CrossCheck] = []
    for (i, a), (j, b) in itertools.pairwise(figures):
        if _family(a) != _family(b) or _noun_match(a, b) == "other":
            continue
        ya, yb = years.get(i), years.get(j)
        if ya is not None and yb is not None and ya != yb:
            old, new = (a, b) if ya < yb else (b, a)
            why = f"{fmt(new.value or 0)} ({max(ya, yb)}) / {fmt(old.value or 0)} ({min(ya, yb)})"
        else:
            grow = (claimed.value or 1) >= 1
            old, new = (a, b) if ((a.value or 0) <= (b.value or 0)) == grow else (b, a)
            why = f"{fmt(new.value or 0)} / {fmt(old.value or 0)}"
        ratio = (new.value or 0) / (old.value or 1)
        synthetic = Quantity(
            value=ratio,
            low=None,
            high=None,
            kind="factor",
            unit=None,
            approximate=False,
            hedge=None,
            surface=f"{old.surface.strip()} → {new.surface.strip()}",
            start=min(a.start, b.start),
            end=max(a.end, b.end),
        )
        exact = Interval(ratio, ratio, "exact", "computed")
        out.append(
            compare(claimed, synthetic, evidence_interval=exact, label=f"×{ratio:.2f} ({why})")
        )
        break
    return out


def _check_one(
    claimed: Quantity,
    claim_years: dict[int, int],
    index: int,
    evidence: Sequence[Quantity],
    evidence_years: dict[int, int],
) -> list[CrossCheck]:
    figures = [(i, q) for i, q in enumerate(evidence) if q.kind != "date"]
    if claimed.kind == "date":
        figures = [(i, q) for i, q in enumerate(evidence) if q.kind == "date"]
    same_kind = [(i, q) for i, q in figures if _family(q) == _family(claimed)]
    strong = [(i, q) for i, q in same_kind if _noun_match(claimed, q) == "same"]
    weak = [(i, q) for i, q in same_kind if _noun_match(claimed, q) == "unknown"]
    matches = strong or weak
    if claimed.kind == "money":
        # a currency is never unknown: another currency is never the same thing
        matches = [
            (i, q)
            for i, q in same_kind
            if q.unit == claimed.unit or concept(q.unit) == concept(claimed.unit)
        ]
    if not matches:
        if claimed.kind == "factor":
            ratios = ratio_checks(claimed, evidence)
            if ratios:
                return ratios
        if claimed.kind in _FRAMING:
            return []
        return [
            CrossCheck(
                claimed,
                q,
                "not_comparable",
                None,
                f"{q.surface.strip()} is not comparable with {claimed.surface.strip()}"
                f" ({_why_not(claimed, q)})",
            )
            for _, q in figures
        ]
    out: list[CrossCheck] = []
    claim_year = claim_years.get(index)
    for i, q in matches:
        year = evidence_years.get(i)
        if (
            claimed.kind not in ("factor", "date")
            and claim_year is not None
            and year is not None
            and year != claim_year
        ):
            out.append(
                CrossCheck(
                    claimed,
                    q,
                    "not_comparable",
                    None,
                    f"{q.surface.strip()} is for {year}, {claimed.surface.strip()} for {claim_year}"
                    " (other year)",
                )
            )
            continue
        out.append(compare(claimed, q))
    return out


def crosscheck(
    claimed: Sequence[Quantity], evidence_text: str, lang: str | Language
) -> list[CrossCheck]:
    """Every claimed figure against the evidence figures that measure the same thing.

    `claimed` are the claim's quantities with offsets in one text (their claim
    sentence or article); their dates give years to the other figures. `lang`
    is the evidence's language (a registered code or a `Language`).
    """
    evidence = find_quantities(evidence_text, language(lang).numbers)
    claim_years = _years(claimed)
    evidence_years = _years(evidence)
    has_figures = any(q.kind != "date" for q in claimed)
    out: list[CrossCheck] = []
    for index, q in enumerate(claimed):
        if q.kind == "date" and has_figures:
            continue
        out.extend(_check_one(q, claim_years, index, evidence, evidence_years))
    return out
