"""Quantities written without a plain figure: approximate collectives
("une cinquantaine", "hundreds"), shares ("la moitié", "one in five"),
factors ("doublé", "multiplié par trois", "x3").

Each finder returns `Phrase`s; `finder` adds the hedge before and the noun
after, as it does for figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from text_to_num import text2num

from claims.quantities.hedges import (
    COLLECTIVES,
    EXACT_COLLECTIVES,
    PLURAL_COLLECTIVES,
)
from claims.quantities.lexicon import FACTOR_WORDS, FRACTIONS, SCALES
from claims.quantities.model import QuantityKind


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


def _words_re(words: object) -> re.Pattern[str]:
    keys = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    alt = "|".join(re.escape(k).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]") for k in keys)
    return re.compile(r"(?i)(?<![\w])(" + alt + r")(?![\w])")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'"))


_COLLECTIVE_RE: Final = {
    lang: _words_re(list(COLLECTIVES[lang]) + list(PLURAL_COLLECTIVES[lang]))
    for lang in COLLECTIVES
}
_FRACTION_RE: Final = {lang: _words_re(FRACTIONS[lang]) for lang in FRACTIONS}
_FACTOR_RE: Final = {lang: _words_re(FACTOR_WORDS[lang]) for lang in FACTOR_WORDS}
_SCALE_OF: Final = {
    "fr": re.compile(r"(?i)\s+(?:de|d['’])\s*(milliers|millions|milliards)(?![\w])"),
    "en": re.compile(r"(?i)\s+(?:of\s+)?(thousands?|millions?|billions?)(?![\w])"),
}
_ONE_IN: Final = {
    "fr": re.compile(
        r"(?i)(?<![\w\-−])(?:un|une|1)(?:\s+[^\W\d_]+)?\s+sur\s+"
        r"(\d+|[^\W\d_]+)(?![\w])"
    ),
    "en": re.compile(
        r"(?i)(?<![\w\-−])(?:one|1)(?:\s+[^\W\d_]+)?\s+(?:in|out\s+of)\s+"
        r"(\d+|[^\W\d_]+)(?![\w])"
    ),
}
_TIMES_SIGN: Final = re.compile(
    r"(?<![\w])[x×]\s?(\d+(?:[.,]\d+)?)(?![\w.,]\d)(?![\w])"
    r"|(?<![\w.,])(\d+(?:[.,]\d+)?)[x×](?![\w])"
)
# "half" before these is not a share: "half a dozen" is a collective, "half past".
_NOT_A_SHARE_AFTER: Final = re.compile(r"(?i)\s+(?:a\s+dozen|past|an?\s+hour|time)\b")


def collectives(text: str, lang: str) -> list[Phrase]:
    """ "une cinquantaine" (50, [45, 55]); "des centaines" (None, [200, 1000])."""
    out: list[Phrase] = []
    for m in _COLLECTIVE_RE[lang].finditer(text):
        key = _norm(m.group(1))
        if m.start() > 0 and re.search(r"\d\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "2 millions" is a figure with a scale, read elsewhere
        end = m.end()
        mult = 1.0
        scale = _SCALE_OF[lang].match(text, end)
        if scale:
            mult, end = SCALES[lang][scale.group(1).lower()], scale.end()
        if key in COLLECTIVES[lang]:
            v, lo, hi = COLLECTIVES[lang][key]
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
            base = PLURAL_COLLECTIVES[lang][key] * mult
            out.append(
                Phrase(None, 2 * base, 10 * base, "count", True, m.group(1), m.start(), end, True)
            )
    return out


def _word_value(word: str, lang: str) -> float | None:
    if word.isdigit():
        return float(word)
    try:
        return float(text2num(word.lower(), lang))
    except ValueError:
        return None


def shares(text: str, lang: str) -> list[Phrase]:
    """Shares as percent: "la moitié" -> 50, "deux tiers" -> 66.7, "one in five" -> 20."""
    out: list[Phrase] = []
    for m in _FRACTION_RE[lang].finditer(text):
        if _NOT_A_SHARE_AFTER.match(text, m.end()):
            continue
        key = _norm(m.group(1))
        if "half" in key and re.search(r"(?i)\band\s+$", text[max(0, m.start() - 5) : m.start()]):
            continue  # "two and a half" is a mixed number, read with its figure
        value = FRACTIONS[lang][key]
        out.append(Phrase(value, None, None, "percent", False, None, m.start(), m.end(), False))
    for m in _ONE_IN[lang].finditer(text):
        n = _word_value(m.group(1), lang)
        if n and 1 < n <= 1000:
            out.append(
                Phrase(100 / n, None, None, "percent", False, None, m.start(), m.end(), False)
            )
    return out


def factors(text: str, lang: str) -> list[Phrase]:
    """ "doublé" -> 2, "tripled" -> 3, "x3" -> 3 (kind factor)."""
    out: list[Phrase] = []
    for m in _FACTOR_RE[lang].finditer(text):
        value = float(FACTOR_WORDS[lang][m.group(1).lower()])
        out.append(Phrase(value, None, None, "factor", False, None, m.start(), m.end(), False))
    for m in _TIMES_SIGN.finditer(text):
        num = (m.group(1) or m.group(2)).replace(",", ".")
        out.append(Phrase(float(num), None, None, "factor", False, None, m.start(), m.end(), False))
    return out
