"""Folding text for search: case, accents and the spacing of names.

Each claim's ``claim_index.search`` holds its sentence, claimant, notes and
evidence quotes folded to lower-case letters and digits only: "Coopératives"
becomes "cooperatives", "El Moussali" and "Elmoussali" both "elmoussali".
A search folds the words typed the same way and looks for them as a
substring, which both SQLite and PostgreSQL do with a plain LIKE. Parts are
joined with "|" so that no match runs from one part into the next.
"""

from __future__ import annotations

import unicodedata

# What names and numbers are written with or without: spaces, hyphens, apostrophes,
# points, commas, quotes, brackets. Symbols a person may look for (%, _, €, $) stay.
_DROP = frozenset(
    " -\u2010\u2011\u2012\u2013\u2014'\u2019\u2018`\u00b4.,;:!?|/()[]\u00b7"
    '"\u00ab\u00bb\u201c\u201d'
)
_DROP_CATEGORIES = frozenset({"Mn", "Zs", "Zl", "Zp", "Cc", "Cf"})


def fold_words(text: str) -> str:
    """``text`` lower-cased, without accents, spaces and the punctuation inside names."""
    # Kept in step with the frozen copy in migration 0009.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(
        ch
        for ch in decomposed
        if ch not in _DROP and unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def search_key(*parts: str | None) -> str:
    return "|".join(fold_words(part) for part in parts if part)
