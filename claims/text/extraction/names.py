"""Patterns for people's names and the noun phrases that point at a speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# Possessive quantifiers, and no optional capital after a hyphen (letters already
# include capitals): "Aa-Aa-Aa-..." would otherwise backtrack exponentially.
NAME_TOKEN = rf"[{UPPER}][^\W\d_]++(?:[-'’][^\W\d_]++)*+"


@lru_cache(maxsize=8)
def full_name_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """Two to four capitalised words, with particles between ("Charles de Gaulle")."""
    particles = "|".join(sorted(lexicon.name_particles, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’-]){NAME_TOKEN}(?:\s+(?:(?:{particles})\s+)?{NAME_TOKEN}){{1,3}}(?![\w'’-])"
    )


@lru_cache(maxsize=8)
def honorific_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """An honorific and the surname after it ("Mme El Moussali", "Mr. Smith")."""
    titles = "|".join(
        re.escape(h) + (r"(?!\w)" if not h.endswith(".") else "")
        for h in sorted(lexicon.honorifics, key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w'’-])(?P<title>{titles})\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)"
        rf"(?![\w'’-])"
    )


def is_name_start(token: str, lexicon: Lexicon) -> bool:
    """True when a capitalised `token` may begin a person's name."""
    return token not in lexicon.not_names and token not in lexicon.honorifics


def name_keys(name: str, lexicon: Lexicon) -> set[str]:
    """Folded keys a later mention of this person may use: each tail of the name, joined.

    "Jamila El Moussali" gives "jamilaelmoussali", "elmoussali", "moussali",
    so "Mme Elmoussali" and "Mme El Moussali" both find her.
    """
    tokens = [t for t in name.split() if t.lower() not in lexicon.name_particles or t[0].isupper()]
    return {squash("".join(tokens[i:])) for i in range(len(tokens))}


def squash(text: str) -> str:
    """Folded `text` with spaces, hyphens and apostrophes removed."""
    return re.sub(r"[\s'’-]+", "", fold(text))


def strip_leading(phrase: str, words: frozenset[str]) -> str:
    """`phrase` without a leading word of `words` (compared case-insensitively)."""
    parts = phrase.split(maxsplit=1)
    if not parts:
        return phrase
    head = parts[0]
    lowered = _lowered(words)
    if head.lower() in lowered:
        return parts[1] if len(parts) > 1 else ""
    for elided in ("l'", "l’"):
        if elided in lowered and head.lower().startswith(elided) and len(head) > 2:
            return phrase[2:]
    return phrase


@lru_cache(maxsize=32)
def _lowered(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)
