"""Why a stored claim scored what it did: its check-worthiness, feature by feature.

The score is computed again from the claim's sentence, language and claimant
with the extractor's current weights (`claims.text.extraction.scoring`): the same
figures, cue words and bonuses that `extract_claims` weighed. When the weights
changed since the claim was stored, the explanation's score says what the
claim would score now.
"""

from __future__ import annotations

from claims.text.extraction.extract import NOT_A_FIGURE, sentence_quantities
from claims.text.extraction.scoring import ScoreExplanation, explain_checkworthiness
from claims.text.languages import Language, language


def explain_claim(text: str, lang: str | Language, claimant: str | None) -> ScoreExplanation:
    """The check-worthiness of claim sentence `text` with each feature's contribution.

    `lang` is the language the claim was read in (a registered code or a
    `Language`); `claims.language_choice` picks one for a stored claim.
    """
    reading = language(lang)
    quantities = sentence_quantities(text, reading)
    return explain_checkworthiness(
        text,
        reading.claims,
        numeric=any(q.kind not in NOT_A_FIGURE for q in quantities),
        quantities=quantities,
        claimant=claimant,
    )
