"""Shares of a whole written in words: which words make one and what they are worth.

A share is a percent (DESIGN.md): "un cinquième des ménages" is 20, "deux
tiers" 66.67, "one in five" 20. `claims.text.quantities.shares` reads these tables.
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.words.fold import with_unaccented, words_with_unaccented

# French fractions are built: a numerator, then a denominator that agrees with
# it ("un quart", "trois quarts"; "tiers" is both). "le" is a numerator before a
# partitive only ("le quart des salariés").
FR_NUMERATORS: Final[dict[str, int]] = {
    "un": 1, "une": 1, "le": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
}  # fmt: skip
FR_DENOMINATORS: Final[dict[str, int]] = with_unaccented({
    "tiers": 3, "quart": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
    "neuvième": 9, "dixième": 10, "vingtième": 20, "centième": 100, "millième": 1000,
})  # fmt: skip
# Denominators that are words of their own, never ordinals: a share wherever
# they follow a numerator. The others ("cinquième") are ordinals too, and make
# a share only before a partitive or after a hedge ("un cinquième mandat" is
# the fifth term).
FR_PLAIN_DENOMINATORS: Final[frozenset[str]] = frozenset({"tiers", "quart"})
# Words before "un cinquième" at a clause end that make it a share ("soit un
# cinquième.", "près d'un cinquième."), where no partitive follows to say so.
FR_SHARE_LEADS: Final[frozenset[str]] = words_with_unaccented((
    "soit", "représente", "représentent", "environ", "près", "presque", "plus", "moins",
    "quasiment", "à peine", "au moins", "seulement", "pas moins", "à", "de",
))  # fmt: skip
# Invariable denominators (singular and plural alike).
FR_INVARIABLE: Final[frozenset[str]] = frozenset({"tiers"})

# English fractions are built: a numerator word, then a denominator word,
# singular after "a"/"one" ("a third", "one-sixth"), plural after more
# ("two thirds"). A fraction above one ("three halves") is a plain number.
EN_NUMERATORS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
EN_DENOMINATORS: Final[dict[str, int]] = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12, "sixteenth": 16, "twentieth": 20,
    "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
}  # fmt: skip

# With these, a numerator above one makes a share only over a base that
# states a rate ("sept sur dix", "three out of four"); over another whole it is
# a part and its whole, two counts ("neuf régions sur douze"). "in" always
# states a rate ("two in five").
RATIO_WORDS_NEEDING_A_BASE: Final[frozenset[str]] = frozenset({"sur", "out of"})
RATE_BASES: Final[frozenset[int]] = frozenset({2, 3, 4, 5, 10, 100, 1000})

# Words before "a"/"one" that make a share of a fraction with no "of" after
# it: "rose by a third last year", "cut by a quarter".
EN_SHARE_LEADS: Final[frozenset[str]] = frozenset(
    {"by", "about", "nearly", "almost", "over", "than", "only", "just", "roughly"}
)
