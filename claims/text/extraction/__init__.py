"""Claim extraction: an article's text in, its checkable claims out (no database).

    extract_claims(text, lang) -> list[ExtractedClaim]
    split_sentences(text, lang) -> list[Sentence]
    explain_claim(text, lang, claimant) -> ScoreExplanation (why it scored so)

Each claim is one sentence with its code-point span(s) in the text, its kind
(numeric: holds a figure that is not a date or an ordinal; factual: a
checkable statement without one), who asserts it (None for the article's own
voice), what it is about, its quantities (`claims.text.quantities`), a
check-worthiness score and a fingerprint that finds it again elsewhere. The
JSON form is the "Claim extraction contract" of DESIGN.md. Word lists and
scoring weights are data: word lists per language in `claims.text.languages`
(`lang` is one of its codes, or a `Language`), weights in
`claims.text.extraction.lexicon`.
"""

from __future__ import annotations

from claims.text.extraction.errors import ExtractionError, UnsupportedLanguage
from claims.text.extraction.explain import explain_claim
from claims.text.extraction.extract import extract_claims
from claims.text.extraction.fingerprint import fingerprint
from claims.text.extraction.model import ClaimKind, ExtractedClaim, Sentence, Span
from claims.text.extraction.scoring import Contribution, ScoreExplanation
from claims.text.extraction.sentences import split_sentences

__all__ = [
    "ClaimKind",
    "Contribution",
    "ExtractedClaim",
    "ExtractionError",
    "ScoreExplanation",
    "Sentence",
    "Span",
    "UnsupportedLanguage",
    "explain_claim",
    "extract_claims",
    "fingerprint",
    "split_sentences",
]
