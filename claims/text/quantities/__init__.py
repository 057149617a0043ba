"""Quantity recognition for French and English news text.

    find_quantities(text, lang) -> list[Quantity]     (lang: one of NUMBER_GRAMMARS)

finds every figure a fact-checker would check — counts, percents (shares of
a whole included: "un tiers" is 33.33), money, measures, ordinals that rank,
durations, dates and factors, written in digits or in words — with its
counted noun or unit (a rate keeps its period: "USD/week"), and turns hedges
("près de", "more than", "une cinquantaine") into bounds. Names, list
numbers, idioms and clock times are no quantities. Offsets are exact code
points of the input. The vocabulary is data: hedges in
`claims.text.quantities.hedges`, number words and units in `lexicon`, the rest in
`claims.text.quantities.words`; `finder` says how the modules fit together.
Each table is keyed by number grammar (`NUMBER_GRAMMARS`); a language in
`claims.text.languages` names the grammar it reads figures with.
"""

from __future__ import annotations

from claims.text.quantities.finder import find_quantities
from claims.text.quantities.grammar import NumberGrammar
from claims.text.quantities.model import Quantity, QuantityKind

__all__ = ["NumberGrammar", "Quantity", "QuantityKind", "find_quantities"]
