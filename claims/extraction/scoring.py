"""Check-worthiness: how much a sentence asserts something a fact-checker can check.

A linear score clipped to 0..1. Numeric claims start at `BASE_NUMERIC`,
factual ones at `BASE_FACTUAL`; each cue group of the language's lexicon that
occurs in the sentence adds its weight from `CUE_WEIGHTS` (events, firsts and
superlatives, roles, weekdays and months add; opinions, promises, vague
quantifiers and site boilerplate subtract), and so do the features below.
All weights are data in `claims.extraction.lexicon`.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.names import NAME_TOKEN
from claims.extraction.textfold import contains_any, fold
from claims.quantities import Quantity

_NAME_AFTER_FIRST_WORD = re.compile(rf"\s{NAME_TOKEN}")


def checkworthiness(
    sentence: str,
    lexicon: lx.Lexicon,
    *,
    numeric: bool,
    quantities: tuple[Quantity, ...],
    claimant: str | None,
) -> float:
    """The sentence's check-worthiness, 0..1, rounded to 3 decimals."""
    folded = fold(sentence)
    score = lx.BASE_NUMERIC if numeric else lx.BASE_FACTUAL
    for group, words in lexicon.cues.items():
        if contains_any(folded, words):
            score += lx.CUE_WEIGHTS.get(group, 0.0)
    kinds = {q.kind for q in quantities}
    if "ordinal" in kinds:
        score += lx.BONUS_ORDINAL
    if "date" in kinds:
        score += lx.BONUS_DATE
    if claimant is not None:
        score += lx.BONUS_CLAIMANT
    if _NAME_AFTER_FIRST_WORD.search(sentence):
        score += lx.BONUS_NAMED_ENTITY
    if sentence.rstrip(" »”\"')").endswith("?"):
        score += lx.PENALTY_QUESTION
    if len(sentence.split()) < lx.SHORT_WORDS:
        score += lx.PENALTY_SHORT
    return round(min(1.0, max(0.0, score)), 3)
