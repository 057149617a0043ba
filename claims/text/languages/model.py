"""`Language`: everything factdesk knows about reading one language, in one object."""

from __future__ import annotations

from dataclasses import dataclass

from claims.text.languages.claim_lexicon import Lexicon
from claims.text.languages.derived_lexicon import DerivedLexicon
from claims.text.quantities.grammar import NumberGrammar


@dataclass(frozen=True, eq=False)
class Language:
    """One language factdesk reads (hashed by identity, so caches can key on it).

    Extraction reads only this object: pass it (or its registered code) to
    `extract_claims`, `split_sentences`, `iter_claims`, `explain_claim`.
    """

    code: str
    """ISO 639-1 code, as `--lang` takes it and snapshots store it ("fr")."""
    name: str
    """English name, for messages ("French")."""
    claims: Lexicon
    """Sentence abbreviations, reporting verbs, roles, cue words: the claim lexicon."""
    numbers: NumberGrammar
    """How the language writes figures: number words, scales, hedges, dates, ranks,
    shares, the decimal mark (`claims.text.quantities.NumberGrammar`). The quantity
    finder reads nothing else that differs between languages. A language whose
    numbers read like another's can hold that one's, or a `dataclasses.replace` of it."""
    derived: DerivedLexicon | None = None
    """How a part and its share imply a total; None: no totals are derived."""
