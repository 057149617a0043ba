"""Derived figures: a part and its share in one sentence imply a total.

"nous en comptons aujourd'hui 20.000, ce qui représente 50 pc de l'ensemble des
coopératives actives dans le monde arabe" says the Arab world has about 20,000 /
0.50 = 40,000 active cooperatives: a claim of its own, checkable like any other.

A share is a percent strictly between 0 and 100 followed by a "whole" phrase
(`_WHOLE`: "de l'ensemble des", "du total", "des", "of all", "of the", …); its part
is the nearest figure before it in the sentence that is an amount (count, measure
or money). The interval propagates both tolerances (`rules.interval_of`):
total in [part_low / share_high, part_high / share_low], so 20.000 (19,500–20,499)
and 50 pc (49.5–50.5) give 38,614–41,412.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from claims.crosscheck.rules import fmt, interval_of
from claims.quantities import Quantity, find_quantities

_WHOLE: Final = re.compile(
    r"""(?ix)\s*(?:
        de\s+l['’]ensemble\s+(?:des?|du|de\s+la|de\s+l['’])? | du\s+total\s+(?:des?|du)? |
        de\s+la\s+totalit[ée]\s+(?:des?|du)? | des | du | de\s+la | de\s+l['’] | d['’] |
        of\s+all(?:\s+the)? | of\s+the\s+total(?:\s+of)? | of\s+the | of
    )\s*(?P<noun>[^\W\d_][\w'’-]*)?""",
)
_AMOUNTS: Final = ("count", "measure", "money")


@dataclass(frozen=True)
class DerivedFigure:
    """A total implied by a part and its share, with the interval both allow."""

    value: float
    low: float | None
    high: float | None
    unit: str | None
    surface: str
    reason: str
    part: Quantity
    share: Quantity

    def as_quantity(self) -> Quantity:
        """The derived total as a Quantity (approximate, bounds set) for `crosscheck`.

        Offsets are the span from the part to the share in the sentence searched.
        """
        return Quantity(
            value=self.value,
            low=self.low,
            high=self.high,
            kind=self.part.kind,
            unit=self.unit,
            approximate=True,
            hedge="derived",
            surface=self.surface,
            start=min(self.part.start, self.share.start),
            end=max(self.part.end, self.share.end),
        )


def _located(quantities: Sequence[Quantity], sentence: str) -> list[Quantity]:
    """The quantities with offsets into `sentence` (claims carry article offsets)."""
    out: list[Quantity] = []
    cursor = 0
    for q in sorted(quantities, key=lambda q: q.start):
        at = sentence.find(q.surface, cursor)
        if at < 0:
            at = sentence.find(q.surface)
        if at < 0:
            continue
        out.append(
            Quantity(
                q.value,
                q.low,
                q.high,
                q.kind,
                q.unit,
                q.approximate,
                q.hedge,
                q.surface,
                at,
                at + len(q.surface),
            )
        )
        cursor = at + len(q.surface)
    return out


def derived_figures(claimed: Sequence[Quantity], sentence: str, lang: str) -> list[DerivedFigure]:
    """Totals implied by a part and its share in `sentence` (claimed quantities, or
    the sentence's own quantities when `claimed` is empty)."""
    found = _located(claimed, sentence) if claimed else find_quantities(sentence, lang)
    out: list[DerivedFigure] = []
    for index, share in enumerate(found):
        if share.kind != "percent" or share.value is None or not 0 < share.value < 100:
            continue
        whole = _WHOLE.match(sentence, share.end)
        if whole is None:
            continue
        parts = [q for q in found[:index] if q.kind in _AMOUNTS and q.value]
        if not parts:
            continue
        part = parts[-1]
        derived = _derive(part, share, whole.group("noun"))
        if derived is not None:
            out.append(derived)
    return out


def _derive(part: Quantity, share: Quantity, noun: str | None) -> DerivedFigure | None:
    part_iv, share_iv = interval_of(part), interval_of(share)
    if part.value is None or share.value is None:
        return None
    value = part.value / (share.value / 100)
    low = None
    if part_iv.low is not None and share_iv.high:
        low = part_iv.low / (share_iv.high / 100)
    high = None
    if part_iv.high is not None and share_iv.low:
        high = part_iv.high / (share_iv.low / 100)
    unit = part.unit or noun
    surface = f"about {fmt(value)}" + (f" {unit}" if unit else "")
    span = f" ({fmt(low)}–{fmt(high)})" if low is not None and high is not None else ""
    reason = (
        f"{part.surface.strip()} is {share.surface.strip()} of the total, so the total is "
        f"{fmt(part.value)} / {share.value / 100:g} = {fmt(value)}{span}"
    )
    return DerivedFigure(value, low, high, unit, surface, reason, part, share)
