"""Errors of claim extraction (defined in `claims.text.errors`, shared with quantities).

FactdeskError                       (db.errors)
 └── ClaimError                     (claims.errors)
      └── ExtractionError           claim extraction could not run
           └── UnsupportedLanguage  a language code the extractor has no word lists for
"""

from __future__ import annotations

from claims.text.errors import ExtractionError, UnsupportedLanguage

__all__ = ["ExtractionError", "UnsupportedLanguage"]
