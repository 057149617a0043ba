"""Numbers as written: digit runs in French or English notation, and number
words (found with the `text2num` package, offsets kept exact).

A `Numeral` is just a figure and where it sits; what it counts, its hedge and
its kind are decided in `finder`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from text_to_num import find_numbers

from claims.text.quantities.grammar import NumberGrammar, PerGrammar


@dataclass(frozen=True)
class Numeral:
    """A figure written in `text[start:end]`."""

    value: float
    start: int
    end: int
    ordinal: bool = False
    words: bool = False  # written in letters
    plain_int: bool = False  # digits only, no separator: a candidate year


_SP: Final = "[ \u00a0\u202f]"
# A figure may not touch a letter or digit on its left (Médias24, G20, A380) nor
# be the tail of a hyphenated name (COVID-19) or of a clock time ("14:00").
_LEFT: Final = (
    r"(?<![\w.,±/^])(?<!\d:)(?<!\x1b\[)(?<![^\W\d_][-−])(?<!\^[-−])(?<!\d\+)"
    r"(?<!± )(?<!\+/-)(?<!\+/- )"
)
_DIGITS: Final = PerGrammar(
    lambda grammar: re.compile(
        _LEFT + r"(?P<sign>[-−–](?=\d)|[-−] (?=\d))?(?P<num>" + grammar.digit_figures + r")"
    )
)
_DOT_THOUSANDS: Final = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACES: Final = re.compile(_SP)
# Digits glued to letters that are neither a unit nor a suffix make a code: 4G, 06F6.
_GLUED: Final = re.compile(r"[^\W\d_]+")
# A sign counts only where a minus can start a figure, not in "2013-14" or "B-52".
_SIGN_OK_BEFORE: Final = re.compile(r"(?:^|[\s(\[:=/$€£])$")
# ... nor after a figure and spaces: "10 – 15" is a span or a subtraction.
_AFTER_FIGURE: Final = re.compile(r"[\d%][\s\u00a0]+$")


# Unicode vulgar fractions, alone or after digits ("2½").
VULGAR: Final[dict[str, float]] = {
    "½": 0.5,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 0.25,
    "¾": 0.75,
    "⅕": 0.2,
    "⅛": 0.125,
    "⅒": 0.1,
}
_FRACTION: Final = re.compile(
    r"(?<![\w.,/±])(?:(?P<whole>\d+)[ \u00a0])?(?P<num>\d+)/(?P<den>\d+)(?![\w/.,]\d|/|\w)"
    r"|(?<![\w.,])(?P<vwhole>\d+)?(?P<vulgar>[½⅓⅔¼¾⅕⅛⅒])"
)
# "2.48×10−5", "5.5x10-3", "8x2^10": scientific notation written out; "2^10" a power.
_TIMES_TEN: Final = re.compile(
    r"[ \u00a0]?[×x][ \u00a0]?(?:(?P<ten>10)\^?|(?P<base>\d{1,3})\^)(?P<exp>[-−]?\d+)"
)
_POWER: Final = re.compile(r"\^(?P<exp>[-−]?\d+)(?![.,]\d)")
# "1/0", "24/7", "12/03/2023": digits joined by a slash that make no fraction
# (`fraction_numerals` reads those that do) are a code, a score or a date.
_MAX_EXPONENT_DIGITS: Final = 6
_SLASHED: Final = re.compile(r"/\d")
_SEASON: Final = re.compile(r"/\d\d(?!\d)")  # "2019/20", read in `finder`
_DOTTED_ON: Final = re.compile(r"\.\d")


def fraction_numerals(text: str) -> list[Numeral]:
    """Proper fractions in digits: "1/4 inch" -> 0.25, "2 1/2" -> 2.5, "½" -> 0.5.

    A slash between figures is a fraction only when the top is smaller than
    the bottom, so "24/7" and "12/03/2023" are not.
    """
    out: list[Numeral] = []
    for m in _FRACTION.finditer(text):
        if m.group("vulgar"):
            whole = float(m.group("vwhole") or 0)
            out.append(Numeral(whole + VULGAR[m.group("vulgar")], m.start(), m.end()))
            continue
        num, den = float(m.group("num")), float(m.group("den"))
        if den == 0 or num >= den or num / den == 0 < num:
            continue  # "24/7", "1/0", or a denominator too long to mean anything
        out.append(Numeral(float(m.group("whole") or 0) + num / den, m.start(), m.end()))
    return out


def parse_digits(num: str, grammar: NumberGrammar) -> float:
    """The value of a digit run written in `grammar`'s notation."""
    if grammar.decimal_comma:
        if _DOT_THOUSANDS.fullmatch(num):
            num = num.replace(".", "")
        num = _SPACES.sub("", num).replace(",", ".")
    else:
        num = _SPACES.sub("", num).replace(",", "")
    return float(num)


