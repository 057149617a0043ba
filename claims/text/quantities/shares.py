"""Shares of a whole written in words: kind percent, value in percent.

"un cinquième des ménages" 20, "deux tiers des élèves" 66.67, "a third of
households" 33.33, "three-quarters" 75, "la moitié" 50, "one in five" and
"1 sur 5" 20, "two in five" 40, "sept élèves sur dix" 70. The words are data,
in `claims.text.quantities.words.shares`; `finder` adds the hedge before a share
("près d'un tiers" -> at most 33.33) as it does for any figure.

How a fraction is told from an ordinal or a period:
- French: a numerator and a denominator that agree ("un quart", "trois
  quarts", "deux tiers"). "tiers" and "quart" are shares wherever they follow a
  numerator; a denominator that is an ordinal too ("cinquième") is a share only
  before a partitive ("un cinquième des ménages", "un cinquième du budget")
  or at a clause end after a hedge ("près d'un cinquième."): "un cinquième
  mandat" is a fifth term, left to the ordinal rules.
- English: singular after "a"/"one" and followed by "of" or by no word ("a
  third of the budget", "only a fifth."), plural after more ("two thirds");
  "a third term", "in a quarter", "the first half" are not shares.
- "N in M", "N out of M", "N sur M" with N < M <= 1000: with "out of"/"sur" a
  numerator above one needs a base that states a rate (`RATE_BASES`: "sept
  sur dix"), else it is a part and its whole ("neuf régions sur douze": two
  counts). "sur" before a plural noun or a duration is a span ("une étude sur
  500 patients", "sur cinq ans").
- A fraction above one ("three halves") is a plain number (count 1.5).
- A figure, "et"/"and" and a fraction make one mixed number ("cent trois et
  deux tiers" 103.67, `mixed_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from text_to_num import text2num

from claims.text.quantities.alternatives import alternation, phrase_key
from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.lexicon import DURATION_UNITS, PERCENT_WORDS, POINT_WORDS
from claims.text.quantities.model import Quantity
from claims.text.quantities.numerals import Numeral, is_number_word
from claims.text.quantities.words.fold import unaccented
from claims.text.quantities.words.shares import (
    RATE_BASES,
    RATIO_WORDS_NEEDING_A_BASE,
)


@dataclass(frozen=True)
class Share:
    """A share at text[start:end]: `fraction` of a whole (0.2 for "un cinquième").

    `takes_unit` says a unit after it makes it that fraction of the unit
    ("one-half miles"); a ratio ("one in five adults") never takes one.
    """

    fraction: float
    start: int
    end: int
    takes_unit: bool = True


_SP: Final = r"[\s\u00a0]+"


def _after_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` after spaces; an elided word ("d'") needs no word end."""
    parts = [
        re.escape(w).replace(r"\ ", _SP).replace("'", "['’]")
        + ("" if w.endswith("'") else r"(?![\w])")
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile(r"(?i)" + _SP + r"(?:" + "|".join(parts) + r")")


_PARTITIVE: Final = PerGrammar(lambda grammar: _after_re(grammar.partitives))
_SET_PARTITIVE: Final = PerGrammar(lambda grammar: _after_re(grammar.set_partitives))
_PHRASE_RE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w-])(" + alternation(grammar.share_phrases) + r")(?![\w-])"
    )
)
_FR_FRACTION: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w-])(?P<num>"
        + alternation(grammar.fraction_numerators)
        + r")(?:"
        + _SP
        + r"|-)"
        r"(?P<den>"
        + alternation(
            list(grammar.fraction_denominators) + [d + "s" for d in grammar.fraction_denominators]
        )
        + r")(?![\w-])"
    )
)
# The endings of the French denominators ("iers", "uart", "ième"): a cheap
# test before the costly pattern.
_FR_DENOMINATOR_STEM: Final = PerGrammar(
    lambda grammar: re.compile(
        "|".join(sorted({re.escape(d[-4:]) for d in grammar.fraction_denominators})),
        re.IGNORECASE,
    )
)
_EN_DENOMINATOR_OF: Final = PerGrammar(
    lambda grammar: {
        **grammar.fraction_denominators,
        **{
            ("halves" if w == "half" else w + "s"): n
            for w, n in grammar.fraction_denominators.items()
        },
    }
)
_EN_FRACTION: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w-])(?P<num>"
        + alternation(grammar.fraction_numerators)
        + r")(?P<sep>"
        + _SP
        + r"|-)"
        r"(?P<den>" + alternation(_EN_DENOMINATOR_OF[grammar]) + r")(?![\w])"
    )
)
_NOT_BEFORE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:" + alternation(grammar.not_a_share_before) + r")" + _SP + r"$"
    )
)
_EN_SHARE_LEAD: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:" + alternation(grammar.fraction_share_leads) + r")" + _SP + r"$"
    )
)
_HALF_NOT_BEFORE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?:"
        + _SP
        + r"(?:"
        + alternation(w for w in grammar.half_not_before if w != "-")
        + r")"
        + r"(?![\w])|-)"
    )
)
# A clause ends: punctuation or the end of the text, nothing in between.
_CLAUSE_END: Final = re.compile(r"[\s\u00a0]*(?:[.,;:!?)»\]]|$)")
_SHARE_LEAD: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:"
        + alternation(grammar.fraction_share_leads)
        + r")[\s\u00a0'’]+(?:d['’])?$"
    )
)
_FR_DEN: Final = PerGrammar(
    lambda grammar: {unaccented(k): v for k, v in grammar.fraction_denominators.items()}
)
_AND: Final = PerGrammar(lambda grammar: re.compile(r"(?i)" + _SP + grammar.and_word + _SP))
_RATIO: Final = PerGrammar(lambda grammar: re.compile(
        r"(?i)(?<![\w])(?P<rw>" + alternation(grammar.ratio_words) + r")" + _SP
        + r"(?P<den>\d+|[^\W\d_]+(?:-[^\W\d_]+)*)(?![\w])"
    ))  # fmt: skip
