"""Which language a text is in: French or English, by counting function words.

The check is deliberately small: the share of the most frequent function words
of each language (`Lexicon.stopwords`) decides; on a tie, accented letters
mean French, else English. It is meant for news text of a sentence or more,
not for single words.
"""

from __future__ import annotations

import re

from claims.text.extraction.errors import UnsupportedLanguage
from claims.text.extraction.lexicon import LEXICONS, Lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ]")


def detect_language(text: str) -> str:
    """ "fr" or "en": the language whose function words `text` uses more."""
    counts = dict.fromkeys(LEXICONS, 0)
    for match in _WORD.finditer(text):
        word = match.group().lower()
        for lang, lexicon in LEXICONS.items():
            if word in lexicon.stopwords:
                counts[lang] += 1
    if counts["fr"] != counts["en"]:
        return "fr" if counts["fr"] > counts["en"] else "en"
    return "fr" if _ACCENTED.search(text) else "en"


def lexicon_for(lang: str, text: str = "") -> Lexicon:
    """The word lists for `lang` ("auto": detected from `text`)."""
    if lang == "auto":
        lang = detect_language(text)
    lexicon = LEXICONS.get(lang)
    if lexicon is None:
        raise UnsupportedLanguage(lang, tuple(LEXICONS))
    return lexicon