def digit_numerals(text: str, grammar: NumberGrammar) -> list[Numeral]:
    """Every digit figure in `text`, signed where a minus sign leads it."""
    out: list[Numeral] = []
    for m in _DIGITS[grammar].finditer(text):
        num = m.group("num")
        value = parse_digits(num, grammar)
        start = m.start()
        sign = m.group("sign")
        if sign:
            if (
                _SIGN_OK_BEFORE.search(text[max(0, start - 1) : start])
                and not _AFTER_FIGURE.search(text, max(0, start - 8), start)
                and (len(sign) == 1 or _spaced_sign_ok(text, start))
            ):
                value = -value
            else:
                start = m.start("num")
        plain = len(num) == 4 and num.isdigit() and not m.group("sign")
        end = m.end()
        if _SLASHED.match(text, end) and not (plain and _SEASON.match(text, end)):
            continue
        if _DOTTED_ON.match(text, end):
            continue  # "1.2.3", "3.12.05": a version, a section or a date, no figure
        ten = _TIMES_TEN.match(text, end)
        power = _POWER.match(text, end)
        written = value
        exp = ten or power
        if exp and len(exp.group("exp")) > _MAX_EXPONENT_DIGITS:
            continue  # "2^9999999": no figure to check
        try:
            if ten:
                base = 10.0 if ten.group("ten") else float(ten.group("base"))
                value *= base ** int(ten.group("exp").replace("−", "-"))
                end, plain = ten.end(), False
            elif power:
                value **= int(power.group("exp").replace("−", "-"))
                end, plain = power.end(), False
        except (OverflowError, ZeroDivisionError):
            continue  # "10^99999" or "0^-1": no figure to check
        if not math.isfinite(value) or (value == 0 and written != 0):
            continue  # 400 digits in a row, or "10^-99999": junk, not a figure
        out.append(Numeral(value, start, end, plain_int=plain))
    for m in grammar.leading_decimal.finditer(text):
        value = float("0." + m.group("frac"))
        out.append(Numeral(-value if m.group("sign") else value, m.start(), m.end()))
    return out


_WORD_BEFORE_SIGN: Final = re.compile(r"(\S+)[ \t]+$")


def _spaced_sign_ok(text: str, start: int) -> bool:
    """ "il fait - 10 degrés": a minus, a space, digits. Not at a line start (a
    bullet: "- 10 000 emplois"), not after a figure ("10 - 15") nor after a
    capitalised word (a headline dash: "Paris - 3 morts")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    word = _WORD_BEFORE_SIGN.search(line)
    if word is None:
        return False
    token = word.group(1)
    return not (token[-1].isalpha() and token[0].isupper())


class _Tok:
    """A word token as `text_to_num.find_numbers` wants it."""

    __slots__ = ("end", "start", "word")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Tok) -> bool:
        # Written text has punctuation tokens to separate numbers; no other signal.
        return False

    def not_a_number_part(self) -> bool:
        return False


_TOKEN: Final = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# A hyphenated compound of number words is one token, as text2num's own
# tokenizer reads it: "deux-cent-mille quatorze-mille" is two numbers, and
# "vingt-un" (not French) is none. Other compounds ("two-year") are split.
_COMPOUND: Final = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_MAX_COMPOUND_HYPHENS: Final = 8
# A list of numbers ("un, deux, trois") makes "un" a number.
_LIST_GAP: Final = re.compile(r"\s*(?:,|et|and|or|ou|\+|=|-)?\s*")


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)[\W_]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\u00a0\u202f'’]*([^\W\d_]+)", text[end : end + 40])
    return m.group(1).lower() if m else ""


def _tokens(text: str, start: int, end: int, grammar: NumberGrammar) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = start
    for c in _COMPOUND.finditer(text, start, end):
        if c.group().count("-") <= _MAX_COMPOUND_HYPHENS and all(
            is_number_word(w, grammar) or w.lower() in ("et", "and") for w in c.group().split("-")
        ):
            toks.extend(_plain_tokens(text, pos, c.start(), grammar))
            toks.append(_Tok(_accented(c.group(), grammar), c.start(), c.end()))
            pos = c.end()
    toks.extend(_plain_tokens(text, pos, end, grammar))
    return toks


def _plain_tokens(text: str, start: int, end: int, grammar: NumberGrammar) -> list[_Tok]:
    return [
        _Tok(
            _accented(grammar.token_words.get(m.group(), m.group()), grammar),
            m.start(),
            m.end(),
        )
        for m in _TOKEN.finditer(text, start, end)
    ]


def _accented(word: str, grammar: NumberGrammar) -> str:
    """A number word as text2num reads it: French written without accents
    gets them back ("cinquieme" -> "cinquième"); offsets stay the text's."""
    low = word.lower()
    for bare, accented in grammar.restored_accents:
        if low.endswith(bare):
            return word[: len(word) - len(bare)] + accented
    return word


