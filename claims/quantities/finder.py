"""`find_quantities`: every quantity in a text, with hedge, bounds and unit.

Steps: phrases without a plain figure (collectives, shares, factors) and
figures (digits, number words) are found first; each then reads the hedge
or currency before it (`_read_head`) and the scale, unit or noun after it
(`tails.read_tail`). Overlaps go to the earlier, longer match. Finally two
neighbours joined by "et"/"à"/"to"/"-" after an opener become one range.

Decisions a reader should know:
- A year written as four digits with no unit ("en 2019") is kind date, unit
  "year"; a day before a month ("12 mars") is kind date, unit "day".
- A range ("entre 10 et 20") has value None, low and high its ends.
- Clock times ("14h30", "2 pm") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from claims.quantities import tails
from claims.quantities.hedges import HEDGES, HedgeRule, bounds
from claims.quantities.lang import resolve_lang
from claims.quantities.lexicon import CURRENCY_PREFIXES, FACTOR_LEADS, SCALES
from claims.quantities.model import Quantity, QuantityKind
from claims.quantities.numerals import (
    Numeral,
    digit_numerals,
    fraction_numerals,
    with_article,
    word_numerals,
)
from claims.quantities.phrases import Phrase, collectives, factors, shares


def _hedge_re(phrases: dict[str, HedgeRule]) -> re.Pattern[str]:
    forms: list[str] = []
    for p in phrases:
        forms.append(p)
        if p.endswith(" de"):
            forms.append(p[:-3] + " d'")
    alt = "|".join(
        re.escape(f).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")
        for f in sorted(forms, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?<![\w])(?P<h>" + alt + r")[\s\u00a0\u202f]*$")


_HEDGE_RE: Final = {lang: _hedge_re(t) for lang, t in HEDGES.items()}
_HEDGE_LOOKUP: Final = {
    lang: {re.sub(r"\s+", " ", k.replace("’", "'")): v for k, v in t.items()}
    for lang, t in HEDGES.items()
}
_CURRENCY_PREFIX_RE: Final = re.compile(
    r"(?<![^\W\d_])(?P<c>"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
    + r")[\s\u00a0]?[-−]?$"
)
_FACTOR_LEAD_RE: Final = {
    lang: re.compile(r"(?i)(?:" + "|".join(re.escape(p) for p in leads) + r")\s+$")
    for lang, leads in FACTOR_LEADS.items()
}
_OPENER: Final = {
    "fr": re.compile(r"(?i)(?<![\w])(entre|de|d['’]|du)[\s\u00a0]*$"),
    "en": re.compile(r"(?i)(?<![\w])(between|from)[\s\u00a0]*$"),
}
_JOINER: Final = {
    "fr": re.compile(r"(?i)[\s\u00a0]*(et|à|au|-|–|—)[\s\u00a0]*"),
    "en": re.compile(r"(?i)[\s\u00a0]*(and|to|-|–|—)[\s\u00a0]*"),
}
# "passé de 10 à 20", "rose from 3 to 4": a change between two figures, not a range.
_CHANGE_VERB: Final = re.compile(
    r"(?i)(pass|augment|baiss|recul|progress|grimp|chut|diminu|réduit|hauss|bondi|"
    r"rose|risen|rising|fell|fallen|grew|grown|increas|decreas|reduc|cut|climb|jump|drop|"
    r"went|changed|moved|slid|plunged|soared|surged)\w*[\s\u00a0]+\S+[\s\u00a0]*$"
)
_YEAR_MIN, _YEAR_MAX = 1500, 2100
_NOT_DURATION_HEDGES: Final = frozenset({"over", "under", "some"})
# Names that end in a figure: "CAC 40", "FTSE 100", "Airbus A 320", "S&P 500".
_NAME_BEFORE: Final = re.compile(
    r"(?:CAC|FTSE|S&P|Nikkei|DAX|Stoxx|STOXX|Fortune|Russell|MSCI|Formula|Formule|"
    r"Windows|iPhone|Galaxy|Boeing|Airbus|Ligue|Article|article|Art\.)[ \u00a0]$"
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


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance.

    `lang` is "fr" or "en"; anything else is guessed from the text.
    """
    lang = resolve_lang(text, lang)
    cores = _cores(text, lang)
    out: list[Quantity] = []
    cursor = 0
    for core in sorted(cores, key=lambda c: (c.start, -(c.end - c.start))):
        if core.start < cursor:
            continue
        q = _build(text, lang, core, cursor)
        if q is None:
            continue
        out.append(q)
        cursor = q.end
    return _merge_ranges(text, lang, out)


def _cores(text: str, lang: str) -> list[_Core]:
    cores: list[_Core] = [
        _from_phrase(p) for p in collectives(text, lang) + shares(text, lang) + factors(text, lang)
    ]
    for n in fraction_numerals(text):
        cores.append(_from_numeral(n, digits=True))
    for n in digit_numerals(text, lang):
        if (
            _NAME_BEFORE.search(text, max(0, n.start - 10), n.start)
            or tails.is_clock_time(text, n.start, n.end)
            or not tails.glued_suffix_ok(text, n.end, lang)
        ):
            continue
        cores.append(_from_numeral(n, digits=True))
    for n in word_numerals(text, lang):
        cores.append(_from_numeral(with_article(text, lang, n), digits=False))
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


def _ends_with_scale(surface: str, lang: str) -> bool:
    words = surface.lower().split()
    return bool(words) and words[-1] in SCALES[lang]


