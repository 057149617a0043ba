"""Two neighbouring figures as one range, or as a change between two levels.

A range needs two ends of the same kind: "entre 10 et 20 %", "from 3 to 5
million", "10-15 exabytes", "between 44 and 50 mg". Its value is None, its
low and high the two ends, its hedge the opener and the joiner. A bare first
end takes the kind, unit and scale of the second ("from 3 to 5 million" is 3
to 5 million; "entre 10 et 20 %" 10 to 20 %).

Not a range:
- two ends of different kinds or units: "Revenue climbed 9 per cent to $2.3
  billion" is a change (percent) and the new level (money);
- a change between two levels: a verb of change before "de X à Y" / "from X
  to Y" ("passé de 62 % à 71 %"), or before a first end that has its own unit
  and "to" ("rose 9 % to 12 %");
- "10 - 15" with spaces (arithmetic or a list); "et"/"and" without "entre"/
  "between"; ends that run downwards ("un score de 3 à 1").
The words are data in `claims.text.quantities.words.ranges`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from claims.text.quantities.alternatives import alternation
from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.lexicon import MONEY_SCALES
from claims.text.quantities.model import Quantity
from claims.text.quantities.words.ranges import (
    AND_JOINERS,
    AND_OPENERS,
    CHANGE_VERB_STEMS,
    DASH_JOINERS,
)

_SP: Final = r"[\s\u00a0]"


_OPENER: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(" + alternation(grammar.openers) + r")" + _SP + r"*$"
    )
)
_JOINER: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)" + _SP + r"*(" + alternation(grammar.joiners) + r")" + _SP + r"*"
    )
)
_VERB: Final = r"(?:" + "|".join(re.escape(s) for s in CHANGE_VERB_STEMS) + r")\w*"
# "a progressé de", "rose from": the verb, then the opener that was matched.
_CHANGE_BEFORE_OPENER: Final = re.compile(r"(?i)(?<![\w])" + _VERB + _SP + r"+$")
# "rose 9 %", "rose by 9 %", "a progressé de 6 %": the verb right before the figure.
_CHANGE_BEFORE_FIGURE: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])"
        + _VERB
        + r"(?:"
        + _SP
        + r"+(?:"
        + alternation(grammar.change_links)
        + r"))?"
        + _SP
        + r"*$"
    )
)
_SCALE_IN: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?:\d[\s\u00a0]*|(?<![\w]))(" + alternation(grammar.scales) + r")(?![\w])"
        r"|\d[\s\u00a0]?(bn|mn|tn|[mMbBkKT])(?![\w])"
    )
)
_REACH: Final = 40


def merge_ranges(text: str, grammar: NumberGrammar, qs: list[Quantity]) -> list[Quantity]:
    """Join "entre 10 et 20", "3 to 4 L", "10-15" into one range quantity; give
    the bare first level of a change the scale and unit of the second ("passé
    de 2 à 2,5 milliards de dirhams": 2 billion dirhams)."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            how = _joined(text, grammar, a, b)
            if how == "range":
                out.append(_as_range(text, grammar, a, b))
                i += 2
                continue
            if how == "change" and _bare(a):
                a = replace(a, value=_low_end(a, b, grammar), kind=b.kind, unit=b.unit)
        out.append(a)
        i += 1
    return out


def _bare(q: Quantity) -> bool:
    """A figure with nothing after it: a count without a noun ("from 3 to 5 km")."""
    return q.kind == "count" and q.unit is None


def _scale(q: Quantity, grammar: NumberGrammar) -> float:
    m = _SCALE_IN[grammar].search(q.surface)
    if m is None:
        return 1.0
    if m.group(1):
        return grammar.scales[m.group(1).lower()]
    word = m.group(2)
    return grammar.scales.get(word.lower()) or MONEY_SCALES[word]


def _low_end(a: Quantity, b: Quantity, grammar: NumberGrammar) -> float | None:
    """The first end in the second's scale when it has none: "from 3 to 5 million"."""
    if a.value is None or b.value is None:
        return a.value
    scale = _scale(b, grammar)
    if scale > 1 and _scale(a, grammar) == 1 and a.value * scale <= b.value:
        return a.value * scale
    return a.value


def _joined(text: str, grammar: NumberGrammar, a: Quantity, b: Quantity) -> str | None:
    """ "range", "change" (two levels joined by "à"/"to") or None."""
    if a.value is None or b.value is None or a.hedge or b.hedge:
        return None
    if a.kind in ("date", "ordinal", "factor") or b.kind in ("date", "ordinal", "factor"):
        return None
    if a.kind != b.kind and not (_bare(a) or _bare(b)):
        return None  # "9 per cent to $2.3 billion": a change and a level
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    gap = text[a.end : b.start]
    j = _JOINER[grammar].fullmatch(gap)
    if not j:
        return None
    joiner = j.group(1).lower()
    before = text[max(0, a.start - _REACH) : a.start]
    opener = _OPENER[grammar].search(before)
    if joiner in DASH_JOINERS:
        if gap.strip() != gap or not a.surface[-1:].isdigit():
            return None  # "10-15" only; "10 - 15" is arithmetic or a list
    elif joiner in AND_JOINERS:
        if not opener or opener.group(1).lower() not in AND_OPENERS:
            return None
    elif opener and opener.group(1).lower() not in AND_OPENERS:
        if _CHANGE_BEFORE_OPENER.search(before, 0, opener.start()):
            return "change"  # "passé de 62 % à 71 %": the old and the new level
    elif not _bare(a) and _CHANGE_BEFORE_FIGURE[grammar].search(before):
        return "change"  # "rose 9 % to 12 %"; "could rise 3 to 5 %" stays a range
    low_end = _low_end(a, b, grammar)
    if low_end is None or low_end >= b.value:
        return None  # "de 3 à 1": a score or a fall, no range runs downwards
    return "range"


def _as_range(text: str, grammar: NumberGrammar, a: Quantity, b: Quantity) -> Quantity:
    assert b.value is not None
    low_end = _low_end(a, b, grammar)
    assert low_end is not None
    lo, hi = sorted((low_end, b.value))
    kind, unit = (b.kind, b.unit) if _bare(a) else (a.kind, a.unit)
    before = text[max(0, a.start - _REACH) : a.start]
    opener = _OPENER[grammar].search(before)
    joiner = text[a.end : b.start].strip(" \u00a0\t\n").lower()
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
