"""What follows a figure: its scale, and then its percent sign, currency,
unit, duration word or counted noun — which decide the quantity's kind.

`read_tail` is pure: given the text and where the figure ends, it says how
far the quantity reaches and what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.lexicon import (
    CURRENCY_SUFFIXES,
    DURATION_UNITS,
    GLUED_UNITS,
    MEASURE_UNITS,
    MONEY_SCALES,
    PERCENT_WORDS,
    POINT_WORDS,
    POUNDS,
    SKIPPABLE_ADJECTIVES,
)
from claims.text.quantities.model import QuantityKind
from claims.text.quantities.numerals import is_number_word
from claims.text.quantities.words.nouns import (
    LAST_NOUN_REACH,
)

_NOT_LETTER_AFTER: Final = r"(?![^\W\d_])"


def _alternation(words: object) -> str:
    keys = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_WS: Final = "[ \t\u00a0\u202f]"
_SCALE_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?:" + _WS + r"*|-)(" + _alternation(grammar.scales) + r")" + _NOT_LETTER_AFTER
    )
)
_WORD_SCALE_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)" + _WS + r"+(" + _alternation(grammar.scales_after_words) + r")" + _NOT_LETTER_AFTER
    )
)
_MONEY_SCALE_RE: Final = re.compile(r"(?:" + _WS + r"?)(bn|mn|tn|[mMbBkKT])(?![\w])")
_PERCENT_RE: Final = re.compile(r"(?i)" + _WS + r"*(" + _alternation(PERCENT_WORDS) + r")(?![\w])")
_POINTS_RE: Final = re.compile(
    r"(?i)" + _WS + r"*(" + _alternation(POINT_WORDS) + r"|points?|pts)(?![\w])"
)
_CURRENCY_RE: Final = re.compile(
    r"(?i)" + _WS + r"*(" + _alternation(CURRENCY_SUFFIXES) + r")(?![\w])"
)
_POUNDS_RE: Final = re.compile(r"(?i)" + _WS + r"*(" + _alternation(POUNDS) + r")(?![\w])")
_UNIT_RE: Final = re.compile(
    # "l'an" is no litre: a unit is never followed by an apostrophe
    r"(?i)(?:" + _WS + r"*|-)(" + _alternation(MEASURE_UNITS) + r")(?![\w°'’])"
)
# "km/s2", "J/m^2", "t/ha": a rate's denominator belongs to the unit's surface.
_PER_UNIT: Final = re.compile(r"/[^\W\d_]{1,5}(?:\^?[-−]?\d|[²³])?(?![\w])|\^[-−]?\d(?!\d)")
_UNIT_LOWER: Final = {k.lower(): v for k, v in MEASURE_UNITS.items() if len(k) >= 4}
_WORD_RE: Final = re.compile(r"(?:[\s\u00a0\u202f]+|-|(?<=['’]))([^\W\d_]+(?:['’-][^\W\d_]+){0,3})")
# Month names as each language writes them (French ones in lower case).


@dataclass(frozen=True)
class Tail:
    """How a figure reads once what follows it is taken into account."""

    multiplier: float
    kind: QuantityKind
    unit: str | None
    end: int
    plus: float = 0.0  # "deux et demi" adds 0.5 after scaling


_LETTERS: Final = re.compile(r"[^\W\d_]+")
# "0.5k miles", "10k followers": a "k" glued to digits is a thousand anywhere
# ("573.15K" is kelvins, `GLUED_UNITS`).
_GLUED_THOUSAND: Final = re.compile(r"k(?![\w])")
# "10 k abonnés": a lone lower-case "k" after a space is a thousand too.
_SPACED_THOUSAND: Final = re.compile(r"[ \u00a0\u202f]k(?![\w])")
_GLUED_UNIT: Final = re.compile(r"(" + "|".join(GLUED_UNITS) + r")(?![\w°])")


def glued_suffix_ok(text: str, end: int, grammar: NumberGrammar) -> bool:
    """Digits glued to letters are a figure only when the letters are a unit,
    scale, ordinal or currency ("10kg", "3e", "€10M", "1960s"); otherwise the
    whole is a code or a name ("4G", "06F6", "A380")."""
    m = _LETTERS.match(text, end)
    if not m:
        return True
    run = m.group()
    low = run.lower()
    return (
        run in MEASURE_UNITS
        or low in _UNIT_LOWER
        or low in grammar.scales
        or run in MONEY_SCALES
        or low in CURRENCY_SUFFIXES
        or low in DURATION_UNITS
        or low in PERCENT_WORDS
        or bool(run in GLUED_UNITS and _GLUED_UNIT.match(text, end))
        or low == "x"
        or low == "s"
        or bool(grammar.ordinal_suffix.fullmatch(low))
        or low in {"am", "pm"}
        or (run in {"h", "H"})
        or bool(re.fullmatch(r"(km|m|cm|mm)", low))
    )


def ordinal_suffix(text: str, end: int, grammar: NumberGrammar) -> int | None:
    """End of an ordinal suffix glued to digits ("3e", "1er", "3rd"), if any."""
    m = grammar.ordinal_suffix.match(text, end)
    return m.end() if m else None


def scale_after(text: str, end: int, grammar: NumberGrammar, money: bool) -> tuple[float, int]:
    """(multiplier, new end) for a scale word after the figure ("1,5 million")."""
    m = _SCALE_RE[grammar].match(text, end)
    if m:
        return grammar.scales[m.group(1).lower()], m.end()
    m = _GLUED_THOUSAND.match(text, end) or _SPACED_THOUSAND.match(text, end)
    if m:
        return 1e3, m.end()
    if money:
        m = _MONEY_SCALE_RE.match(text, end)
        if m:
            word = m.group(1)
            return (grammar.scales.get(word.lower()) or MONEY_SCALES[word]), m.end()
    return 1.0, end


def word_scale_after(text: str, end: int, grammar: NumberGrammar) -> tuple[float, int]:
    """(multiplier, new end) for a scale word text2num leaves after number
    words: "un billion" (10**12), "trois douzaines" (36)."""
    m = _WORD_SCALE_RE[grammar].match(text, end)
    if m:
        return grammar.scales[m.group(1).lower()], m.end()
    return 1.0, end


def noun_after(
    text: str, end: int, grammar: NumberGrammar, any_case: bool = False
) -> tuple[str, int] | None:
    """The counted noun after a figure: (noun, end) or None.

    French puts the noun first ("3.000 jeunes formés": "jeunes"), after a
    preposed adjective at most ("12 nouveaux parcs"). English puts it last
    in its noun phrase: the plural in the run of words that follows
    ("12 new wind farms": "farms"; "40 full-time equivalent posts": "posts"),
    the last one when plurals follow each other ("police officers"), else the
    run's last word ("one new wind farm": "farm"). Verbs, adverbs and
    time words end the run ("300 attended", "12 said", "3 hier")."""
    if grammar.noun_ends_phrase and not any_case:
        return _last_noun(text, end, grammar)
    m = _WORD_RE.match(text, end)
    if m and m.group(1).lower() in SKIPPABLE_ADJECTIVES:
        nxt = _WORD_RE.match(text, m.end())
        if nxt and _is_noun(nxt.group(1), grammar, any_case):
            return nxt.group(1), nxt.end()
    if m and _is_noun(m.group(1), grammar, any_case):
        return m.group(1), m.end()
    return None


def _last_noun(text: str, end: int, grammar: NumberGrammar) -> tuple[str, int] | None:
    run: list[re.Match[str]] = []
    pos = end
    while len(run) < LAST_NOUN_REACH:
        m = _WORD_RE.match(text, pos)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        if not run and low in SKIPPABLE_ADJECTIVES:
            pos = m.end()
            continue
        if not _is_noun(word, grammar, any_case=True) or low.endswith(("ed", "ly")):
            break
        if not run and text[end : end + 1] == "-":
            return word, m.end()  # "two-day meeting", "five-year-olds": the compound is the unit
        run.append(m)
        pos = m.end()
    heads = [m for m in run if m.group(1)[0].islower() or m.group(1).isupper()]
    if not heads:
        return None
    # the last plural: "600 extra police officers" counts officers
    plurals = [m for m in run if is_plural(m.group(1), grammar)]
    head = plurals[-1] if plurals else heads[-1]
    if not (head.group(1)[0].islower() or head.group(1).isupper()):
        return None
    return head.group(1), head.end()


def _is_noun(word: str, grammar: NumberGrammar, any_case: bool) -> bool:
    low = word.lower()
    if (
        low in grammar.stopwords
        or low in grammar.not_nouns
        or len(word) < 2
        or low in grammar.months
        or any(is_number_word(part, grammar) for part in word.split("-"))
    ):
        return False
    if low.replace("’", "'").startswith(grammar.clitics) or (
        low.endswith(grammar.verb_endings) and not any_case  # "12 viennent": a verb
    ):
        return False
    if any_case:
        return True
    return word[0].islower() or (word.isupper() and len(word) >= 2)


def read_tail(
    text: str,
    end: int,
    grammar: NumberGrammar,
    *,
    money: str | None,
    after_scale: bool,
    ordinal: bool,
    read_scale: bool = True,
) -> Tail:
    """Read what follows a figure ending at `end`; `money` is a currency code
    already read before the figure, `after_scale` says a scale or collective
    ends the figure (so "de"/"of" may come before the noun: "millions de
    tonnes"), `ordinal` that the figure is an ordinal. `read_scale` False says the
    figure is in words, whose scale words text2num already read: a scale
    word left after them starts another number ("zéro un mille ...")."""
    if ordinal:
        noun = noun_after(text, end, grammar, any_case=True)
        return Tail(1.0, "ordinal", noun[0] if noun else None, noun[1] if noun else end)
    mult, pos = (
        scale_after(text, end, grammar, money is not None)
        if read_scale
        else word_scale_after(text, end, grammar)
    )
    after_scale = after_scale or pos > end
    plus = 0.0
    m = grammar.and_a_half.match(text, pos)
    if m:
        plus, pos = 0.5, m.end()
    if money:  # "$12.4 billion": the currency was written first
        return Tail(mult, "money", money, pos, plus)
    m = _PERCENT_RE.match(text, pos)
    if m:
        return Tail(mult, "percent", None, m.end(), plus)
    m = _POINTS_RE.match(text, pos)
    if m:
        word = m.group(1).lower()
        return Tail(
            mult,
            "percent",
            "points"
            if word.startswith("p")
            and "ourcent" not in word
            and "ercentage" not in word
            and word != "pp"
            else "pp",
            m.end(),
            plus,
        )
    de_end = pos
    if after_scale:
        de = grammar.of_after_scale.match(text, pos)
        if de:
            de_end = de.end()
    for start in (pos, de_end):
        m = _CURRENCY_RE.match(text, start)
        if m:
            code, scale = CURRENCY_SUFFIXES[m.group(1).lower()]
            return Tail(mult * scale, "money", code, m.end(), plus)
        if after_scale:
            m = _POUNDS_RE.match(text, start)
            if m:
                return Tail(mult, "money", "GBP", m.end(), plus)
    m = _GLUED_UNIT.match(text, pos) if pos == end else None
    if m:
        return Tail(mult, "measure", GLUED_UNITS[m.group(1)], m.end(), plus)
    if pos == end and _is_inch_mark(text, end):
        return Tail(mult, "measure", "in", end + 1, plus)
    for start in (pos, de_end):
        unit = _unit_at(text, start)
        if unit:
            return Tail(mult, "measure", unit[0], unit[1], plus)
        m = _POUNDS_RE.match(text, start)
        if m:
            return Tail(mult, "measure", "lb", m.end(), plus)
    m = grammar.times_after.match(text, pos)
    if m:
        return Tail(mult, "factor", None, m.end(), plus)
    noun = noun_after(text, de_end, grammar) or (
        noun_after(text, pos, grammar) if de_end != pos else None
    )
    if noun:
        kind: QuantityKind = "duration" if noun[0].lower() in DURATION_UNITS else "count"
        return Tail(mult, kind, noun[0], noun[1], plus)
    return Tail(mult, "count", None, pos, plus)


def _is_inch_mark(text: str, at: int) -> bool:
    """Is the double quote glued to a figure at `at` an inch mark ('a 6.1"
    screen', 'Wrench 8"')? Not when it closes a quotation opened before it on
    the same line ('"English 101"'); the double prime always is one."""
    mark = text[at : at + 1]
    if mark == "″":
        return True
    if mark != '"':
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return text.count('"', line_start, at) % 2 == 0


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    written = re.sub(r"\s+", " ", m.group(1))
    unit = MEASURE_UNITS.get(written) or _UNIT_LOWER.get(written.lower())
    if unit is None:
        return None
    per = _PER_UNIT.match(text, m.end())
    if per:
        return unit + per.group(), per.end()
    return unit, m.end()


def _is_month(word: str, grammar: NumberGrammar) -> bool:
    """A month name of `grammar`, or of the other language as it writes it: "May 2,
    2021" inside a French text, "le 3 mars" inside an English one."""
    return (
        word in grammar.months
        or word in _registered_months()
        or (grammar.months_any_case and word.lower() in grammar.months)
    )


@cache
def _registered_months() -> frozenset[str]:
    # imported here: the language registry builds its grammars from this package
    from claims.text.languages import LANGUAGES

    return frozenset(m for lang in LANGUAGES.values() for m in lang.numbers.months)


def month_after(text: str, end: int, grammar: NumberGrammar) -> int | None:
    """End of a month name right after a day number ("12 mars", "3 March")."""
    m = _WORD_RE.match(text, end)
    if not m:
        return None
    return m.end() if _is_month(m.group(1), grammar) else None


def month_before(text: str, start: int, grammar: NumberGrammar) -> bool:
    """Is the figure at `start` right after a month name ("March 3", "mars 2020")?"""
    m = re.search(r"([^\W\d_]+)\.?[ \u00a0]+$", text[max(0, start - 15) : start])
    return m is not None and _is_month(m.group(1), grammar)


def is_plural(word: str, grammar: NumberGrammar) -> bool:
    """Does `word` look plural ("elections", "manifestants", "people")?"""
    low = word.lower()
    if low in grammar.irregular_plurals:
        return True
    return (
        low.endswith(grammar.plural_endings)
        and not low.endswith(grammar.not_plural_endings)
        and len(low) >= grammar.plural_min_length
    )
