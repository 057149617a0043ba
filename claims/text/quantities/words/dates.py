"""Words around figures that make them dates or times of day, not counts.

`claims.text.quantities.dates` reads these tables.
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.words.fold import words_with_unaccented

# Before "14 heures", "8 h 30", "2 o'clock": a time of day, not a duration.
CLOCK_LEADS: Final[dict[str, frozenset[str]]] = {
    "fr": words_with_unaccented(
        ("à", "vers", "dès", "jusqu'à", "avant", "partir de", "entre", "et", "de", "ici")
    ),
    "en": frozenset({"at", "by", "until", "till", "before", "around", "from", "after"}),
}
# Hour words of a clock time.
CLOCK_HOURS: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset({"heure", "heures", "h", "H"}),
    "en": frozenset({"o'clock", "o’clock"}),
}
# Between two day numbers of one month: "entre le 3 et le 17 avril", "du 3 au
# 17 avril", "les 3, 4 et 5 mai", "between 3 and 17 April", "3-17 April".
DAY_JOINERS: Final[dict[str, tuple[str, ...]]] = {
    "fr": (",", "et", "au", "à", "-", "–", "ou"),
    "en": (",", "and", "to", "-", "–", "through", "until", "or"),
}
DAY_ARTICLES: Final[dict[str, tuple[str, ...]]] = {"fr": ("le",), "en": ("the",)}
# English words before a four-digit year with a noun after it that make the
# figure a year: "the 2024 election", "Morocco's 2030 plan". A count of more
# than a thousand is written with a separator in English ("1,500 employees").
EN_YEAR_DETERMINERS: Final[frozenset[str]] = frozenset(
    {"the", "this", "that", "its", "their", "his", "her", "our", "your", "'s", "’s", "s'"}
)
