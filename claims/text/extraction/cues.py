"""Which cue groups of a language's lexicon a sentence holds, found in one pass.

Every cue word and phrase of every group (`Lexicon.cues`) goes into one
pattern over folded text; a match names its phrase, and the phrase its groups.
Where two cues overlap, the longer one wins: "le nombre de" is a statistic,
not the vague "nombre de", and "Premier ministre" is a role, not a first. A
superlative cue inside one of the language's `not_superlative` phrases
("premier trimestre", "last year", "at least") does not count.

Detection (`claims.text.extraction.detection`) and scoring
(`claims.text.extraction.scoring`) read the same hits, so a sentence is scanned
once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from claims.text.extraction.textfold import fold, word_pattern
from claims.text.languages.claim_lexicon import Lexicon

Hits = dict[str, tuple[int, int]]
"""Cue group -> span (in the folded sentence) of its first cue."""


def find_cues(folded: str, lexicon: Lexicon) -> Hits:
    """The first cue of each group found in `folded` (a sentence already folded)."""
    pattern, groups_of = _index(lexicon)
    hits: Hits = {}
    idioms: list[tuple[int, int]] | None = None
    for found in pattern.finditer(folded):
        key = " ".join(found.group().split())
        for group in groups_of[key]:
            if group in hits:
                continue
            if group == "superlative":
                if idioms is None:
                    idioms = _idiom_spans(folded, lexicon)
                if any(s <= found.start() and found.end() <= e for s, e in idioms):
                    continue
            hits[group] = found.span()
    return hits


@lru_cache(maxsize=16)
def _index(lexicon: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for group, words in lexicon.cues.items():
        for word in words:
            key = " ".join(fold(word).split())
            if group not in groups[key]:
                groups[key].append(group)
    return word_pattern(tuple(groups)), {k: tuple(v) for k, v in groups.items()}


def _idiom_spans(folded: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    if not lexicon.not_superlative:
        return []
    return [m.span() for m in word_pattern(lexicon.not_superlative).finditer(folded)]
