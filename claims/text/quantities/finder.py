"""`find_quantities`: every quantity in a text, with hedge, bounds and unit.

Steps: phrases without a plain figure (collectives, factors, `shares`),
numeric dates (`dates`) and figures (digits, number words) are found first,
less the numbers that label things (`labels`) and clock times (`dates`);
each then reads the hedge or currency before it and the scale, unit, noun
or rate after it (`tails.read_tail`, `rates`). Overlaps go to the earlier,
longer match. Ordinals that rank nothing (`ordinals`), names and idioms
(`idioms`) are dropped; day numbers that share a month become dates
(`dates`); two neighbours of one kind joined after an opener become one
range, or stay two levels of a change (`ranges`).

Decisions a reader should know:
- A year written as four digits with no unit ("en 2019") or before a
  singular noun ("the 2024 election") is kind date, unit "year"; a day before
  a month ("12 mars") is kind date, unit "day"; "12.05.2021" is kind date,
  value 2021, unit "date".
- A range ("entre 10 et 20") has value None, low and high its ends.
- Clock times ("14h30", "2 pm", "à 14 heures") are not quantities.
- A share of a whole in words is a percent ("la moitié" -> 50, "one in five"
  -> 20, `shares`); "1/4" in digits is the number 0.25.
- "moins quinze" / "minus 5" are negative unless a figure precedes them
  ("huit moins quatre" subtracts); "($99.99)" is accounting's negative, but
  an amount in brackets right after another ("£5bn (€5.8bn)") converts it.
- A four-digit figure with a plural noun after it is a count ("1999 people")
  unless a year word leads ("en 2019 les ventes") or, in English, a
  determiner ("the 2024 elections").
- An ordinal is a figure only when it ranks or counts something measurable
  ("le deuxième exportateur mondial", "third-longest"): `ordinals`.
- Texts longer than `_CHUNK` are read in pieces cut at line breaks, so time is
  linear and memory bounded by a piece plus the quantities found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from claims.text.quantities import tails
from claims.text.quantities.dates import clock_time_end, days_sharing_a_month, numeric_dates
from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.hedges import HedgeRule, bounds
from claims.text.quantities.idioms import idiom_spans
from claims.text.quantities.labels import (
    ends_quoted_title,
    is_name_number,
    label_spans,
    reference_end,
    score_end,
)
from claims.text.quantities.lexicon import (
    CURRENCY_PREFIXES,
    LETTER_CURRENCY_PREFIXES,
    NAME_BEFORE_FIGURE,
    SKIPPABLE_ADJECTIVES,
)
from claims.text.quantities.model import Quantity, QuantityKind
from claims.text.quantities.numerals import (
    Numeral,
    digit_numerals,
    fraction_numerals,
    is_number_word,
    parse_digits,
    roman_ordinals,
    with_article,
    word_numerals,
)
from claims.text.quantities.ordinals import is_rank
from claims.text.quantities.phrases import (
    Phrase,
    collectives,
    factors,
    half_scales,
    one_units,
    periods,
)
from claims.text.quantities.ranges import merge_ranges
from claims.text.quantities.rates import rate_after
from claims.text.quantities.shares import Share, mixed_numbers, set_partitive_after, shares


def _hedge_re(grammar: NumberGrammar) -> re.Pattern[str]:
    forms: list[str] = []
    for p in grammar.hedges:
        forms.append(p)
        forms.extend(
            p[: -len(full)] + short for full, short in grammar.elisions if p.endswith(full)
        )
    fillers = grammar.hedge_fillers
    alt = "|".join(
        re.escape(f).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")
        for f in sorted(forms, key=len, reverse=True)
    )
    # "up to an additional 15 %": words between the hedge and the figure
    filler = "|".join(re.escape(f).replace(r"\ ", r"[\s\u00a0]+") for f in fillers)
    return re.compile(
        r"(?i)(?<![\w])(?P<h>" + alt + r")[\s\u00a0\u202f]*"
        r"(?:(?:" + filler + r")[\s\u00a0\u202f]+)?$"
    )


if TYPE_CHECKING:
    from claims.text.languages.model import Language

_HEDGE_RE: Final = PerGrammar(_hedge_re)
_HEDGE_LOOKUP: Final = PerGrammar(
    lambda grammar: {re.sub(r"\s+", " ", k.replace("’", "'")): v for k, v in grammar.hedges.items()}
)
_CURRENCY_PREFIX_RE: Final = re.compile(
    r"(?<![^\W\d_])(?P<c>"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
    + r")[\s\u00a0]?[-−]?$"
)
_LETTER_CURRENCY: Final = re.compile(
    r"(?<![\w.,])(?P<c>" + "|".join(LETTER_CURRENCY_PREFIXES) + r")(?P<num>\d+(?:[.,]\d+)?)"
    r"(?=(?:bn|mn|m|k|tn|b)(?![\w])|[\s\u00a0]?(?:million|billion|trillion)s?(?![\w]))"
)
_FACTOR_LEAD_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?:" + "|".join(re.escape(p) for p in grammar.factor_leads) + r")\s+$"
    )
)
_NOUN_KINDS: Final = ("count", "duration", "measure", "money")
# The word after a share, past "de", "d'", "of (a)": "un quart d'heure".
_WORD_AFTER_SHARE: Final = re.compile(
    r"(?i)(?:[\s\u00a0]+(?:(?:de|d['’]|of)(?:[\s\u00a0]+an?)?[\s\u00a0]*)?|-|(?<=['’]))"
    r"([^\W\d_]+)"
)
_RATE_KINDS: Final = ("count", "duration", "measure", "money")
_FRACTION_OF_KINDS: Final = ("duration", "measure", "money")
_YEAR_MIN, _YEAR_MAX = 1500, 2100
_BOUND_DURATION_BEFORE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:"
        + "|".join(re.escape(w) for w in grammar.duration_bound_before)
        + r")[\s\u00a0]+$"
    )
)
_LAST_WORD: Final = re.compile(r"(\w+)[\s\u00a0]*$")
# Names that end in a figure: "CAC 40", "FTSE 100", "Airbus A 320", "S&P 500".
_NAME_BEFORE: Final = re.compile(
    r"(?<![\w&.])(?:" + "|".join(re.escape(w) for w in NAME_BEFORE_FIGURE) + r")[ \u00a0]$"
)
# "the 2024 elections", "Morocco's 2030 plans": English writes counts above a
# thousand with a separator ("1,500 employees"), so a determiner makes a year.
_YEAR_DETERMINER: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?:(?<![\w])(?:"
        + "|".join(re.escape(w) for w in grammar.year_determiners if w[0].isalpha())
        + r")|"
        + "|".join(re.escape(w) for w in grammar.year_determiners if not w[0].isalpha())
        + r")[\s\u00a0]+$"
    )
)
_FISCAL_YEAR: Final = re.compile(r"[-–/]\d\d(?!\d)(?![.,]\d)")


@dataclass
class _Core:
    """A figure or phrase before its head and tail are read."""

    value: float | None
    low: float | None
    high: float | None
    kind: QuantityKind | None
    approximate: bool
    hedge: str | None
    start: int
    end: int
    ordinal: bool = False
    plain_int: bool = False
    takes_noun: bool = True
    after_scale: bool = False
    digits: bool = False
    unit: str | None = None
    share: bool = False  # a share of a whole: value in percent
    currency: str | None = None  # written glued before the figure: "N500m"


def find_quantities(text: str, lang: str | NumberGrammar | Language) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance.

    `lang` is the number grammar to read figures with: a `NumberGrammar`, the
    `Language` that holds one, or a registered language code; any other code
    raises `UnsupportedLanguage`. Nothing here guesses the language.
    """
    grammar = _grammar_of(lang)
    if len(text) <= _CHUNK:
        return _find(text, grammar)
    out: list[Quantity] = []
    for a, b in _chunks(text):
        out.extend(replace(q, start=q.start + a, end=q.end + a) for q in _find(text[a:b], grammar))
    return out


