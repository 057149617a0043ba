"""Which rules to use: "fr" or "en", guessed from stopwords when not given."""

from __future__ import annotations

import re
from typing import Final

from claims.text.quantities.lexicon import words

_FR: Final = words(
    "le la les des du de et est une un dans pour que qui sur au aux "
    "pas par avec ont sont été cette ces"
)
_EN: Final = words(
    "the of and is are was were to in for that with on by at an from this has have be it"
)
_WORD: Final = re.compile(r"[^\W\d_]+")


def resolve_lang(text: str, lang: str) -> str:
    """`lang` if it is "fr" or "en", else the likelier of the two for `text`."""
    lang = lang.lower()[:2]
    if lang in ("fr", "en"):
        return lang
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    return "en" if en > fr else "fr"
