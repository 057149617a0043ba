"""Claim extraction: an article's text in, its checkable claims out (no database).

    extract_claims(text, lang="auto") -> list[ExtractedClaim]
    split_sentences(text, lang) -> list[Sentence]
    detect_language(text) -> "fr" | "en"

Each claim is one sentence with its code-point span(s) in the text, its kind
(numeric: holds a figure that is not a date or an ordinal; factual: a
checkable statement without one), who asserts it (None for the article's own
voice), what it is about, its quantities (`claims.quantities`), a
check-worthiness score and a fingerprint that finds it again elsewhere. The
JSON form is the "Claim extraction contract" of DESIGN.md. Word lists and
scoring weights are data, in `claims.extraction.lexicon`.
"""

from __future__ import annotations

from claims.extraction.errors import ExtractionError, UnsupportedLanguage
from claims.extraction.extract import extract_claims
from claims.extraction.fingerprint import fingerprint
from claims.extraction.language import detect_language
from claims.extraction.model import ClaimKind, ExtractedClaim, Sentence, Span
from claims.extraction.sentences import split_sentences

__all__ = [
    "ClaimKind",
    "ExtractedClaim",
    "ExtractionError",
    "Sentence",
    "Span",
    "UnsupportedLanguage",
    "detect_language",
    "extract_claims",
    "fingerprint",
    "split_sentences",
]
