"""The languages factdesk reads: one module per language, one registry.

    language(code_or_language) -> Language     (UnsupportedLanguage otherwise)
    LANGUAGES: code -> Language                SUPPORTED: the codes, fallback first

A `Language` holds the claim lexicon (sentence abbreviations, reporting
verbs, roles, cue words), the derived-total words, and the number grammar
(`claims.text.quantities.NumberGrammar`) its figures and hedges are read with.
claims.text never guesses a language: callers pass a code or a `Language`;
`claims.language_choice` picks one for a text. How to add a language:
docs/languages.md.
"""

from __future__ import annotations

from claims.text.errors import UnsupportedLanguage
from claims.text.languages.claim_lexicon import Lexicon
from claims.text.languages.model import Language
from claims.text.languages.registry import LANGUAGES, SUPPORTED, language

__all__ = ["LANGUAGES", "SUPPORTED", "Language", "Lexicon", "UnsupportedLanguage", "language"]
