"""Is an ordinal a figure? Only when it ranks or counts something measurable.

The rule, in order (the words are data in `claims.text.quantities.words.ranks`):

1. A rank: a superlative after the ordinal ("third-longest", "le deuxième
   plus grand", "second most populous"), a rank noun right after it or after
   its noun ("le deuxième exportateur mondial", "le premier port exportateur",
   "au troisième rang"), or a noun ranked within a scope ("la deuxième ville
   du pays", "the third bank in Africa", "la deuxième ville la plus peuplée").
2. A streak: "la troisième année consécutive", "for the fifth straight year".
3. Not a figure: an ordinal before a noun that names an event or an instance
   ("le premier Sommet", "the first edition", "la première fois", "le 3e
   trimestre", "XXe siècle") or before any other noun without a scope ("the
   second Lagrangian point"); a nominal ordinal after a possessive ("mon
   premier", "his second"); "le premier à …"/"the first to …"; an English
   discourse marker ("First, we …"). Idioms ("au premier plan", "first of
   all") are dropped with the other idioms (`claims.text.quantities.idioms`).
4. An ordinal with no noun after it is a rank as written ("finished third",
   "se classe cinquième", a list "premier, deuxième, troisième").

When unsure the ordinal is dropped: a spurious figure costs a fact-checker
more than a missing one.
"""

from __future__ import annotations

import re
from typing import Final

from claims.text.quantities.lexicon import STOPWORDS
from claims.text.quantities.numerals import is_number_word
from claims.text.quantities.words.ranks import (
    DISCOURSE_ORDINALS,
    EVENT_NOUNS,
    NOT_SUPERLATIVES,
    POSSESSIVES,
    RANK_NOUNS,
    SCOPES,
    STREAK_WORDS,
    SUPERLATIVE_WORDS,
)

_SP: Final = r"[\s\u00a0]+"


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(
        re.escape(w).replace(r"\ ", _SP).replace("'", "['’]")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?:" + _SP + r"|(?<=['’]))(?:" + alt + r")(?![\w])")


_SCOPE: Final = {lang: _phrases(words) for lang, words in SCOPES.items()}
_STREAK: Final = {lang: _phrases(words) for lang, words in STREAK_WORDS.items()}
_WORD: Final = re.compile(r"(?:[\s\u00a0]+|-)([^\W\d_]+(?:['’][^\W\d_]+)?)")
_ADJECTIVE_THEN_SCOPE: Final = re.compile(r"[\s\u00a0]+[^\W\d_]+")
_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[\s\u00a0]+$")
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_TO: Final = {
    "fr": re.compile(r"(?i)[\s\u00a0]+à[\s\u00a0]+"),
    "en": re.compile(r"(?i)[\s\u00a0]+to[\s\u00a0]+"),
}
_DETERMINERS: Final = {"fr": frozenset({"le", "la", "les", "l"}), "en": frozenset({"the"})}
_SUPERLATIVE_AFTER_NOUN: Final = {
    "fr": re.compile(r"(?i)[\s\u00a0]+(?:la|le|les)[\s\u00a0]+(?:plus|moins)(?![\w])"),
    "en": re.compile(r"(?i)$^"),  # English puts the superlative before the noun
}


def is_rank(text: str, lang: str, start: int, end: int) -> bool:
    """Does the ordinal written at text[start:end] rank or count something
    measurable? (See the module docstring for the rule.)"""
    first = _WORD.match(text, end)
    word = first.group(1).lower() if first else ""
    if first is not None and _is_superlative(word, lang):
        return True  # "third-longest", "deuxième plus grand", "second most"
    noun_end = first.end() if first else end
    if _STREAK[lang].match(text, end) or _STREAK[lang].match(text, noun_end):
        return True  # "fifth straight year", "troisième année consécutive"
    if word in EVENT_NOUNS[lang]:
        return False  # "le premier Sommet", "the first edition", "le 3e trimestre"
    if first is None or word in STOPWORDS[lang] or is_number_word(word, lang):
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return _bare_is_rank(text, lang, start, end, before.group(1).lower() if before else "")
    if word in RANK_NOUNS[lang]:
        return True
    second = _WORD.match(text, noun_end)
    if second is not None and second.group(1).lower() in RANK_NOUNS[lang]:
        return True  # "le premier port exportateur"
    if _SUPERLATIVE_AFTER_NOUN[lang].match(text, noun_end):
        return True  # "la deuxième ville la plus peuplée"
    if _SCOPE[lang].match(text, noun_end):
        return True  # "la deuxième ville du pays"
    adjective = _ADJECTIVE_THEN_SCOPE.match(text, noun_end)
    return bool(adjective and _SCOPE[lang].match(text, adjective.end()))


def _is_superlative(word: str, lang: str) -> bool:
    if word in SUPERLATIVE_WORDS[lang]:
        return True
    return lang == "en" and word.endswith("est") and len(word) > 4 and word not in NOT_SUPERLATIVES


def _bare_is_rank(text: str, lang: str, start: int, end: int, word_before: str) -> bool:
    """An ordinal with no noun after it: a rank as written, unless a
    possessive makes it a noun ("mon premier"), it is "le premier à …", or it
    opens an English sentence as a discourse marker ("First, we …")."""
    if word_before in POSSESSIVES[lang]:
        return False
    if word_before in _DETERMINERS[lang] and _TO[lang].match(text, end):
        return False  # "le premier à signer", "the first to sign"
    written = text[start:end].lower()
    return not (
        written in DISCOURSE_ORDINALS[lang]
        and text[end : end + 1] == ","
        and _SENTENCE_START.search(text, max(0, start - 3), start)
    )
