"""Numeric cross-check: a claim's figures against the figures of an evidence quote.

    crosscheck(claimed, evidence_text, lang) -> list[CrossCheck]
    claim_interval(quantity) -> (low, high, why)
    derived_figures(claimed, sentence, lang) -> list[DerivedFigure]

The tolerance each written figure allows is documented data in `rules.py`;
how figures are paired (same kind, same counted noun across French and English,
same year) is in `compare.py`; part-and-share totals in `derived.py`.
"""

from __future__ import annotations

from claims.crosscheck.compare import CrossCheck, crosscheck
from claims.crosscheck.derived import DerivedFigure, derived_figures
from claims.crosscheck.rules import RULES, Interval, Rule, claim_interval, interval_of

__all__ = [
    "RULES",
    "CrossCheck",
    "DerivedFigure",
    "Interval",
    "Rule",
    "claim_interval",
    "crosscheck",
    "derived_figures",
    "interval_of",
]
