"""Why a stored claim scored what it did: its check-worthiness, feature by feature.

The score is computed again from the claim's sentence, language and claimant
with the extractor's current weights (`claims.text.extraction.scoring`): the same
figures, cue words and bonuses that `extract_claims` weighed. When the weights
changed since the claim was stored, the explanation's score says what the
claim would score now.
"""

from __future__ import annotations

from claims.text.extraction.extract import NOT_A_FIGURE, sentence_quantities
from claims.text.extraction.language import lexicon_for
from claims.text.extraction.lexicon import LEXICONS
from claims.text.extraction.scoring import ScoreExplanation, explain_checkworthiness


def explain_claim(text: str, lang: str | None, claimant: str | None) -> ScoreExplanation:
    """The check-worthiness of claim sentence `text` with each feature's contribution.

    `lang` is the snapshot's language; one factdesk has no word lists for is
    detected from the sentence instead.
    """
    lexicon = lexicon_for(lang if lang is not None and lang in LEXICONS else "auto", text)
    quantities = sentence_quantities(text, lexicon)
    return explain_checkworthiness(
        text,
        lexicon,
        numeric=any(q.kind not in NOT_A_FIGURE for q in quantities),
        quantities=quantities,
        claimant=claimant,
    )