def _build(text: str, lang: str, core: _Core, floor: int) -> Quantity | None:
    start, end = core.start, core.end
    head = text[max(floor, start - 40) : start]
    money: str | None = None
    cur = _CURRENCY_PREFIX_RE.search(head)
    if cur and core.kind is None:
        money = CURRENCY_PREFIXES[cur.group("c")]
        start -= len(cur.group())
        head = text[max(floor, start - 40) : start]
    value, low, high = core.value, core.low, core.high
    kind, unit, approximate, hedge = core.kind, None, core.approximate, core.hedge
    if kind is None:
        suffix_end = None
        if core.digits:
            suffix_end = tails.ordinal_suffix(text, end, lang)
            if suffix_end is not None:
                core.ordinal, end = True, suffix_end
        tail = tails.read_tail(
            text,
            end,
            lang,
            money=money,
            ordinal=core.ordinal,
            after_scale=not core.digits and _ends_with_scale(text[core.start : end], lang),
        )
        kind, unit, end = tail.kind, tail.unit, tail.end
        value = (value or 0.0) * tail.multiplier + tail.plus
        if _FACTOR_LEAD_RE[lang].search(head):
            kind, unit = "factor", None
        day_end = tails.month_after(text, suffix_end or core.end, lang) if core.digits else None
        if (
            core.digits
            and day_end
            and value is not None
            and value == int(value)
            and 1 <= value <= 31
            and kind in ("count", "ordinal")
        ):
            kind, unit, end = "date", "day", day_end
        elif (
            core.plain_int
            and kind == "count"
            and tail.multiplier == 1
            and _YEAR_MIN <= (value or 0) <= _YEAR_MAX
            and not _HEDGE_RE[lang].search(head)
        ):
            kind, unit, end = "date", "year", core.end
            if text[end : end + 1] == "s":  # "the 1960s"
                unit, end = "decade", end + 1
            fiscal = _FISCAL_YEAR.match(text, end)
            if fiscal:  # "2013-14", "2019/20": one fiscal or season year
                end = fiscal.end()
        elif (
            core.digits
            and tails.month_before(text, core.start, lang)
            and kind == "count"
            and value is not None
            and 1 <= value <= 31
            and tail.multiplier == 1
        ):
            kind, unit, end = "date", "day", core.end
    elif core.takes_noun:
        tail = tails.read_tail(text, end, lang, money=None, ordinal=False, after_scale=True)
        if tail.kind in ("count", "duration", "measure", "money"):
            kind, unit, end = tail.kind, tail.unit, tail.end
            value = value * tail.multiplier if value is not None else None
            low = low * tail.multiplier if low is not None else None
            high = high * tail.multiplier if high is not None else None
    h = _HEDGE_RE[lang].search(head) if kind not in ("ordinal", "date") else None
    if h and kind == "duration" and h.group("h").lower() in _NOT_DURATION_HEDGES:
        h = None  # "over two years" is a period, not a lower bound
    if h and value is not None:
        rule = _hedge_rule(lang, h.group("h"))
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
    assert kind is not None
    value, low, high = _tidy(value), _tidy(low), _tidy(high)
    return Quantity(value, low, high, kind, unit, approximate, hedge, text[start:end], start, end)


def _tidy(x: float | None) -> float | None:
    """Drop float noise from scaling: 12000 * 1.1 is 13200, not 13200.000000000002."""
    return None if x is None else float(f"{x:.12g}")


def _hedge_rule(lang: str, written: str) -> HedgeRule:
    key = re.sub(r"\s+", " ", written.lower().replace("’", "'"))
    table = _HEDGE_LOOKUP[lang]
    if key not in table and key.endswith("d'"):
        key = key[:-2] + "de"
    return table[key]


def _merge_ranges(text: str, lang: str, qs: list[Quantity]) -> list[Quantity]:
    """Join "entre 10 et 20", "3 to 4 L", "10-15" into one range quantity."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            merged = _range(text, lang, a, qs[i + 1])
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(text: str, lang: str, a: Quantity, b: Quantity) -> Quantity | None:
    if a.value is None or b.value is None or a.hedge or b.hedge:
        return None
    if a.kind in ("date", "ordinal", "factor") or b.kind in ("date", "ordinal", "factor"):
        return None
    if a.kind != b.kind and a.unit is not None and b.unit is not None:
        return None
    gap = text[a.end : b.start]
    j = _JOINER[lang].fullmatch(gap)
    if not j:
        return None
    joiner = j.group(1).lower()
    before = text[max(0, a.start - 40) : a.start]
    opener = _OPENER[lang].search(before)
    if joiner in ("-", "–", "—"):
        if gap.strip() != gap or not a.surface[-1:].isdigit():
            return None  # "10-15" only; "10 - 15" is arithmetic or a list
    elif joiner in ("et", "and"):
        if not opener or opener.group(1).lower() not in ("entre", "between"):
            return None
    elif (
        opener
        and opener.group(1).lower() in ("de", "d'", "d’", "du", "from")
        and _CHANGE_VERB.search(before[: opener.start()] + " x ")
    ):
        return None
    lo, hi = sorted((a.value, b.value))
    kind, unit = (a.kind, a.unit) if a.unit is not None else (b.kind, b.unit)
    if a.kind == "count" and a.unit is None:
        kind, unit = b.kind, b.unit
    start = a.start
    hedge = joiner
    if opener:
        start = a.start - (len(before) - opener.start())
        hedge = f"{opener.group(1)} … {joiner}"
    return replace(
        a,
        value=None,
        low=lo,
        high=hi,
        kind=kind,
        unit=unit,
        hedge=hedge,
        surface=text[start : b.end],
        start=start,
        end=b.end,
    )
