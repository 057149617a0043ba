"""Evaluation gate: claim detection keeps its precision and recall on the labelled set.

The set is tests/data/claim_detection.jsonl (406 French and English
sentences, labelled before the detector was tuned: tests/data/README.md);
bench/claim_detection.py prints the same figures, bench/README.md reports them.

The floors sit just under what the detector measures today. They may only go
up. Lowering one says that fact-checkers will get more junk in their queue, or
lose claims, than they do now: that takes a commit of its own naming the class
of sentences that got worse and why it is accepted, never an edit made so that
another change passes. And no floor of numeric claims may go under the
targets of issue 10 (precision 0.90 at recall 0.90): the second test fails
when one does.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.support.claim_detection import Counts, Detected, Target, count, detect, load_rows

# (target, language) -> (precision floor, recall floor). Only ever raise these.
FLOORS: dict[tuple[Target, str], tuple[float, float]] = {
    ("numeric", "fr"): (0.95, 0.96),
    ("numeric", "en"): (0.96, 0.96),
    ("all", "fr"): (0.95, 0.96),
    ("all", "en"): (0.93, 0.92),
}
NUMERIC_TARGET = (0.90, 0.90)


@cache
def _detected() -> tuple[Detected, ...]:
    return tuple(detect(load_rows()))


def _describe(counts: Counts) -> str:
    return "; ".join(
        f"{'stored' if e.predicted('all') else 'missed'} [{e.row.cls}] {e.row.text[:60]}"
        for e in counts.errors[:10]
    )


@pytest.mark.parametrize(("target", "lang"), sorted(FLOORS))
def test_precision_and_recall_stay_above_their_floors(target: Target, lang: str) -> None:
    counts = count(_detected(), target, lang=lang)
    precision, recall = FLOORS[(target, lang)]
    assert counts.precision >= precision, _describe(counts)
    assert counts.recall >= recall, _describe(counts)


def test_numeric_floors_never_go_under_the_target() -> None:
    for (target, lang), (precision, recall) in FLOORS.items():
        if target == "numeric":
            assert precision >= NUMERIC_TARGET[0], lang
            assert recall >= NUMERIC_TARGET[1], lang


def test_the_labelled_set_is_the_one_described() -> None:
    rows = load_rows()
    assert len(rows) >= 300
    by_lang = {lang: sum(r.lang == lang for r in rows) for lang in ("fr", "en")}
    assert min(by_lang.values()) >= 0.45 * len(rows)
    assert all(r.cls and r.why and r.split in ("dev", "test") for r in rows)
