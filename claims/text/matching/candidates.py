"""Which texts of a large index can share a key term with a claim, without scoring all.

A pair that shares no key term (exactly, or fuzzily as `score` allows) has a
text part of 0, so it can reach a threshold only through figures, which
`score_pair` looks at only above its floor. With a floor above 0, the texts
listed under the claim's keys, and under keys fuzzily close to them, are every
text that can match: the rest need not be scored (nor even prepared) at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from rapidfuzz import fuzz, process

from claims.text.matching.score import FUZZY_MIN_LEN, FUZZY_RATIO, Near


class KeyIndex:
    """The positions of an index's texts listed under each of their key terms."""

    def __init__(self, keys: Iterable[frozenset[str]]) -> None:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        size = 0
        for position, text_keys in enumerate(keys):
            size = position + 1
            for key in text_keys:
                postings[key].append(position)
        self.size: Final = size
        self._postings: Final = dict(postings)
        self._long_keys: Final = [key for key in self._postings if len(key) >= FUZZY_MIN_LEN]

    def __len__(self) -> int:
        return self.size

    def _close_keys(self, key: str) -> list[str]:
        if len(key) < FUZZY_MIN_LEN:
            return []
        found = process.extract(
            key, self._long_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO, limit=None
        )
        return [other for other, _, _ in found]

    def near(self, keys: frozenset[str]) -> Near:
        """The index keys fuzzily close to each of ``keys`` (for `score_pair`)."""
        close = {key: frozenset(self._close_keys(key)) for key in keys}
        return Near(close, frozenset().union(*close.values()))

    def candidates(self, keys: frozenset[str], near: Near | None = None) -> list[int]:
        """The positions of the texts sharing at least one key term with ``keys``, in order."""
        near = near or self.near(keys)
        positions: set[int] = set()
        for key in keys:
            positions.update(self._postings.get(key, ()))
        for other in near.reach:
            positions.update(self._postings[other])
        return sorted(positions)
