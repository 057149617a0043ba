"""Sentence segmentation for French and English news text, with exact offsets.

Rule-based, with the abbreviation lists as data (`claims.text.extraction.lexicon`).
A sentence ends at . ! ? or … (plus any closing quotes and brackets) when
whitespace and a word that may start a sentence follow; a line break ends one
unless it only wraps a sentence (the next line starts in lower case); a blank
line always does. Not a boundary: titles and abbreviations (M., MM., Dr.,
e.g.), initials (J. Smith), decimals and thousands (3.5, 20.000), and
punctuation inside a quotation that the sentence carries on after
(« C'est fini ! », a déclaré X), the number of a list item ("1. Turn your
thermostat down"). Dotted acronyms and "etc." end a sentence
only when a typical sentence opener follows ("... in the U.S. The firm ...").

pysbd was evaluated first and set aside: in French it breaks after "MM.",
"Dr.", "Pr." and "St.".

Bounded work: a "sentence" longer than `MAX_SENTENCE_CHARS` is no sentence
of prose (a list glued into one line, a table, a text with no sentence ends,
junk); it is cut into pieces of at most that length, at the last ";" or ":"
of each window, else the last ",", else the last space, else anywhere. Every
later step (claimant, quantities, scoring) then works on bounded pieces, so
extraction time stays linear in the text's length.
"""

from __future__ import annotations

import re

from claims.text.extraction.model import Sentence
from claims.text.languages import Language, Lexicon, language

_TERMINATOR = re.compile(r"[.!?…]+")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"[\w.'’-]*$")
_WORD_AFTER = re.compile(r"[\w]+(?:['’][\w]*)?")
_DOTTED = re.compile(r"^[^\W\d_]{1,2}(?:\.-?[^\W\d_]{1,2})+$")
_TIGHT_CLOSERS = frozenset("\"'’)]»”")
_SPACED_CLOSERS = frozenset("»”")
_SPACES = frozenset(" \t\r\u00a0\u202f\u2009")
_LINE_ENDERS = frozenset('.!?…:;»”"')
_LEADING_JUNK = " \t\r\n\u00a0\u202f\u2009•▪·◦*"
MAX_SENTENCE_CHARS = 1000
# A cut never leaves a piece shorter than this, so a clause mark near the
# window's start does not produce a run of tiny pieces.
_MIN_PIECE_CHARS = 200
_ALNUM = re.compile(r"[^\W_]")
_LIST_NUMBER = re.compile(r"[\s•▪·◦*-]*\d{1,2}\.")
_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def split_sentences(text: str, lang: str | Language) -> list[Sentence]:
    """The sentences of `text`, in order; each one's text is `text[start:end]`.

    `lang` is a `Language` or a registered code (else `UnsupportedLanguage`).
    """
    lexicon = language(lang).claims
    out: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for match in _TERMINATOR.finditer(text, block_start, block_end):
            end = _after_closers(text, match.end(), block_end)
            if _LIST_NUMBER.fullmatch(text, start, match.end()):
                continue  # "1. Turn your thermostat down": the number of a list item
            if _is_boundary(text, match, end, block_end, lexicon):
                _emit(out, text, start, end)
                start = end
        _emit(out, text, start, block_end)
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like stretches: lines, merged where a line only wraps a sentence."""
    blocks: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if not line.group().strip():
            continue
        if blocks and _wraps(text, blocks[-1][1], start):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _wraps(text: str, prev_end: int, next_start: int) -> bool:
    if text.count("\n", prev_end, next_start) != 1:
        return False
    # Look at the characters around the break only: slicing the whole text
    # here would make splitting quadratic in the number of lines.
    i = prev_end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    j = next_start
    while j < len(text) and text[j].isspace():
        j += 1
    return i >= 0 and j < len(text) and text[i] not in _LINE_ENDERS and text[j].islower()


def _after_closers(text: str, i: int, limit: int) -> int:
    while i < limit:
        if text[i] in _TIGHT_CLOSERS:
            i += 1
        elif text[i] in _SPACES and i + 1 < limit and text[i + 1] in _SPACED_CLOSERS:
            i += 2
        else:
            break
    return i


def _is_boundary(text: str, match: re.Match[str], end: int, limit: int, lexicon: Lexicon) -> bool:
    if end >= limit:
        return True
    if not text[end].isspace():
        return False  # 3.5, 20.000, U.S.A, "fin.»suite"
    nxt = end
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return True
    first = text[nxt]
    if first.islower() or first in ",;:":
        return False  # « C'est fini ! », a déclaré X / etc. and more
    if match.group() != ".":
        return True
    # A bounded window: the anchored search would otherwise rescan the text from 0.
    word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    token = word.group().lstrip(".'’-") if word else ""
    if not token:
        return True
    if token in lexicon.titles or token.lower() in lexicon.abbreviations:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: J. Smith
    if token in lexicon.ambiguous_abbreviations or _DOTTED.match(token):
        following = _WORD_AFTER.match(text, nxt)
        return following is not None and _starts_sentence(following.group(), lexicon)
    return True


def _starts_sentence(word: str, lexicon: Lexicon) -> bool:
    if word in lexicon.sentence_starters:
        return True
    cut = max(word.find("'"), word.find("’"))
    return cut > 0 and word[: cut + 1].replace("’", "'") in lexicon.sentence_starters


def _emit(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, end)
        _emit(out, text, start, cut)
        start = cut
        while start < end and text[start] in _LEADING_JUNK:
            start += 1
    chunk = text[start:end]
    if _ALNUM.search(chunk):
        out.append(Sentence(chunk, start, end))


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut an over-long sentence: just after its last clause mark in the window."""
    low, high = start + _MIN_PIECE_CHARS, min(end, start + MAX_SENTENCE_CHARS)
    for mark in _CUTS:
        ends = [found.end() for found in mark.finditer(text, low, high)]
        if ends:
            return ends[-1]
    return high
