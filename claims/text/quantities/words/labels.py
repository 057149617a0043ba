"""Figures that label a thing instead of counting it: names ("Paris 13",
"Windows 11"), references ("loi n°2019-222") and list numbers ("1- Vérifier
les sources"). `claims.text.quantities.labels` reads these tables; the names that
end in a figure are `lexicon.NAME_BEFORE_FIGURE`.
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.words.fold import words_with_unaccented

# Reference marks glued or spaced before a number: "n°2019-222", "No. 5", "#12".
REFERENCE_MARKS: Final[tuple[str, ...]] = ("n°", "nº", "n °", "no.", "nos.", "n.", "#")

# Capitalised words before a bare number that are no names: a sentence may
# start with them ("Selon 3 sources …" has a noun anyway; "Environ 300." not).
# Stopwords and hedge words are excluded as well, from their own tables.
NOT_NAMES: Final[dict[str, frozenset[str]]] = {
    "fr": words_with_unaccented(
        """
        lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai
        juin juillet août septembre octobre novembre décembre soit total seuls seules
        seulement environ près presque quelque quelques plus moins entre dont hier
        aujourd'hui demain depuis jusqu'à vers
    """.split()
    ),
    "en": frozenset(
        """
        monday tuesday wednesday thursday friday saturday sunday january february march april
        may june july august september october november december total only just about
        nearly almost some over under around roughly approximately since until by
        yesterday today tomorrow
    """.split()
    ),
}
