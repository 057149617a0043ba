"""Errors of text analysis, shared by its packages.

FactdeskError                       (db.errors)
 └── ClaimError                     (claims.errors)
      └── ExtractionError           text analysis could not run
           └── UnsupportedLanguage  a language code factdesk has no words for
"""

from __future__ import annotations

from claims.errors import ClaimError


class ExtractionError(ClaimError):
    """Claim extraction could not run on the given input."""


class UnsupportedLanguage(ExtractionError):
    """The language asked for has no word lists."""

    def __init__(self, lang: str, supported: tuple[str, ...]) -> None:
        self.lang = lang
        self.supported = supported
        super().__init__(f"language {lang!r} is not supported: use one of {', '.join(supported)}")
