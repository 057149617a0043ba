"""Quantity recognition for French and English news text.

    find_quantities(text, lang) -> list[Quantity]

finds every figure a fact-checker would check — counts, percents, money,
measures, ordinals, durations, dates and factors, written in digits or in
words — with its counted noun or unit, and turns hedges ("près de", "more
than", "une cinquantaine") into bounds. Offsets are exact code points of the
input. The hedge vocabulary is data, in `claims.quantities.hedges`.
"""

from __future__ import annotations

from claims.quantities.finder import find_quantities
from claims.quantities.model import Quantity, QuantityKind

__all__ = ["Quantity", "QuantityKind", "find_quantities"]
