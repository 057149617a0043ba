"""The labelled claim/fact-check pairs of tests/data/factcheck_pairs.jsonl, scored.

Each row holds a claim, the claim an earlier fact-check reviewed, whether they are
the same claim (`match`), how the pair was built (`kind`: paraphrase,
translation, same_figure, related, unrelated) and its `split` (dev: the weights
and threshold were chosen on it; test: held out). bench/factcheck_matching.py
prints the figures; tests/claims/text/matching/test_matching_gate.py pins floors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claims.language_choice import choose_language
from claims.text.matching import MatchScore, Prepared, prepare, score_pair

PAIRS = Path(__file__).resolve().parents[1] / "data" / "factcheck_pairs.jsonl"


@dataclass(frozen=True)
class Pair:
    claim: str
    factcheck: str
    match: bool
    kind: str
    split: str


@dataclass(frozen=True)
class Scored:
    pair: Pair
    result: MatchScore


@dataclass(frozen=True)
class Figures:
    rows: int
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    with path.open(encoding="utf-8") as lines:
        return [Pair(**json.loads(line)) for line in lines if line.strip()]


def score_all(pairs: list[Pair]) -> list[Scored]:
    return [Scored(p, score_pair(read(p.claim), read(p.factcheck))) for p in pairs]


def read(text: str) -> Prepared:
    """``text`` prepared in the language it reads as, as the index does for a review."""
    return prepare(text, choose_language(text))


def figures(scored: list[Scored], threshold: float, split: str | None = None) -> Figures:
    rows = [s for s in scored if split is None or s.pair.split == split]
    tp = sum(1 for s in rows if s.pair.match and s.result.score >= threshold)
    fp = sum(1 for s in rows if not s.pair.match and s.result.score >= threshold)
    fn = sum(1 for s in rows if s.pair.match and s.result.score < threshold)
    return Figures(
        rows=len(rows),
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )
