"""Is an ordinal a figure? Only when it ranks or counts something measurable.

The rule, in order (the words are data: the language's `NumberGrammar`, `rank_nouns`,
`scopes`, `event_nouns`…):

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

from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.numerals import is_number_word

_SP: Final = r"[\s\u00a0]+"


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(
        re.escape(w).replace(r"\ ", _SP).replace("'", "['’]")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?:" + _SP + r"|(?<=['’]))(?:" + alt + r")(?![\w])")


_SCOPE: Final = PerGrammar(lambda grammar: _phrases(grammar.scopes))
_STREAK: Final = PerGrammar(lambda grammar: _phrases(grammar.streak_words))
_WORD: Final = re.compile(r"(?:[\s\u00a0]+|-)([^\W\d_]+(?:['’][^\W\d_]+)?)")
_ADJECTIVE_THEN_SCOPE: Final = re.compile(r"[\s\u00a0]+[^\W\d_]+")
_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[\s\u00a0]+$")
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def is_rank(text: str, grammar: NumberGrammar, start: int, end: int) -> bool:
    """Does the ordinal written at text[start:end] rank or count something
    measurable? (See the module docstring for the rule.)"""
    first = _WORD.match(text, end)
    word = first.group(1).lower() if first else ""
    if first is not None and _is_superlative(word, grammar):
        return True  # "third-longest", "deuxième plus grand", "second most"
    noun_end = first.end() if first else end
    if _STREAK[grammar].match(text, end) or _STREAK[grammar].match(text, noun_end):
        return True  # "fifth straight year", "troisième année consécutive"
    if word in grammar.event_nouns:
        return False  # "le premier Sommet", "the first edition", "le 3e trimestre"
    if first is None or word in grammar.stopwords or is_number_word(word, grammar):
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return _bare_is_rank(text, grammar, start, end, before.group(1).lower() if before else "")
    if word in grammar.rank_nouns:
        return True
    second = _WORD.match(text, noun_end)
    if second is not None and second.group(1).lower() in grammar.rank_nouns:
        return True  # "le premier port exportateur"
    if grammar.superlative_after_noun.match(text, noun_end):
        return True  # "la deuxième ville la plus peuplée"
    if _SCOPE[grammar].match(text, noun_end):
        return True  # "la deuxième ville du pays"
    adjective = _ADJECTIVE_THEN_SCOPE.match(text, noun_end)
    return bool(adjective and _SCOPE[grammar].match(text, adjective.end()))


def _is_superlative(word: str, grammar: NumberGrammar) -> bool:
    if word in grammar.superlative_words:
        return True
    suffix = grammar.superlative_suffix
    return (
        suffix is not None
        and word.endswith(suffix)
        and len(word) > 4
        and word not in grammar.not_superlatives
    )


def _bare_is_rank(
    text: str, grammar: NumberGrammar, start: int, end: int, word_before: str
) -> bool:
    """An ordinal with no noun after it: a rank as written, unless a
    possessive makes it a noun ("mon premier"), it is "le premier à …", or it
    opens an English sentence as a discourse marker ("First, we …")."""
    if word_before in grammar.possessives:
        return False
    if word_before in grammar.determiners and grammar.ordinal_range_to.match(text, end):
        return False  # "le premier à signer", "the first to sign"
    written = text[start:end].lower()
    return not (
        written in grammar.discourse_ordinals
        and text[end : end + 1] == ","
        and _SENTENCE_START.search(text, max(0, start - 3), start)
    )