_TOKEN: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
_NEXT_WORD: Final = re.compile(r"[\s\u00a0]+([^\W\d_]+)")
_PERCENT_MARK: Final = re.compile(
    r"(?i)(?:" + alternation(PERCENT_WORDS | POINT_WORDS) + r"|\bpoints?\b|\bpts\b)"
)
_MAX_BETWEEN: Final = 2  # "sept jeunes diplômés sur dix"


def shares(text: str, grammar: NumberGrammar) -> list[Share]:
    """Every share written in words or as a ratio in `text`, in no order."""
    out = _phrases(text, grammar)
    out.extend(grammar.read_fractions(text, grammar))
    out.extend(_ratios(text, grammar))
    return out


def _phrases(text: str, grammar: NumberGrammar) -> list[Share]:
    out: list[Share] = []
    for m in _PHRASE_RE[grammar].finditer(text):
        if grammar.half_not_before and _HALF_NOT_BEFORE[grammar].match(text, m.end()):
            continue
        if _NOT_BEFORE[grammar].search(text, max(0, m.start() - 12), m.start()):
            continue  # "the first half", "la première moitié": a period
        out.append(Share(grammar.share_phrases[phrase_key(m.group(1))], m.start(), m.end()))
    return out


def french_fractions(text: str, grammar: NumberGrammar) -> list[Share]:
    """ "un cinquième", "deux tiers", "le quart des": fractions as French writes them
    (the denominator agrees in number with its numerator, "le" is a numerator
    before a partitive); the words are the grammar's `fraction_*` fields."""
    out: list[Share] = []
    if not _FR_DENOMINATOR_STEM[grammar].search(text):
        return out  # most sentences hold no fraction: skip the costly pattern
    for m in _FR_FRACTION[grammar].finditer(text):
        num_word = m.group("num").lower()
        num = grammar.fraction_numerators[num_word]
        den_word = unaccented(m.group("den").lower())
        singular = (
            den_word[:-1]
            if den_word.endswith("s") and den_word not in grammar.fraction_invariable
            else den_word
        )
        plural = singular != den_word
        if singular not in _FR_DEN[grammar]:
            continue
        if singular not in grammar.fraction_invariable and plural == (num == 1):
            continue  # "un quarts", "trois quart": no fraction
        partitive = bool(_PARTITIVE[grammar].match(text, m.end()))
        if num_word == "le" and not partitive:
            continue  # "le quart" alone is a period of an hour, "le cinquième" an ordinal
        if singular not in grammar.fraction_plain_denominators and not (
            partitive
            or (
                _CLAUSE_END.match(text, m.end())
                and _SHARE_LEAD[grammar].search(text, max(0, m.start() - 20), m.start())
            )
        ):
            continue  # "un cinquième mandat": an ordinal
        if _NOT_BEFORE[grammar].search(text, max(0, m.start() - 12), m.start()):
            continue
        out.append(Share(num / _FR_DEN[grammar][singular], m.start(), m.end()))
    return out


