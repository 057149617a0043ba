"""When an ordinal is a figure: the words that make it rank something measurable.

"le deuxième exportateur mondial", "the country's third-longest bridge", "la
troisième année consécutive" rank or count something a fact-checker can
check; "le premier Sommet", "the first edition", "au premier plan" name an
event, an instance or nothing at all. `claims.text.quantities.ordinals` applies
these tables (the rule is written there).
"""

from __future__ import annotations
