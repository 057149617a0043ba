"""What can be a counted noun after a figure, and what cannot.

"12 new wind farms" counts farms, "40 full-time equivalent posts" counts
posts, "3.000 jeunes formés" counts jeunes; "28 s'est", "3 hier", "300
attended" count nothing. `claims.text.quantities.tails` reads these tables.
"""

from __future__ import annotations

from typing import Final

# English plurals that do not end in -s: a count of more than one takes them.
IRREGULAR_PLURALS: Final[frozenset[str]] = frozenset(
    """
    people men women children police staff cattle personnel data media feet teeth mice geese
    criteria phenomena bacteria alumni crew livestock sheep fish deer aircraft offspring
    troops personnel militia clergy
""".split()
)
# English endings of plural-looking words that are no plurals.
NOT_PLURAL_ENDINGS: Final[tuple[str, ...]] = ("ss", "us", "is", "ous", "'s", "’s")
# French clitics that elide before a verb: a token "s'est", "n'a", "qu'il" is no noun.
FR_CLITICS: Final[tuple[str, ...]] = ("s'", "n'", "c'", "qu'", "j'", "m'", "t'", "l'")
# The longest run of words read after an English figure to find its plural
# noun ("12 new offshore wind farms").
EN_NOUN_REACH: Final = 4
