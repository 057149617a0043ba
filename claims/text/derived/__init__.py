"""Derived totals: a part and its share of a whole, in one sentence, imply the whole.

"nous en comptons aujourd'hui 20.000, ce qui représente 50 pc de l'ensemble des
coopératives actives dans le monde arabe" says that the Arab world has about
20,000 / 0.5 = 40,000 active cooperatives: a figure nobody wrote, checkable like
any other, and stored as a claim of kind ``derived`` that names the two figures
it is computed from and says how.

    derived_totals(quantities, sentence, lexicon) -> list[DerivedTotal]   (a DerivedLexicon)

A wrong total in the queue costs a fact-checker more than a missing one, so a
total is given only when all of these hold (anything else gives none):

1. Part and share are figures of the same sentence; nothing is read across
   sentences.
2. The share is a percent strictly between 0 and 100 with both ends of its
   interval known ("plus de 40 %" gives no figure, only a bound).
3. The share is explicitly "of" a whole named right after it: "de l'ensemble
   des …", "du total", "of all …", "of the total", or a plain "des …" / "of the …"
   when a link word ties the part to it (`DerivedLexicon`, filled per language).
4. The part is the amount (count, money, measure) right before the share, tied
   to it by a link word ("soit", "ce qui représente", "représentent",
   ", or", "accounting for") or, with "de l'ensemble"/"of all", by a bare comma;
   or the amount right after the whole, tied by "soit" / ", or".
5. Part and whole describe one thing: money only of a money whole ("du budget"),
   a measure only of a measured whole ("de la capacité"), a count never of
   either ("des exportations" may be either); two counted nouns factdesk knows
   must name the same thing (jobs are not firms); nouns it cannot compare need a
   link word, not a bare comma; and a total count must admit a whole number
   ("3 … 40 %" would be 7.5).

The total's unit names the whole ("coopératives actives dans le monde arabe",
"jobs of its workforce"); money and measures keep their currency or unit. Its
interval propagates both tolerances (`claims.text.crosscheck.rules.interval_of`): total in
[part_low / share_high, part_high / share_low], so 20.000 (19,500–20,499) and
50 pc (49.5–50.5) give 38,614–41,412.
"""

from __future__ import annotations

from claims.text.derived.totals import DerivedTotal, derived_totals

__all__ = ["DerivedTotal", "derived_totals"]
