"""What is not a claim: page furniture, questions, instructions, method notes, stories.

`not_a_claim` names the class of a sentence that asserts nothing a
fact-checker could check, whatever figures it holds; `extract_claims` stores
none of them. The classes, in the order they are tried:

- table-row: a line of a table (`| Agriculture | 12 412 |`): its figure means
  something only under the table's header, which is another line.
- dateline: a line made of dates, times and words like "updated" ("Saturday 4
  May 2024 17:45", "Updated 2 hours ago"), or opening on a publication marker
  followed by a date ("Publié le 03.04.2021 à 10h12").
- byline, photo-credit, furniture, method: a line opening as the language's
  `Lexicon.openings` lists ("Par Jean Dupont, à Rabat", "(Reporting by …",
  "Photo: …", "Share on X", "Source : Insee"). "Par"/"By" alone opens a byline
  only when a name follows and the line is a heading, not a sentence ("By
  Friday, the fund had raised £3m." is a claim). An embedded post's signature
  ("— Jane Doe (@jdoe) May 2, 2021") is a byline too.
- instruction: a numbered line whose first word is a verb of command
  ("1- Vérifier les sources", "2. Bleed your radiators") or a first-person
  pronoun ("1. We compared the post with …"): steps, not findings.
- furniture, method, anecdote: a sentence holding a cue of the language's
  groups named in `NOT_A_CLAIM_GROUPS`: cookie notices, sharing and
  subscription prompts; notes on rounding, sources and definitions ("Figures
  are rounded", "Les chiffres cités proviennent de …"); first-person life
  stories ("When I was a boy", "J'habite Marseille depuis vingt ans").
- question: a sentence ending on "?", or a quoted question followed only by
  a short attribution ('"Who will get these jobs?" asked its chair.').
- heading: a line without a sentence's final mark, of at most
  `HEADING_MAX_WORDS` words, with no statistic written in digits and no share,
  amount or measure ("Deux mesures phares", "Une stratégie pour les dix
  prochaines années"). A headline with such a figure ("Renault va supprimer
  1.600 postes en France") stays a candidate.

Opinions, predictions and plans are not decided here: they are scored
(`claims.text.extraction.scoring`), since a plan or a forecast with its figure is
still checkable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from claims.text.extraction import lexicon as lx
from claims.text.extraction.cues import Hits, find_cues
from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon
from claims.text.quantities import Quantity

_CLOSERS: Final = " \t\r\n\"'’)]»”\u00a0\u202f"
_SENTENCE_ENDS: Final = frozenset(".!?…;")
_WORD: Final = re.compile(r"[^\W\d_]+")
_TOKEN: Final = re.compile(r"\S+")
_NUMBERED: Final = re.compile(r"\s*\d{1,2}\s*[.)\-–—]\s*(\S+)(?:\s+(\S+))?")
_SIGNATURE: Final = re.compile(r"\s*[—–-]+\s*\S.*\(@\w+\)")
_QUOTED_QUESTION: Final = re.compile(r"\?\s*[»”\"'’]\s*,?\s*([^?]*)$")
_DIGIT: Final = re.compile(r"\d")
# Figures that make a heading a headline whether written in digits or words.
_HEADLINE_KINDS: Final = frozenset({"percent", "money", "measure"})


def not_a_claim(
    sentence: str,
    lexicon: Lexicon,
    quantities: Sequence[Quantity],
    cues: Hits | None = None,
) -> str | None:
    """The class of non-claim `sentence` belongs to, or None when it may be a claim.

    `cues` are the sentence's cue hits when the caller has them already.
    """
    stripped = sentence.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        return "table-row"
    folded = fold(stripped)
    if cues is None:
        cues = find_cues(folded, lexicon)
    if _only_date_words(folded, lexicon):
        return "dateline"
    opened = _opening_class(stripped, folded, lexicon)
    if opened is not None:
        return opened
    if _SIGNATURE.match(stripped):
        return "byline"
    if _is_instruction(stripped, lexicon):
        return "instruction"
    for group in lx.NOT_A_CLAIM_GROUPS:
        if group in cues:
            return group
    if _is_question(stripped):
        return "question"
    if is_heading(stripped) and not _headline_figure(quantities):
        return "heading"
    return None


def is_heading(sentence: str) -> bool:
    """A short line without a sentence's final mark: a title, a label, a name."""
    body = sentence.rstrip(_CLOSERS)
    if not body or body[-1] in _SENTENCE_ENDS:
        return False
    return len(sentence.split()) <= lx.HEADING_MAX_WORDS


