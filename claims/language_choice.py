"""Which registered language to read a text in: factdesk's one choice of language.

claims.text never guesses a language; whoever hands it a text without one
(`factdesk extract --lang auto`, a snapshot whose page declared a language
factdesk has no words for) asks here. A declared language wins when it is
registered (`claims.text.languages.SUPPORTED`); otherwise the page detector
(`sources.extraction.language.detect_language`, py3langid) weighs only the
registered languages; a text it cannot read (no letters) gets `FALLBACK`.
"""

from __future__ import annotations

from typing import Final

from claims.text.languages import LANGUAGES, SUPPORTED
from sources.extraction.language import detect_language, normalize_language_tag

FALLBACK: Final = SUPPORTED[0]
"""The language of a text that says nothing: the first registered one."""


def declared_language(*declared: str | None) -> str | None:
    """The first of the ``declared`` tags ("fr-FR", "en") that names a registered language."""
    for tag in declared:
        code = normalize_language_tag(tag)
        if code in LANGUAGES:
            return code
    return None


def choose_language(text: str, *declared: str | None) -> str:
    """The registered language to read ``text`` in: declared, else detected, else `FALLBACK`."""
    return declared_language(*declared) or detect_language(text, among=SUPPORTED) or FALLBACK
