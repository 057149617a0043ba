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
    """The number grammar of `claims.text.quantities` figures are read with: its number
    words, units, currencies and hedges (one of `claims.text.quantities.NUMBER_GRAMMARS`).
    A language whose numbers read like another's names that one."""
    derived: DerivedLexicon | None = None
    """How a part and its share imply a total; None: no totals are derived."""
