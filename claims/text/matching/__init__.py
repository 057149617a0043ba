"""Match claims against earlier fact-checks, offline, in French and English.

    prepare(text, lang) -> Prepared            key terms (and, lazily, figures) of a text
    score_pair(claim, factcheck) -> MatchScore  0..1, with the reasons shown to readers
    THRESHOLD                                   the score from which a pair is a match
    KeyIndex(entries).candidates(claim)         the texts of a large index worth scoring
    analyser()                                  names the analysis an index keeps the results of
    figures_json / figures_from_json            figures as an index keeps them

Pure text analysis: no database, no network, no model download. Key terms are
folded, stop-words out, paired across languages (`lexicon`); figures are compared
as values with `claims.text.quantities`; `score` documents the weights.
"""

from __future__ import annotations

from claims.text.matching.candidates import KeyIndex
from claims.text.matching.kept import analyser, figures_from_json, figures_json
from claims.text.matching.score import (
    THRESHOLD,
    MatchScore,
    Prepared,
    prepare,
    prepared_with_keys,
    score_pair,
)

__all__ = [
    "THRESHOLD",
    "KeyIndex",
    "MatchScore",
    "Prepared",
    "analyser",
    "figures_from_json",
    "figures_json",
    "prepare",
    "prepared_with_keys",
    "score_pair",
]