@lru_cache(maxsize=16)
def _date_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon.date_words)


def _only_date_words(folded: str, lexicon: Lexicon) -> bool:
    if not _DIGIT.search(folded):
        return False
    words = _WORD.findall(folded)
    return all(word in _date_words(lexicon) for word in words)


def _opening_class(sentence: str, folded: str, lexicon: Lexicon) -> str | None:
    for cls, pattern in _openings(lexicon):
        found = pattern.match(folded)
        if found is None:
            continue
        opening = found.group()
        rest = sentence[len(opening) :].lstrip(" :,\u00a0")
        if cls == "dateline" and not _starts_with_date(rest, lexicon):
            continue
        if cls == "byline" and opening.isalpha() and not _names_a_person(sentence, rest):
            continue  # "Par ailleurs", "By contrast": a word, not a byline
        return cls
    return None


@lru_cache(maxsize=16)
def _openings(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per class, a pattern matching one of its openings (folded) as whole words."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for cls, openings in lexicon.openings.items():
        keys = sorted({fold(o) for o in openings}, key=len, reverse=True)
        # An opening that ends in a letter must end a word there; "(photo" and
        # "fin/" need no such check.
        alternatives = "|".join(
            re.escape(k) + (r"(?![^\W_])" if k[-1:].isalnum() else "") for k in keys
        )
        out.append((cls, re.compile(f"(?:{alternatives})")))
    return tuple(out)


def _starts_with_date(rest: str, lexicon: Lexicon) -> bool:
    tokens = [fold(t).strip(",.:") for t in _TOKEN.findall(rest)[:3]]
    for token in tokens:
        if token in {"le", "on", "the", "a", "at"}:
            continue
        return bool(token) and (token[0].isdigit() or token in _date_words(lexicon))
    return False


def _names_a_person(sentence: str, rest: str) -> bool:
    """'By Sam Whitaker, Chief Sports Writer': a capitalised name on a heading line."""
    return rest[:1].isupper() and is_heading(sentence) and len(sentence.split()) <= 12


def _is_instruction(sentence: str, lexicon: Lexicon) -> bool:
    found = _NUMBERED.match(sentence)
    if found is None:
        return False
    first = fold(found.group(1)).split("-", 1)[0].strip(",.:;")
    second = fold(found.group(2) or "").strip(",.:;")
    if first in lexicon.first_person or first.startswith("j'"):
        return True
    if (
        len(first) >= 5
        and first.endswith(lexicon.instruction_endings)
        and first not in lexicon.instruction_exceptions
    ):
        return True
    return (
        second in lexicon.instruction_objects
        and first not in lexicon.instruction_objects
        and first not in lexicon.determiners
    )


def _is_question(sentence: str) -> bool:
    body = sentence.rstrip(_CLOSERS)
    if body.endswith("?"):
        return True
    quoted = _QUOTED_QUESTION.search(sentence)
    if quoted is None:
        return False
    tail = quoted.group(1)
    return not _DIGIT.search(tail) and len(tail.split()) <= lx.QUESTION_TAIL_WORDS


def _headline_figure(quantities: Sequence[Quantity]) -> bool:
    for q in quantities:
        if q.kind in _HEADLINE_KINDS:
            return True
        if q.kind in lx.STATISTIC_KINDS and _DIGIT.search(q.surface):
            return True
    return False
