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

from retrie.trie import Trie


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1] or ch
    low = base.lower()
    # Some letters lower-case to two code points (İ): keep the length.
    return low if len(low) == 1 else base


class _FoldTable(dict[int, str]):
    """Code point -> folded character, filled on first sight, for `str.translate`.

    `str.translate` runs in C, so folding costs one dictionary look-up per
    character once the text's alphabet has been seen. The table stops growing
    at `_TABLE_LIMIT` entries (a text using every code point does not fill
    memory); rarer characters are then folded each time.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(_APOSTROPHE_MAP.get(ch, ch))
        if len(self) < _TABLE_LIMIT:
            self[code] = folded
        return folded


_APOSTROPHE_MAP = {"’": "'", "ʼ": "'", "‘": "'", "`": "'"}
_TABLE_LIMIT = 1 << 16
_TABLE = _FoldTable()


def fold(text: str) -> str:
    """`text` lower-cased, without accents, same length as `text`."""
    return text.translate(_TABLE)


@lru_cache(maxsize=256)
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of `words` (folded) as whole words in folded text.

    The alternatives are shaped as a trie (retrie): with hundreds of cue words
    a plain alternation tries each word at each position, a trie one letter.
    Either way the longest word that ends on a word boundary wins.
    """
    trie = Trie()
    trie.add(*{fold(w) for w in words})
    # No words match nothing (an empty alternation would match everywhere).
    alternatives = trie.pattern().replace(r"\ ", r"\s+") or "(?!)"
    return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])")


def contains_any(folded_text: str, words: Iterable[str]) -> bool:
    """True when a word or phrase of `words` occurs in `folded_text` (already folded)."""
    return word_pattern(tuple(words)).search(folded_text) is not None
