"""Accent folding: French written without accents ("cinquieme", "pres de")
is read with the same tables as French written with them."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import TypeVar

V = TypeVar("V")


def unaccented(word: str) -> str:
    """ "cinquième" -> "cinquieme", "près" -> "pres"; other characters kept."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def with_unaccented(table: Mapping[str, V]) -> dict[str, V]:
    """`table` plus every key written without accents, same values."""
    out = dict(table)
    for key, value in table.items():
        out.setdefault(unaccented(key), value)
    return out


def words_with_unaccented(words: Iterable[str]) -> frozenset[str]:
    """`words` plus each written without accents."""
    return frozenset(w for word in words for w in (word, unaccented(word)))
