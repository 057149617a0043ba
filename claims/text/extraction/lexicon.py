"""Check-worthiness weights and thresholds the extractor reads: data, not logic.

The word lists themselves are per language, in `claims.text.languages` (one
module per language, each filling a `claims.text.languages.claim_lexicon.Lexicon`).
Check-worthiness cue groups (`Lexicon.cues`) and their weights
(`CUE_WEIGHTS`) are the scoring features: a sentence collects the weight of
every group that has at least one cue in it (see `claims.text.extraction.scoring`).
The groups in `NOT_A_CLAIM_GROUPS` and the line openings (`Lexicon.openings`)
mark what is not a claim at all (see `claims.text.extraction.detection`).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# Weight of each cue group in the check-worthiness score (0..1 after clipping).
# Statistics about the present or the past rank above concrete acts, acts above
# announcements, announcements above meetings; plans, promises and opinions
# rank lower still (see claims.text.extraction.scoring).
CUE_WEIGHTS: Final = MappingProxyType(
    {
        "statistic": 0.1,  # measured values: reached, rose, le nombre de, la part
        "event": 0.2,  # who organised, signed, adopted, won, founded what
        "standing": 0.2,  # where an organisation is based, what it runs
        "superlative": 0.2,  # firsts, records, superlatives
        "announcement": 0.1,  # announced, presented, unveiled
        "meeting": 0.05,  # met, talks, rencontres bilatérales
        "role": 0.15,  # roles and titles
        "time": 0.1,  # weekdays and months: when something took place
        "opinion": -0.3,  # judgements, stances, wishes, feelings
        "promise": -0.25,  # commitments: not checkable yet
        "plan": -0.15,  # plans, targets, strategies
        "future": -0.2,  # the future tense, forecasts, "next week"
        "vague": -0.1,  # quantifiers that say nothing checkable
    }
)
# Cue groups that make a sentence no claim at all, whatever else it holds.
NOT_A_CLAIM_GROUPS: Final = ("furniture", "method", "anecdote")
# Features that keep a sentence without a figure out: a reported judgement
# ('said trading had been "encouraging"') is a stance. The "future" group does
# too, unless the sentence asserts a first: a schedule ("Le Sommet doit se
# conclure jeudi") cannot be checked until it has happened.
NOT_FACTUAL: Final = frozenset({"quoted judgement"})
# Groups (and quantity kinds, below) that show a sentence without a figure
# asserts a fact: without one of them it is not a claim, however well it scores.
FACT_EVIDENCE: Final = frozenset(
    {"event", "standing", "superlative", "announcement", "meeting", "time", "date", "ordinal"}
)
# Quantity kinds that are statistics; a duration alone ranks lower, and a date
# or an ordinal alone makes no numeric claim.
STATISTIC_KINDS: Final = frozenset({"count", "percent", "money", "measure", "factor"})

# Scores that do not come from cue words.
BASE_FACTUAL: Final = 0.3
BASE_NUMERIC: Final = 0.5
BONUS_STATISTIC: Final = 0.15  # a count, share, amount, measure or factor
BONUS_CLAIMANT: Final = 0.1  # an attributed statement can be checked with its author
BONUS_NAMED_ENTITY: Final = 0.1  # a capitalised name after the first word
BONUS_ORDINAL: Final = 0.2  # "premier", "first" found as a quantity
BONUS_DATE: Final = 0.1  # a date found as a quantity
PENALTY_SCARE_QUOTE: Final = -0.3  # ends on a short quoted judgement: were "solid"
PENALTY_SHORT: Final = -0.3  # fewer than SHORT_WORDS words
SHORT_WORDS: Final = 6
# Factual sentences below this score are not emitted.
FACTUAL_THRESHOLD: Final = 0.5
# Numeric sentences below this score are not emitted: opinion, promise and
# plan together outweigh the figure.
NUMERIC_FLOOR: Final = 0.1
# A line without a sentence's final mark and at most this many words is a
# heading, unless a statistic in digits (or a share, amount or measure) makes it
# a headline.
HEADING_MAX_WORDS: Final = 20
# A quoted question followed by an attribution of at most this many words
# ("..., and how many will go to locals?" asked its chair, Tom Ashdown.).
QUESTION_TAIL_WORDS: Final = 10
