"""Check-worthiness: how much a sentence asserts something a fact-checker can check.

A linear score clipped to 0..1, kept as its parts so that `factdesk show` can
say why a claim scored what it did. Numeric claims start at `BASE_NUMERIC`,
factual ones at `BASE_FACTUAL`; a statistic (count, share, amount, measure,
factor) adds `BONUS_STATISTIC`, while a duration alone adds nothing. Each cue
group of the language's lexicon that occurs in the sentence adds its weight
from `CUE_WEIGHTS`: measured values, concrete acts, standing facts, firsts,
roles and dates add; announcements and meetings add less; opinions, promises,
plans and vague quantifiers subtract. So a statistic about the present or the
past ranks above a plan, a meeting or an announcement. A sentence that ends on
a short quoted judgement (were "solid but unspectacular") is an opinion.

A sentence without a figure is a factual claim only when it shows a fact: an
act, a standing fact, a first, a meeting, an announcement, a day or a date
(`FACT_EVIDENCE`); a quote, a name and a role alone do not make one.
All weights are data in `claims.text.extraction.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from claims.text.extraction import lexicon as lx
from claims.text.extraction.cues import Hits, find_cues
from claims.text.extraction.names import NAME_TOKEN
from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon
from claims.text.quantities import Quantity

_NAME_AFTER_FIRST_WORD: Final = re.compile(rf"\s{NAME_TOKEN}")
# A short quoted fragment that closes the sentence after other words:
# 'said the results were "solid but unspectacular".'
_SCARE_QUOTE: Final = re.compile(r"\S\s+[«“\"]\s*([^«»“”\"\d]{1,60}?)\s*[»”\"]\s*[.!]?\s*$")
_SCARE_QUOTE_WORDS: Final = 5


@dataclass(frozen=True, slots=True)
class Contribution:
    """One feature's part in a score: its name, its weight, the words that showed it."""

    feature: str
    weight: float
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"feature": self.feature, "weight": self.weight, "evidence": self.evidence}

    def describe(self) -> str:
        shown = f": {self.evidence}" if self.evidence else ""
        return f"{self.weight:+.2f} {self.feature}{shown}"


@dataclass(frozen=True, slots=True)
class ScoreExplanation:
    """A check-worthiness score and the contributions it adds up (then clips to 0..1)."""

    score: float
    contributions: tuple[Contribution, ...]

    @property
    def total(self) -> float:
        """The contributions' sum before clipping."""
        return round(sum(c.weight for c in self.contributions), 3)

    @property
    def features(self) -> frozenset[str]:
        return frozenset(c.feature for c in self.contributions)

    def shows_a_fact(self) -> bool:
        """Whether a sentence without a figure asserts a fact it can be checked on."""
        features = self.features
        if not features & lx.FACT_EVIDENCE or features & lx.NOT_FACTUAL:
            return False
        # A first can be checked before the event ("le premier forum régional
        # se tiendra à Rabat"); any other schedule cannot.
        return "future" not in features or "superlative" in features

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "total": self.total,
            "contributions": [c.to_json() for c in self.contributions],
        }


def checkworthiness(
    sentence: str,
    lexicon: Lexicon,
    *,
    numeric: bool,
    quantities: tuple[Quantity, ...],
    claimant: str | None,
) -> float:
    """The sentence's check-worthiness, 0..1, rounded to 3 decimals."""
    return explain_checkworthiness(
        sentence, lexicon, numeric=numeric, quantities=quantities, claimant=claimant
    ).score


def explain_checkworthiness(
    sentence: str,
    lexicon: Lexicon,
    *,
    numeric: bool,
    quantities: tuple[Quantity, ...],
    claimant: str | None,
    cues: Hits | None = None,
) -> ScoreExplanation:
    """The sentence's check-worthiness with the contribution of each feature.

    `cues` are the sentence's cue hits when the caller has them already.
    """
    folded = fold(sentence)
    if cues is None:
        cues = find_cues(folded, lexicon)
    parts = [
        Contribution("numeric claim", lx.BASE_NUMERIC)
        if numeric
        else Contribution("factual claim", lx.BASE_FACTUAL)
    ]
    statistic = next((q for q in quantities if q.kind in lx.STATISTIC_KINDS), None)
    if numeric and statistic is not None:
        parts.append(Contribution("figure", lx.BONUS_STATISTIC, statistic.surface))
    for group, weight in lx.CUE_WEIGHTS.items():
        span = cues.get(group)
        if span is None and group == "future":
            tense = _future_tense(lexicon).search(folded)
            span = tense.span() if tense else None
        if span is not None:
            parts.append(Contribution(group, weight, sentence[span[0] : span[1]]))
    superlative = cues.get("superlative")
    ordinal = next((q for q in quantities if q.kind == "ordinal"), None)
    # "premier Sommet" is one first: the cue word and the ordinal count once.
    if ordinal is not None and not (
        superlative is not None and superlative[0] < ordinal.end and ordinal.start < superlative[1]
    ):
        parts.append(Contribution("ordinal", lx.BONUS_ORDINAL, ordinal.surface))
    date = next((q for q in quantities if q.kind == "date"), None)
    if date is not None:
        parts.append(Contribution("date", lx.BONUS_DATE, date.surface))
    if claimant is not None:
        parts.append(Contribution("claimant", lx.BONUS_CLAIMANT, claimant))
    name = _NAME_AFTER_FIRST_WORD.search(sentence)
    if name is not None:
        parts.append(Contribution("named entity", lx.BONUS_NAMED_ENTITY, name.group().strip()))
    quoted = _SCARE_QUOTE.search(sentence)
    if quoted is not None and len(quoted.group(1).split()) <= _SCARE_QUOTE_WORDS:
        parts.append(Contribution("quoted judgement", lx.PENALTY_SCARE_QUOTE, quoted.group(1)))
    if len(sentence.split()) < lx.SHORT_WORDS:
        parts.append(Contribution("short", lx.PENALTY_SHORT))
    total = sum(c.weight for c in parts)
    return ScoreExplanation(round(min(1.0, max(0.0, total)), 3), tuple(parts))


_NEVER: Final = re.compile(r"(?!)")


@lru_cache(maxsize=16)
def _future_tense(lexicon: Lexicon) -> re.Pattern[str]:
    if not lexicon.future_tense:
        return _NEVER
    return re.compile(rf"(?<![\w'-])(?:{lexicon.future_tense})(?![\w-])")
