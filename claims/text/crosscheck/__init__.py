"""Numeric cross-check: a claim's figures against the figures of an evidence quote.

    crosscheck(claimed, evidence_text, lang) -> list[CrossCheck]
    claim_interval(quantity) -> (low, high, why)

The tolerance each written figure allows is documented data in `rules.py`;
how figures are paired (same kind, same counted noun across French and English,
same year) is in `compare.py`. Totals implied by a part and its share are in
`claims.text.derived`.
"""

from __future__ import annotations

from claims.text.crosscheck.compare import CrossCheck, crosscheck
from claims.text.crosscheck.rules import RULES, Interval, Rule, claim_interval, interval_of

__all__ = [
    "RULES",
    "CrossCheck",
    "Interval",
    "Rule",
    "claim_interval",
    "crosscheck",
    "interval_of",
]
