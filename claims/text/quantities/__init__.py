"""Quantity recognition for French and English news text.

    find_quantities(text, lang) -> list[Quantity]     (lang: a code, Language or NumberGrammar)

finds every figure a fact-checker would check — counts, percents (shares of
a whole included: "un tiers" is 33.33), money, measures, ordinals that rank,
durations, dates and factors, written in digits or in words — with its
counted noun or unit (a rate keeps its period: "USD/week"), and turns hedges
("près de", "more than", "une cinquantaine") into bounds. Names, list
numbers, idioms and clock times are no quantities. Offsets are exact code
points of the input. What differs between languages is data held by the
language (`NumberGrammar`, built in `claims.text.languages.fr`, `…en`): its
number words, scales, hedges, dates, ranks, shares and patterns; the finder
compiles what it needs once per grammar. Words read in every language
(units, currencies, percent signs) are in `lexicon`; `finder` says how the
modules fit together.
"""

from __future__ import annotations

from claims.text.quantities.finder import find_quantities
from claims.text.quantities.grammar import NumberGrammar
from claims.text.quantities.model import Quantity, QuantityKind

__all__ = ["NumberGrammar", "Quantity", "QuantityKind", "find_quantities"]
