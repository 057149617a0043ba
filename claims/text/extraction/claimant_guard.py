"""Whether a phrase can be a claimant: a person, an organisation or a document.

A claimant is a noun phrase, never a clause. Wrong speakers cost a
fact-checker more than missing ones, so a candidate is refused, and the claim
stored without a claimant, when it holds a figure ("Le Maroc compte désormais
20.000 coopératives"), a finite verb or auxiliary ("Costs rose by 12% more than
analysts"), quotation marks, or more words than a name with its title takes,
or when it opens like a clause or a prepositional phrase ("as reported",
"despite officials"), or is an impersonal or first-person pronoun ("on",
"we").
"""

from __future__ import annotations

import re

from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

# "le directeur général de l'Office national des aéroports" is eight words.
MAX_CLAIMANT_WORDS = 10
_NOT_IN_A_NAME = re.compile(r"[«»“”\"!?;:]")
# A token with a digit and no letter is a figure (2019, 20.000, 12%, $4);
# digits glued to letters are names (G20, Médias24).
_FIGURE = re.compile(r"[^\w]*\d[\d\W_]*")


def plausible_claimant(phrase: str, lexicon: Lexicon) -> bool:
    """True when `phrase` may name who asserts a claim."""
    words = phrase.split()
    if not words or len(words) > MAX_CLAIMANT_WORDS or _NOT_IN_A_NAME.search(phrase):
        return False
    first = fold(words[0])
    if (
        first in lexicon.clause_openers
        or first in lexicon.prepositions
        or (first in lexicon.relative_words and first not in lexicon.determiners)
        or first in lexicon.impersonal_pronouns
    ):
        return False
    last = fold(words[-1])
    if len(words) > 1 and (last in lexicon.determiners or last in lexicon.complement_links):
        return False  # "le ministre de": the phrase was cut in its middle
    for word in words:
        if _FIGURE.fullmatch(word):
            return False
        # Lower case only: "Will", "May" and "l'Est" start names, "will", "may", "est" are verbs.
        bare = word.strip(",.'’").replace("’", "'")
        if bare.islower() and bare in lexicon.clause_verbs:
            return False
    return True
