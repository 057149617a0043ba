"""What a figure is about, where the sentence says it.

Two readings, in order: a metric noun phrase ("le nombre des coopératives",
"the share of exports"), then the subject of the clause that holds the first
figure: the words between the clause's start and its finite verb ("Le Maroc
a exporté ..." gives "Le Maroc"). None when neither is clear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

_MAX_SUBJECT_WORDS = 8
_CLAUSE_START = re.compile(r"[,;:«»“”\"()]|(?<![\w'])(?:que|qu'|that)(?![\w'])")


@lru_cache(maxsize=8)
def _metric_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    ordered = sorted(lexicon.metric_nouns, key=len, reverse=True)
    nouns = "|".join(re.escape(fold(n)) for n in ordered)
    det, complement = lexicon.metric_determiner, lexicon.metric_complement
    return re.compile(rf"(?<![\w'])(?:{det})(?:{nouns})(?![\w]){complement}")


@lru_cache(maxsize=8)
def _verb_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    # Matched with accents kept: folded, "à" would read as the verb "a".
    verbs = "|".join(re.escape(v) for v in sorted(lexicon.subject_verbs, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{verbs})(?![\w'-])")


def find_subject(sentence: str, lexicon: Lexicon, figure_at: int | None) -> str | None:
    """The subject of `sentence`; `figure_at` is the offset of its first figure, if any."""
    folded = fold(sentence)
    metric = _metric_pattern(lexicon).search(folded)
    if metric:
        return sentence[metric.start() : metric.end()]
    limit = figure_at if figure_at is not None else len(sentence)
    lowered = sentence.lower().replace("’", "'")
    if len(lowered) != len(sentence):
        lowered = folded
    verbs = [
        v
        for v in _verb_pattern(lexicon).finditer(lowered, 0, limit)
        # ", a déclaré X" after a quotation is an attribution, not the clause's verb.
        if v.start() > 0 and not folded[: v.start()].rstrip().endswith((",", "»", "”", '"'))
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    head = sentence[: verb.start()]
    marks = list(_CLAUSE_START.finditer(fold(head)))
    start = marks[-1].end() if marks else 0
    phrase = head[start:].strip()
    words = phrase.split()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    low = words[0].lower()
    if low in lexicon.pronouns or low in {"nous", "je", "on", "we", "i", "you", "vous", "it", "il"}:
        return None
    return phrase
