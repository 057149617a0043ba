"""Score claim detection on the labelled sentences of tests/data/claim_detection.jsonl.

Each labelled row is handed to `extract_claims` on its own. The row is
detected as a claim when at least one claim comes out of it, and as a numeric
claim when one of those is numeric or derived. Precision and recall are then
counted per language and split, for all claims (gold: `is_claim`) and for
numeric claims (gold: `is_claim` and `numeric`). The bench script
(bench/claim_detection.py) prints these figures; the evaluation gate
(tests/claims/text/extraction/test_detection_gate.py) pins floors under them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from claims.text.extraction import extract_claims

LABELS = Path(__file__).resolve().parents[1] / "data" / "claim_detection.jsonl"
Target = Literal["all", "numeric"]


@dataclass(frozen=True)
class Row:
    text: str
    lang: str
    is_claim: bool
    numeric: bool
    cls: str
    why: str
    doc: str
    split: str

    def gold(self, target: Target) -> bool:
        return self.is_claim and (target == "all" or self.numeric)


@dataclass(frozen=True)
class Detected:
    row: Row
    claim: bool
    numeric: bool
    scores: tuple[float, ...]

    def predicted(self, target: Target) -> bool:
        return self.numeric if target == "numeric" else self.claim


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[Detected] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, item: Detected, target: Target) -> None:
        gold, got = item.row.gold(target), item.predicted(target)
        if gold and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.errors.append(item)
        elif gold:
            self.fn += 1
            self.errors.append(item)


def load_rows(path: Path = LABELS) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        rows.append(
            Row(
                text=data["text"],
                lang=data["lang"],
                is_claim=bool(data["is_claim"]),
                numeric=bool(data["numeric"]),
                cls=data["class"],
                why=data["why"],
                doc=data["doc"],
                split=data["split"],
            )
        )
    return rows


def detect(rows: Iterable[Row]) -> list[Detected]:
    out: list[Detected] = []
    for row in rows:
        claims = extract_claims(row.text, row.lang)
        out.append(
            Detected(
                row=row,
                claim=bool(claims),
                numeric=any(c.kind != "factual" for c in claims),
                scores=tuple(c.checkworthiness for c in claims),
            )
        )
    return out


def count(
    detected: Iterable[Detected],
    target: Target,
    *,
    lang: str | None = None,
    split: str | None = None,
) -> Counts:
    """Counts over the rows of `lang` and `split` (None: every one)."""
    counts = Counts()
    for item in detected:
        if lang is not None and item.row.lang != lang:
            continue
        if split is not None and item.row.split != split:
            continue
        counts.add(item, target)
    return counts
