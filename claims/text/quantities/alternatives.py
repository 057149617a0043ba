"""Phrases of a word table as a pattern, and a matched phrase back to its table key.

The tables write a phrase once, with single spaces and a straight apostrophe
("d'un tiers", "per cent"); text writes it with any run of spaces (no-break
ones too) and either apostrophe. :func:`alternation` lets the pattern match
all those writings; :func:`phrase_key` turns what matched back into the
table's own spelling, so the two must change together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """``words`` as one regex alternation, longest first, so that a phrase wins over
    a word it starts with ("per cent" before "per")."""
    keys = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]") for k in keys)


def phrase_key(matched: str) -> str:
    """The table key of a phrase :func:`alternation` matched: lower case, single
    spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", matched.lower().replace("’", "'"))
