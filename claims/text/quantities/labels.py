"""Figures that label a thing instead of counting it. Not quantities:

- list numbers: "1- Vérifier les sources", "2) Recouper", "3. Publier" at a
  line start, and "2)" inside a line with no "(" opened before it;
- references: a number after "n°", "No.", "#" ("loi n°2019-222"), with the
  numbers chained to it by "-", "/" or "." ("2019-222");
- names: a bare whole number of one to three digits, with no unit or noun
  after it, right after a capitalised word that is a name ("Paris 13",
  "COP 28", "France 3"); "Windows 11", "Route 66", "iPhone 15" are in
  `lexicon.NAME_BEFORE_FIGURE` and read before any figure is built;
- a score after a name: "Arsenal 2-1", "l'OM 2-1" (both numbers);
- the last word of a quoted title: « Soleil Souss 2030 », “Vision 2030”,
  a short quotation of capitalised words that a bare number (a year, often)
  ends. A quoted sentence that ends on a figure (« nous en comptons 20.000 »)
  is no title: the word before the figure is not a name.

Tables are data in `claims.text.quantities.words.labels`.
"""

from __future__ import annotations

import re
from typing import Final

from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.words.labels import REFERENCE_MARKS

_LIST_AT_LINE_START: Final = re.compile(r"(?:^|\n)[ \t]*(\d{1,2})[ \t]*[-–.)][ \t]+(?=[^\W\d_])")
_INLINE_LIST: Final = re.compile(r"(?<![\w(.,])(\d{1,2})\)[ \t]+(?=[^\W\d_])")
_OPEN_BRACKET: Final = re.compile(r"\([^)]*$")
_REFERENCE: Final = re.compile(
    r"(?i)(?:"
    + "|".join(re.escape(m).replace(r"\ ", r"[ \u00a0]") for m in REFERENCE_MARKS)
    + r")[ \u00a0]?$"
)
_CHAIN: Final = re.compile(r"(?:[-/.]\d+)+")
_NAME_BEFORE: Final = re.compile(r"([^\W\d_][\w'’&.-]*)[ \u00a0]$")
_SCORE: Final = re.compile(r"[-–]\d{1,3}(?![\d.,%])")
_SMALL_WHOLE: Final = re.compile(r"\d{1,3}")
_TITLE_NUMBER: Final = re.compile(r"\d{1,4}")
_CLOSING_QUOTE: Final = re.compile(r"[ \u00a0\u202f]?[»”\"]")
_QUOTE_OPENED: Final = re.compile(r"[«“\"][ \u00a0\u202f]?([^«»“”\"]{1,60})$")
_TITLE_WORDS: Final = 5
"""At most this many words before the number: a title, not a quoted sentence."""
_NOT_A_NAME: Final = PerGrammar(
    lambda grammar: (
        grammar.stopwords
        | grammar.not_names
        | {w for phrase in grammar.hedges for w in phrase.split()}
        | {m.lower() for m in grammar.months}
    )
)


def label_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of list numbers in `text` ("1- Vérifier", "2) Recouper")."""
    spans = [m.span(1) for m in _LIST_AT_LINE_START.finditer(text)]
    for m in _INLINE_LIST.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _OPEN_BRACKET.search(text, max(line_start, m.start() - 60), m.start()):
            spans.append(m.span(1))
    return spans


def reference_end(text: str, start: int, end: int) -> int | None:
    """End of a reference number ("n°2019-222": the whole chain) starting at
    `start`, or None when no reference mark precedes it."""
    before = text[max(0, start - 6) : start]
    if not ("n" in before or "N" in before or "#" in before) or not _REFERENCE.search(before):
        return None
    chain = _CHAIN.match(text, end)
    return chain.end() if chain else end


def score_end(text: str, start: int, end: int, grammar: NumberGrammar) -> int | None:
    """End of a score that a name opens ("Arsenal 2-1": the end of "2-1"), or None."""
    m = _SCORE.match(text, end)
    if m is None or not is_name_number(text, start, end, grammar):
        return None
    return m.end()


def is_name_number(text: str, start: int, end: int, grammar: NumberGrammar) -> bool:
    """Is the bare figure text[start:end] ("13") the end of a name ("Paris 13")?

    The caller knows nothing follows it that makes it a quantity (no unit,
    noun, percent or currency)."""
    if not _SMALL_WHOLE.fullmatch(text, start, end):
        return False
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return is_name_word(m.group(1), grammar)


def ends_quoted_title(text: str, start: int, end: int, grammar: NumberGrammar) -> bool:
    """Is the bare figure text[start:end] the last word of a quoted title
    (« Soleil Souss 2030 », “Vision 2030”)? Its words before it are few, the
    first and the last of them capitalised names."""
    if not (_TITLE_NUMBER.fullmatch(text, start, end) and _CLOSING_QUOTE.match(text, end)):
        return False
    opened = _QUOTE_OPENED.search(text, max(0, start - 61), start)
    if opened is None:
        return False
    words = opened.group(1).split()
    if not 0 < len(words) <= _TITLE_WORDS or not words[0][:1].isupper():
        return False
    return is_name_word(words[-1], grammar)


def is_name_word(word: str, grammar: NumberGrammar) -> bool:
    """Is ``word`` a capitalised name, not a capitalised function word or month?"""
    word = re.split(r"['’]", word)[-1]  # "l'Euro" is "Euro"; "C'est" is "est"
    return bool(word) and word[0].isupper() and word.lower().rstrip(".") not in _NOT_A_NAME[grammar]
