"""Reading the claimant of one sentence of a text, for the attribution tests."""

from __future__ import annotations

import re

from claims.text.extraction import extract_claims

# Compared without a leading article or possessive: "the statistics office" and
# "statistics office" name the same speaker; anything more or less does not.
_LEADING = re.compile(
    r"^(?:the|an|a|its|their|les|le|la|l['’]|une|un|son|sa|ses|leurs|leur)\b\s*", re.IGNORECASE
)


def claimant_of(text: str, needle: str, lang: str) -> str | None:
    """The claimant of the one claim whose sentence contains `needle` (not a derived
    total's: it repeats its sentence's claimant)."""
    matches = [c for c in extract_claims(text, lang) if needle in c.text and c.kind != "derived"]
    assert len(matches) == 1, [c.text for c in extract_claims(text, lang)]
    return matches[0].claimant


def case_id(value: object) -> str:
    """A short test id: the first words of a case's text."""
    return value[:40] if isinstance(value, str) and len(value) > 2 else ""


def same_speaker(got: str | None, want: str) -> bool:
    """True when `got` names `want`, give or take a leading article and letter case."""
    if got is None:
        return False
    return _LEADING.sub("", got.strip()).casefold() == _LEADING.sub("", want.strip()).casefold()