def _grammar_of(lang: str | NumberGrammar | Language) -> NumberGrammar:
    if isinstance(lang, NumberGrammar):
        return lang
    # imported here: the language registry builds its grammars from this package
    from claims.text.languages import language

    return language(lang).numbers


# Long texts are read in pieces cut at a line break (else a sentence end, else
# a space), so memory stays bounded by the piece and time linear in the text.
_CHUNK: Final = 50_000
_CUTS: Final = (re.compile(r"\n"), re.compile(r"[.!?](?=\s)"), re.compile(r"\s"))


def _chunks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    a = 0
    while len(text) - a > _CHUNK:
        b = a + _CHUNK
        for cut in _CUTS:
            ends = [m.end() for m in cut.finditer(text, b - _CHUNK // 4, b)]
            if ends:
                b = ends[-1]
                break
        spans.append((a, b))
        a = b
    spans.append((a, len(text)))
    return spans


def _find(text: str, grammar: NumberGrammar) -> list[Quantity]:
    cores = _cores(text, grammar)
    out: list[Quantity] = []
    cursor = 0
    for core in sorted(cores, key=lambda c: (c.start, -(c.end - c.start))):
        if core.start < cursor:
            continue
        q = _build(text, grammar, core, cursor)
        if q is None:
            continue
        out.append(q)
        cursor = q.end
    if out:
        idioms = idiom_spans(text, grammar)
        if idioms:  # "au premier plan", "one more minute": no figure
            out = [q for q in out if not any(a < q.end and q.start < b for a, b in idioms)]
    return merge_ranges(text, grammar, days_sharing_a_month(text, grammar, out))


def _cores(text: str, grammar: NumberGrammar) -> list[_Core]:
    cores: list[_Core] = [
        _from_phrase(p)
        for p in collectives(text, grammar)
        + half_scales(text, grammar)
        + factors(text, grammar)
        + one_units(text, grammar)
        + periods(text, grammar)
    ]
    found_shares = shares(text, grammar)
    cores.extend(_from_share(s) for s in found_shares)
    for n in fraction_numerals(text):
        cores.append(_from_numeral(n, digits=True))
    skip = label_spans(text)  # list numbers, references, clock times: no quantity
    for start, end, year in numeric_dates(text):
        cores.append(
            _Core(year, None, None, "date", False, None, start, end, takes_noun=False, unit="date")
        )
        skip.append((start, end))
    digits: list[Numeral] = []
    for n in digit_numerals(text, grammar):
        if any(a <= n.start < b for a, b in skip):
            continue
        ref_end = reference_end(text, n.start, n.end)
        if ref_end is not None:
            skip.append((n.start, ref_end))  # "loi n°2019-222"
            continue
        score = score_end(text, n.start, n.end, grammar)
        if score is not None:
            skip.append((n.start, score))  # "Arsenal 2-1": a score after a name
            continue
        clock_end = clock_time_end(text, n.start, n.end, grammar, n.value)
        if clock_end is not None:
            skip.append((n.start, clock_end))  # "à 14 heures 30", "2 pm"
            continue
        if not (
            _NAME_BEFORE.search(text, max(0, n.start - 14), n.start)
            or not tails.glued_suffix_ok(text, n.end, grammar)
        ):
            digits.append(n)
    cores.extend(_from_numeral(n, digits=True) for n in digits)
    for m in _LETTER_CURRENCY.finditer(text):  # "N500m": naira, only with a scale
        cores.append(
            _Core(
                parse_digits(m.group("num"), grammar),
                None, None, None, False, None, m.start(), m.end(),
                digits=True, currency=LETTER_CURRENCY_PREFIXES[m.group("c")],
            )
        )  # fmt: skip
    for n in roman_ordinals(text, grammar):
        cores.append(_from_numeral(n, digits=False))
    words = [
        with_article(text, grammar, n)
        for n in word_numerals(text, grammar)
        if not any(a <= n.start < b for a, b in skip)
        and clock_time_end(text, n.start, n.end, grammar, n.value) is None
    ]
    cores.extend(_from_numeral(n, digits=False) for n in words)
    for n in mixed_numbers(text, grammar, digits + words, found_shares):
        cores.append(_from_numeral(n, digits=not n.words))
    return cores


def _from_phrase(p: Phrase) -> _Core:
    return _Core(
        p.value,
        p.low,
        p.high,
        p.kind,
        p.approximate,
        p.hedge,
        p.start,
        p.end,
        takes_noun=p.takes_noun,
        after_scale=p.takes_noun,
        unit=p.unit,
    )


def _from_share(s: Share) -> _Core:
    if s.fraction >= 1:  # "three halves": a number, not a share of a whole
        return _Core(s.fraction, None, None, None, False, None, s.start, s.end)
    return _Core(
        s.fraction * 100,
        None,
        None,
        "percent",
        False,
        None,
        s.start,
        s.end,
        takes_noun=s.takes_unit,
        after_scale=s.takes_unit,
        share=True,
    )


def _from_numeral(n: Numeral, digits: bool) -> _Core:
    return _Core(
        n.value,
        None,
        None,
        None,
        False,
        None,
        n.start,
        n.end,
        ordinal=n.ordinal,
        plain_int=n.plain_int,
        digits=digits,
    )


def _ends_with_scale(surface: str, grammar: NumberGrammar) -> bool:
    words = surface.lower().split()
    return bool(words) and words[-1] in grammar.scales


def _build(text: str, grammar: NumberGrammar, core: _Core, floor: int) -> Quantity | None:
    start, end = core.start, core.end
    head = text[max(floor, start - 40) : start]
    money: str | None = core.currency
    cur = _CURRENCY_PREFIX_RE.search(head) if money is None else None
    if cur and core.kind is None:
        money = CURRENCY_PREFIXES[cur.group("c")]
        start -= len(cur.group())
        head = text[max(floor, start - 40) : start]
    value, low, high = core.value, core.low, core.high
    kind, unit, approximate, hedge = core.kind, core.unit, core.approximate, core.hedge
    ordinal_end = end
    if kind is None:
        suffix_end = None
        if core.digits:
            suffix_end = tails.ordinal_suffix(text, end, grammar)
            if suffix_end is not None:
                core.ordinal, end = True, suffix_end
        ordinal_end = end
        tail = tails.read_tail(
            text,
            end,
            grammar,
            money=money,
            ordinal=core.ordinal,
            after_scale=not core.digits and _ends_with_scale(text[core.start : end], grammar),
            read_scale=core.digits,
        )
        kind, unit, end = tail.kind, tail.unit, tail.end
        value = (value or 0.0) * tail.multiplier + tail.plus
        if _FACTOR_LEAD_RE[grammar].search(head):
            kind, unit = "factor", None
        day_end = tails.month_after(text, suffix_end or core.end, grammar) if core.digits else None
        if (
            core.digits
            and day_end
            and value is not None
            and float(value).is_integer()
            and 1 <= value <= 31
            and kind in ("count", "ordinal")
        ):
            kind, unit, end = "date", "day", day_end
        elif (
            (core.plain_int or _year_in_words(text, core, grammar))
            and kind == "count"
            and tail.multiplier == 1
            and _YEAR_MIN <= (value or 0) <= _YEAR_MAX
            and float(value or 0).is_integer()
            and not _HEDGE_RE[grammar].search(head)
            and (
                unit is None
                or not tails.is_plural(unit, grammar)  # "the 2024 election", "2024 prévoit"
                or grammar.year_before.search(head)
                or (
                    bool(grammar.year_determiners) and _YEAR_DETERMINER[grammar].search(head)
                )  # "the 2024 elections"
                or tails.month_before(text, core.start, grammar)
            )
        ):
            kind, unit, end = "date", "year", core.end
            if text[end : end + 1] == "s":  # "the 1960s"
                unit, end = "decade", end + 1
            fiscal = _FISCAL_YEAR.match(text, end)
            if fiscal:  # "2013-14", "2019/20": one fiscal or season year
                end = fiscal.end()
        elif (
            core.digits
            and tails.month_before(text, core.start, grammar)
            and kind == "count"
            and value is not None
            and 1 <= value <= 31
            and tail.multiplier == 1
        ):
            kind, unit, end = "date", "day", core.end
    elif core.takes_noun:
        tail = tails.read_tail(text, end, grammar, money=None, ordinal=False, after_scale=True)
        takes: tuple[str, ...] = _NOUN_KINDS
        scale = tail.multiplier
        if core.share:
            # A share stays a percent unless it is a fraction of one unit right
            # after it ("one-half miles", "un quart d'heure"); "des heures" is a
            # set, "a third last year" a share and a time.
            takes = () if set_partitive_after(text, end, grammar) else _FRACTION_OF_KINDS
            word = _WORD_AFTER_SHARE.match(text, end)
            if word is None or word.group(1).lower() in SKIPPABLE_ADJECTIVES:
                takes = ()
            scale = tail.multiplier / 100
        if tail.kind in takes:
            kind, unit, end = tail.kind, tail.unit, tail.end
            value = value * scale if value is not None else None
            low = low * scale if low is not None else None
            high = high * scale if high is not None else None
    if kind in _RATE_KINDS and unit is not None:
        rate = rate_after(text, end, grammar)
        if rate is not None:  # "$20 million a week": USD/week
            unit, end = f"{unit}/{rate[0]}", rate[1]
    h = _HEDGE_RE[grammar].search(head) if kind not in ("ordinal", "date") else None
    if (
        h
        and kind == "duration"
        and h.group("h").lower() in grammar.period_hedges
        and not _BOUND_DURATION_BEFORE[grammar].search(head, 0, h.start("h"))
    ):
        h = None  # "over two years, prices fell" is a period, not a lower bound
    neg = grammar.minus_word.search(head) if h is None and value is not None else None
    neg_at = start - len(head) + neg.start() if neg else 0
    if neg and kind not in ("ordinal", "date") and not _operand_before(text, neg_at, grammar):
        value = -value if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        start = neg_at
    if h and value is not None:
        rule = _hedge_rule(grammar, h.group("h"))
        new_low, new_high, approx = bounds(rule, value)
        if core.low is None and core.high is None:
            low, high = new_low, new_high
        elif rule == "low":
            low, high = value, None
        elif rule == "high":
            low, high = None, value
        approximate = approximate or approx
        start = start - len(head) + h.start("h")
        # A hedge on a collective ("près d'une centaine") keeps both words.
        hedge = text[start : core.end] if core.hedge else h.group("h")
    if value is None and low is None and high is None:
        return None
    if (
        kind == "count"
        and unit is None
        and core.digits
        and hedge is None
        and is_name_number(text, core.start, core.end, grammar)
    ):
        return None  # "Paris 13", "COP 28": the end of a name
    if (
        kind in ("count", "date")
        and core.digits
        and hedge is None
        and ends_quoted_title(text, core.start, core.end, grammar)
    ):
        return None  # « Soleil Souss 2030 », “Vision 2030”: the end of a title
    if kind == "ordinal" and not is_rank(text, grammar, core.start, ordinal_end):
        return None  # "le premier Sommet", "the first edition": no figure to check
    if (
        kind == "money"
        and value is not None
        and value > 0
        and text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
        and not (floor > 0 and not text[floor : start - 1].strip())
    ):
        # "($99.99)" alone is accounting's negative; "£5bn (€5.8bn)" right
        # after another amount is a conversion
        value, start, end = -value, start - 1, end + 1
    assert kind is not None
    value, low, high = _tidy(value), _tidy(low), _tidy(high)
    return Quantity(value, low, high, kind, unit, approximate, hedge, text[start:end], start, end)


def _year_in_words(text: str, core: _Core, grammar: NumberGrammar) -> bool:
    """Is a figure in words written as a year? "mil neuf cent vingt",
    "dix-neuf cent", "nineteen eighty-four", or any after "en"/"in"."""
    if core.digits or core.ordinal:
        return False
    head = text[max(0, core.start - 20) : core.start]
    return bool(grammar.year_in_words.match(text, core.start) or grammar.year_before.search(head))


def _operand_before(text: str, at: int, grammar: NumberGrammar) -> bool:
    """Does a figure end right before `at`? Then "moins"/"minus" subtracts."""
    m = _LAST_WORD.search(text, max(0, at - 30), at)
    if m is None:
        return False
    return m.group(1)[-1].isdigit() or is_number_word(m.group(1), grammar)


def _tidy(x: float | None) -> float | None:
    """Drop float noise from scaling: 12000 * 1.1 is 13200, not 13200.000000000002."""
    return None if x is None else float(f"{x:.12g}")


def _hedge_rule(grammar: NumberGrammar, written: str) -> HedgeRule:
    key = re.sub(r"\s+", " ", written.lower().replace("’", "'"))
    table = _HEDGE_LOOKUP[grammar]
    for full, short in grammar.elisions:
        if key not in table and key.endswith(short):
            key = key[: -len(short)] + full
    return table[key]
