"""Case and accent folding, and word-list matching on folded text.

Folding keeps the string's length (one code point in, one out) so an offset
found in folded text is an offset in the original: accents are dropped by
keeping the base letter of each decomposed character, and typographic
apostrophes become "'".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1] or ch
    low = base.lower()
    # Some letters lower-case to two code points (İ): keep the length.
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """`text` lower-cased, without accents, same length as `text`."""
    return "".join(_fold_char(ch) for ch in text.translate(_APOSTROPHES))


@lru_cache(maxsize=256)
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of `words` (folded) as whole words in folded text."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
    return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])")


def contains_any(folded_text: str, words: Iterable[str]) -> bool:
    """True when a word or phrase of `words` occurs in `folded_text` (already folded)."""
    return word_pattern(tuple(words)).search(folded_text) is not None