def word_numerals(text: str, grammar: NumberGrammar) -> list[Numeral]:
    """Number words in `text` ("vingt-trois", "a hundred and two", "premier"),
    minus the words that are articles or adjectives there ("une idée",
    "Quoi de neuf ?", "one of the", "le Premier ministre")."""
    found: list[Numeral] = []
    for start, end in _number_word_spans(text, grammar):
        toks = _tokens(text, start, end, grammar)
        for occ in find_numbers(toks, grammar.code, 0.0):
            first, last = toks[occ.start], toks[occ.end - 1]
            found.append(
                Numeral(
                    float(occ.value),
                    first.start,
                    last.end,
                    ordinal=bool(occ.is_ordinal),
                    words=True,
                )
            )
    found = _join_after_scale(text, grammar, _with_listed_seconds(text, grammar, found))
    return [n for i, n in enumerate(found) if _keep_word(text, grammar, found, i)]


def _number_word_spans(text: str, grammar: NumberGrammar) -> list[tuple[int, int]]:
    """Stretches of `text` where number words sit close together: text2num
    reads only these, so a long text is never tokenized whole."""
    spans: list[tuple[int, int]] = []
    for m in grammar.number_word_stems.finditer(text):
        if spans and m.end() <= spans[-1][1]:
            continue  # inside the compound already read
        start, end = _word_bounds(text, m.start(), m.end())
        if spans and start - spans[-1][1] <= _SPAN_GAP:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a number word to its whole hyphenated compound ("quatre-vingt-dix")."""
    left = _COMPOUND_LEFT.search(text, max(0, start - 60), start)
    right = _COMPOUND_RIGHT.match(text, end)
    return (left.start() if left else start), (right.end() if right else end)


_SPAN_GAP: Final = 12  # "cent et un", "hundred and two": joiners are short
# The longest number compound has 7 parts ("deux-cent-quatre-vingt-dix-sept-mille").
_COMPOUND_LEFT: Final = re.compile(r"(?:[^\W\d_]{1,12}-){1,8}$")
_COMPOUND_RIGHT: Final = re.compile(r"(?:-[^\W\d_]{1,12}){1,8}")
_COMMA: Final = re.compile(r"[\s\u00a0]*,[\s\u00a0]*")
_LAST: Final = re.compile(r"([^\W\d_]+)$")


def _join_after_scale(text: str, grammar: NumberGrammar, found: list[Numeral]) -> list[Numeral]:
    """ "three million, two hundred and forty" is one number: a comma after a
    scale word goes on with a smaller figure (a list of numbers does not)."""
    out: list[Numeral] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and not prev.ordinal and _COMMA.fullmatch(text, prev.end, n.start):
            last = _LAST.search(text, prev.start, prev.end)
            scale = grammar.scales_in_words.get(last.group(1).lower(), 0.0) if last else 0.0
            if n.value < scale and prev.value % scale == 0:
                out[-1] = Numeral(prev.value + n.value, prev.start, n.end, n.ordinal, True)
                continue
        out.append(n)
    return out


def _with_listed_seconds(text: str, grammar: NumberGrammar, found: list[Numeral]) -> list[Numeral]:
    """ "cinquième, premier, second, troisième": between two ordinals, "second"
    is one too (text2num leaves it out, for "une seconde")."""
    out: list[Numeral] = []
    for i, n in enumerate(found):
        out.append(n)
        if i + 1 < len(found) and n.ordinal and found[i + 1].ordinal:
            m = _LISTED_SECOND.fullmatch(text, n.end, found[i + 1].start)
            if m:
                out.append(Numeral(2.0, m.start(1), m.end(1), ordinal=True, words=True))
    return out


_LISTED_SECOND: Final = re.compile(r"[\s,;]+(seconde?s?)[\s,;]+", re.IGNORECASE)


def _in_list(text: str, found: list[Numeral], i: int) -> bool:
    """Is found[i] one item of a list of number words ("un, deux, trois")?
    An ordinal next to it makes no list: "un centième" is one ordinal."""
    n = found[i]
    if i > 0 and not found[i - 1].ordinal and _LIST_GAP.fullmatch(text[found[i - 1].end : n.start]):
        return True
    return (
        i + 1 < len(found)
        and not found[i + 1].ordinal
        and bool(_LIST_GAP.fullmatch(text[n.end : found[i + 1].start]))
    )


def _keep_word(text: str, grammar: NumberGrammar, found: list[Numeral], i: int) -> bool:
    n = found[i]
    surface = text[n.start : n.end].lower()
    after = _next_word(text, n.end)
    before = _prev_word(text, n.start)
    if surface in grammar.first_words:
        # "les cinq cent premiers" are the first 500, not an ordinal 1
        follows_number = i > 0 and found[i - 1].end >= n.start - 1 and not found[i - 1].ordinal
        return after not in grammar.first_not_before and not follows_number
    if surface in grammar.second_words:
        return before not in grammar.second_time_before and after not in grammar.second_not_before
    if " " in surface or "-" in surface:
        return True
    if surface == grammar.pronoun_one:
        return (
            after not in grammar.pronoun_one_not_before
            and before not in grammar.pronoun_one_not_after
        ) or _in_list(text, found, i)
    if surface in grammar.article_numbers:
        # "un billion d'euros", "one dozen eggs": a scale text2num leaves makes it a number
        return _in_list(text, found, i) or after in grammar.scales_after_words
    if surface == grammar.nine_homograph:
        return (
            _in_list(text, found, i)
            or before in grammar.nine_homograph_before
            or after in grammar.months
            or after.endswith(("s", "x"))  # a plural noun: "neuf coopératives"
            or after in grammar.nine_homograph_units
        )
    return True


def is_number_word(word: str, grammar: NumberGrammar) -> bool:
    """Is `word` a number word of `grammar` ("deux", "hundred", "cinquième")?"""
    return bool(grammar.number_word_stems.fullmatch(word))


_ARTICLE_BEFORE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)\b(" + "|".join(re.escape(a) for a in grammar.hundred_articles) + r")\s+$"
    )
)


def with_article(text: str, grammar: NumberGrammar, n: Numeral) -> Numeral:
    """Extend "hundred" to "a hundred": the surface shows the article it reads."""
    if not grammar.hundred_articles:
        return n
    m = _ARTICLE_BEFORE[grammar].search(text[max(0, n.start - 4) : n.start])
    if m and n.words and n.value >= 100:
        return Numeral(n.value, n.start - len(m.group()), n.end, n.ordinal, n.words)
    return n


_ROMAN: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?<![\w-])(?P<r>M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
        r"(?P<suf>" + (grammar.roman_ordinal_suffix or "") + r")(?![\w])"
    )
)
_ROMAN_VALUE: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_ordinals(text: str, grammar: NumberGrammar) -> list[Numeral]:
    """French ordinals in Roman numerals: "XXe siècle" -> 20, "IIIe République" -> 3,
    "Ve République" -> 5 (kind ordinal; the noun after is their unit)."""
    if grammar.roman_ordinal_suffix is None:
        return []
    out: list[Numeral] = []
    for m in _ROMAN[grammar].finditer(text):
        roman = m.group("r")
        if not roman:
            continue
        if len(roman) == 1 and (
            roman not in "IVX" or _next_word(text, m.end()) not in grammar.roman_one_letter_before
        ):
            continue
        out.append(Numeral(float(_roman_value(roman)), m.start(), m.end(), ordinal=True))
    return out


def _roman_value(roman: str) -> int:
    total = 0
    for i, ch in enumerate(roman):
        v = _ROMAN_VALUE[ch]
        nxt = _ROMAN_VALUE[roman[i + 1]] if i + 1 < len(roman) else 0
        total += -v if v < nxt else v
    return total
