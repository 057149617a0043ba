"""The key terms of a claim for matching: folded, stop-words out, French and English paired.

    key_terms("Le Maroc compte 20.000 coopératives") == {"morocco", "cooperative", "compt"}
    key_terms("Morocco has 20,000 cooperatives")     == {"morocco", "cooperative"}

A word goes through `claims.text.vocabulary.term_key` (fold, counted nouns and
passage terms paired), then through this package's lexicon (topics and places),
so a French claim and its English fact-check share keys. Digits are left to
`claims.text.matching.figures`: a number is compared as a value, not as a word.
"""

from __future__ import annotations

import hashlib
from typing import Final

from claims.text import vocabulary
from claims.text.languages import en, fr
from claims.text.matching.lexicon import PLACES, TOPICS
from claims.text.vocabulary import fold, term_key, words

# Words that carry no topic in news claims but pass the generic stop-word list,
# and the months: a claim's date, not its subject.
_FILLER: Final = frozenset(
    fold(w)
    for w in (
        *en.MONTHS,
        *fr.MONTHS,
        *"""
        has have had compte comptent compter atteint atteindre atteignent représente represent
        represents représentent selon according affirme affirmé claims claimed declare déclaré
        dit said says indique indiqué explained expliqué actuellement currently now today
        nombre number total totale totaux ensemble all tout environ about around some
        only seulement just près nearly almost quelque quelques several plusieurs
        its their leurs chaque each every per by une one des over under hit reached reach
        stood stands était was were is est sont are
        """.split(),
    )
)
# Units and magnitudes: the figures decide about those (`figures`), as values;
# as words they would make "10,000 hectares of forest" and "of olive trees" alike.
_UNIT_KEYS: Final = frozenset(
    {
        "MW",
        "GW",
        "km",
        "ha",
        "t",
        "TEU",
        "MAD",
        "EUR",
        "USD",
        "GBP",
        "million",
        "billion",
        "half",
        "year",
        "month",
        "day",
    }
)
# Upper-case abbreviations that are ordinary words in lower case.
_ABBREVIATIONS: Final = {"US": "usa", "USA": "usa", "UK": "uk", "EU": "eu", "UE": "eu"}


def _index(*tables: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for table in tables:
        for key, group in table.items():
            for word in (key, *group):
                index.setdefault(fold(word), key)
                for part in words(word):
                    index.setdefault(fold(part), key)
    return index


_LEXICON: Final = _index(TOPICS, PLACES)
_PLACE_KEYS: Final = frozenset(PLACES)

_RULES_REVISION: Final = 1
"""Raise when `key_of`/`key_terms` change how they read a word (the tables are digested)."""


def _analyser_digest() -> str:
    # Keys kept in the fact-check index are valid only for the tables they came
    # from: any change to a table gives another digest, and keys are found again.
    parts = (
        _RULES_REVISION,
        sorted(_LEXICON.items()),
        sorted(_FILLER),
        sorted(_UNIT_KEYS),
        sorted(_ABBREVIATIONS.items()),
        sorted(vocabulary._CONCEPT_INDEX.items()),
        sorted(vocabulary._TERM_INDEX.items()),
        sorted(vocabulary._STOP),
        vocabulary._PLURAL_ENDINGS,
        vocabulary._STEM_ENDINGS,
        vocabulary._WORD.pattern,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


KEYS_DIGEST: Final = _analyser_digest()
"""Names the key terms `key_terms` finds today (part of `kept.analyser`)."""


def key_of(word: str) -> str | None:
    """The matching key of one word; None for stop-words, filler and bare digits."""
    if any(ch.isdigit() for ch in word):
        return None
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    folded = fold(word)
    key = _LEXICON.get(folded)
    if key is None:
        if folded in _FILLER or len(folded) < 2:
            return None
        key = term_key(word)
    return None if key in _UNIT_KEYS else key


def key_terms(text: str) -> frozenset[str]:
    """Every matching key of `text`."""
    # "États-Unis", "Royaume-Uni": the whole hyphenated name first, then its parts.
    keys: set[str] = set()
    for token in text.replace("’", "'").split():
        token = token.strip(".,;:!?«»\"'()[]")
        if "-" in token and (place := _LEXICON.get(fold(token))) is not None:
            keys.add(place)
            continue
        for word in words(token):
            key = key_of(word)
            if key is not None:
                keys.add(key)
    return frozenset(keys)


def places(keys: frozenset[str]) -> frozenset[str]:
    """The keys of `keys` that name a place."""
    return keys & _PLACE_KEYS
