"""Quantities written without a plain figure: approximate collectives
("une cinquantaine", "hundreds", "half a million"), factors ("doublé",
"multiplié par trois", "x3"), one unit ("a gallon"), named periods ("the
next decade"). Shares ("la moitié", "one in five") are in `shares`.

Each finder returns `Phrase`s; `finder` adds the hedge before and the noun
after, as it does for figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from claims.text.quantities.alternatives import alternation, phrase_key
from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.hedges import (
    EXACT_COLLECTIVES,
)
from claims.text.quantities.model import QuantityKind


@dataclass(frozen=True)
class Phrase:
    """A quantity phrase at text[start:end], before hedge and noun are read."""

    value: float | None
    low: float | None
    high: float | None
    kind: QuantityKind
    approximate: bool
    hedge: str | None
    start: int
    end: int
    takes_noun: bool  # "une cinquantaine de pays": read the counted noun after it
    unit: str | None = None  # "a gallon": the unit the phrase names itself


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w])(" + alternation(words) + r")(?![\w])")


_COLLECTIVE_RE: Final = PerGrammar(
    lambda grammar: _words_re(list(grammar.collectives) + list(grammar.plural_collectives))
)
_FACTOR_RE: Final = PerGrammar(lambda grammar: _words_re(grammar.factor_words))
_FACTOR_NOUN_STEM: Final = PerGrammar(
    lambda grammar: re.compile(r"(?i)" + "|".join(re.escape(n) for n in grammar.factor_nouns))
)
_FACTOR_NOUN_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:" + "|".join(re.escape(w) for w in grammar.factor_noun_leads) + r")\s+"
        r"(?P<n>"
        + "|".join(grammar.factor_nouns)
        + r")(?=\s+(?:de|du|des|d['’])(?![\w])|\s*[.,;:!?)]|$)"
    )
)
_TIMES_SIGN: Final = re.compile(
    r"(?<![\w])[x×]\s?(\d+(?:[.,]\d+)?)(?![\w.,]\d)(?![\w])"
    r"|(?<![\w.,])(\d+(?:[.,]\d+)?)[x×](?![\w])"
)
_ONE_UNIT: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w'’])(?:"
        + "|".join(re.escape(a) for a in grammar.hundred_articles)
        + r")[\s\u00a0]+("
        + "|".join([*grammar.one_unit_words, *grammar.one_subunit_words])
        + r")(?![\w])"
    )
)


def one_units(text: str, grammar: NumberGrammar) -> list[Phrase]:
    """ "a gallon of beer" -> 1 gal, "a penny" -> 1 (English: "un" is read as a number)."""
    if not grammar.hundred_articles or not (grammar.one_unit_words or grammar.one_subunit_words):
        return []
    out: list[Phrase] = []
    for m in _ONE_UNIT[grammar].finditer(text):
        word = m.group(1).lower()
        if word in grammar.one_subunit_words:
            code, value = grammar.one_subunit_words[word]
            out.append(
                Phrase(value, None, None, "money", False, None, m.start(), m.end(), False, code)
            )
            continue
        kind, unit = grammar.one_unit_words[word]
        out.append(Phrase(1.0, None, None, kind, False, None, m.start(), m.end(), False, unit))
    return out


_PERIOD_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        # The lead in any case, the period word in lower case: "the Decade of
        # Action" is a title, not ten years.
        r"(?<![\w'’])(?i:"
        + grammar.period_leads
        + r")[\s\u00a0]+("
        + "|".join(grammar.period_words)
        + r")(?![\w])"
    )
)


def periods(text: str, grammar: NumberGrammar) -> list[Phrase]:
    """ "over the next decade" -> duration 10 years; "la prochaine décennie" -> 10 ans.

    Only after a determiner or a time adjective, and never after a Roman or
    digit ordinal ("XXe siècle", "21st century" are ordinals, read elsewhere).
    """
    out: list[Phrase] = []
    for m in _PERIOD_RE[grammar].finditer(text):
        value, unit = grammar.period_words[m.group(1).lower()]
        out.append(
            Phrase(value, None, None, "duration", False, None, m.start(), m.end(), False, unit)
        )
    return out


def collectives(text: str, grammar: NumberGrammar) -> list[Phrase]:
    """ "une cinquantaine" (50, [45, 55]); "des centaines" (None, [200, 1000])."""
    out: list[Phrase] = []
    for m in _COLLECTIVE_RE[grammar].finditer(text):
        key = phrase_key(m.group(1))
        if m.start() > 0 and re.search(r"\d\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "2 millions" is a figure with a scale, read elsewhere
        end = m.end()
        mult = 1.0
        scale = grammar.scale_of.match(text, end)
        if scale:
            mult, end = grammar.scales[scale.group(1).lower()], scale.end()
        if key in grammar.collectives:
            v, lo, hi = grammar.collectives[key]
            exact = key in EXACT_COLLECTIVES
            out.append(
                Phrase(
                    v * mult,
                    None if exact else lo * mult,
                    None if exact else hi * mult,
                    "count",
                    not exact,
                    None if exact else m.group(1),
                    m.start(),
                    end,
                    True,
                )
            )
        else:
            base = grammar.plural_collectives[key] * mult
            out.append(
                Phrase(None, 2 * base, 10 * base, "count", True, m.group(1), m.start(), end, True)
            )
    return out


def half_scales(text: str, grammar: NumberGrammar) -> list[Phrase]:
    """ "half a million people" -> 500,000 (a count, not a share)."""
    if grammar.half_scale is None:
        return []
    return [
        Phrase(
            0.5 * grammar.scales[m.group(1).lower()],
            None, None, "count", False, None, m.start(), m.end(), True,
        )
        for m in grammar.half_scale.finditer(text)
    ]  # fmt: skip


def factors(text: str, grammar: NumberGrammar) -> list[Phrase]:
    """ "doublé" -> 2, "tripled" -> 3, "x3" -> 3 (kind factor)."""
    out: list[Phrase] = []
    for m in _FACTOR_RE[grammar].finditer(text):
        value = float(grammar.factor_words[m.group(1).lower()])
        out.append(Phrase(value, None, None, "factor", False, None, m.start(), m.end(), False))
    for m in _TIMES_SIGN.finditer(text):
        num = (m.group(1) or m.group(2)).replace(",", ".")
        out.append(Phrase(float(num), None, None, "factor", False, None, m.start(), m.end(), False))
    if grammar.factor_nouns and _FACTOR_NOUN_STEM[grammar].search(text):
        for m in _FACTOR_NOUN_RE[grammar].finditer(text):
            value = float(grammar.factor_nouns[m.group("n").lower()])
            out.append(
                Phrase(value, None, None, "factor", False, None, m.start("n"), m.end("n"), False)
            )
    return out
