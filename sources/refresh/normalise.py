"""The second level of change detection: a hash of the main text, normalised.

A page whose raw bytes changed (an ad, a session token, a "last updated"
stamp) but whose article did not is not a change. Main-text extraction already
drops scripts, ads and navigation; what remains to ignore is times and dates
stamped into the text, whitespace and case.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Clock times and ISO timestamps ("12:03", "2026-11-29T10:00:00Z") and the
# relative stamps of live pages ("il y a 5 minutes", "3 hours ago").
_STAMPS = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\b\d{1,2}[:h]\d{2}(?::\d{2})?\b"
    r"|\bil y a \d+ (?:secondes?|minutes?|heures?|jours?)\b"
    r"|\b\d+ (?:seconds?|minutes?|mins?|hours?|days?) ago\b",
    re.IGNORECASE,
)


def normalise_text(text: str) -> str:
    """``text`` with stamps removed, compatibility forms folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _STAMPS.sub(" ", folded)
    return " ".join(folded.split()).casefold()


def normalised_hash(text: str) -> str:
    """SHA-256 of :func:`normalise_text`; equal hashes mean "the article did not change"."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