def english_fractions(text: str, grammar: NumberGrammar) -> list[Share]:
    """ "a fifth", "two-thirds", "three quarters of": fractions as English writes them;
    the words are the grammar's `fraction_*` fields."""
    out: list[Share] = []
    for m in _EN_FRACTION[grammar].finditer(text):
        num = grammar.fraction_numerators[m.group("num").lower()]
        den_word = m.group("den").lower()
        plural = den_word not in grammar.fraction_denominators
        if plural == (num == 1):
            continue  # "one thirds", "two third": not a fraction
        of = bool(_PARTITIVE[grammar].match(text, m.end()))
        if (
            not plural
            and m.group("sep") != "-"
            and den_word != "half"
            and not (
                of
                or _CLAUSE_END.match(text, m.end())
                or _EN_SHARE_LEAD[grammar].search(text, max(0, m.start() - 12), m.start())
            )
        ):
            continue  # "a third term": an ordinal; "rose by a third" is a share
        if not of and _NOT_BEFORE[grammar].search(text, max(0, m.start() - 12), m.start()):
            continue  # "in a quarter", "each third": a period
        out.append(Share(num / _EN_DENOMINATOR_OF[grammar][den_word], m.start(), m.end()))
    return out


def _word_value(word: str, grammar: NumberGrammar) -> float | None:
    if word.isdigit():
        return float(word)
    if not all(is_number_word(part, grammar) for part in word.split("-")):
        return None
    try:
        return float(text2num(word.lower(), grammar.code))
    except ValueError:
        return None


def _ratios(text: str, grammar: NumberGrammar) -> list[Share]:
    """ "one in five", "1 sur 5", "sept élèves sur dix", "nine out of ten"."""
    out: list[Share] = []
    for m in _RATIO[grammar].finditer(text):
        den = _word_value(m.group("den"), grammar)
        if den is None or not 1 < den <= 1000:
            continue
        after = _NEXT_WORD.match(text, m.end())
        next_word = after.group(1).lower() if after else ""
        if next_word in DURATION_UNITS:
            continue  # "un sur cinq ans", "one in five years": a period
        if (
            grammar.ratio_span_before_plural
            and next_word.endswith(("s", "x"))
            and next_word not in grammar.stopwords
        ):
            continue  # "une étude sur 500 patients": a span, not a share
        found = _numerator(text, m.start(), grammar)
        if found is None:
            continue
        num, start = found
        if not 0 < num < den:
            continue
        rw = phrase_key(m.group("rw"))
        if num > 1 and rw in RATIO_WORDS_NEEDING_A_BASE and int(den) not in RATE_BASES:
            continue  # "neuf régions sur douze": a part and its whole
        out.append(Share(num / den, start, m.end(), takes_unit=False))
    return out


def _numerator(text: str, at: int, grammar: NumberGrammar) -> tuple[float, int] | None:
    """The figure before a ratio word, with at most two words between:
    "un Marocain sur", "Two in"; (value, start) or None."""
    window_start = max(0, at - 80)
    tokens = list(_TOKEN.finditer(text, window_start, at))
    # only spaces between the tokens that are read, and before the ratio word
    pos = at
    chain: list[re.Match[str]] = []
    for t in reversed(tokens):
        gap = text[t.end() : pos]
        if not gap or gap.strip(" \u00a0\t"):
            break
        chain.append(t)
        pos = t.start()
        if len(chain) == _MAX_BETWEEN + 1:
            break
    for k, t in enumerate(chain):
        between = chain[:k]
        if any(w.group().lower() in grammar.stopwords for w in between):
            return None
        value = _word_value(t.group(), grammar)
        if value is not None and text[t.start() - 1 : t.start()] not in (",", ".", "-"):
            if any(_word_value(w.group(), grammar) is not None for w in between):
                return None
            return value, t.start()
    return None


def written_as_share(q: Quantity) -> bool:
    """Is `q` a share in words ("un tiers", "one in five"): a percent written
    without a percent sign or word?"""
    return q.kind == "percent" and q.unit is None and not _PERCENT_MARK.search(q.surface)


def set_partitive_after(text: str, end: int, grammar: NumberGrammar) -> bool:
    """Does "des", "of the"… follow? Then a share is a part of a set of
    things, even before a unit ("la moitié des heures travaillées")."""
    return bool(_SET_PARTITIVE[grammar].match(text, end))


def mixed_numbers(
    text: str, grammar: NumberGrammar, numerals: list[Numeral], found: list[Share]
) -> list[Numeral]:
    """ "cent trois et deux tiers" -> 103.67, "two and three-quarters" -> 2.75:
    a figure, "et"/"and" and a fraction below one, as one number."""
    ends = {n.end: n for n in numerals if not n.ordinal}
    out: list[Numeral] = []
    for share in found:
        if not share.takes_unit or share.fraction >= 1:
            continue
        window = text[max(0, share.start - 8) : share.start]
        joined = re.search(_AND[grammar].pattern + r"$", window)
        if joined is None:
            continue
        n = ends.get(share.start - (len(window) - joined.start()))
        if n is not None:
            out.append(Numeral(n.value + share.fraction, n.start, share.end, words=n.words))
    return out
