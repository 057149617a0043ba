"""Precision and recall of claim detection on the labelled sentences.

Reads tests/data/claim_detection.jsonl (what it holds and how it was labelled:
tests/data/README.md), runs `extract_claims` on each row and prints, per split
(dev, test = held out, all) and language, precision and recall for all claims
and for numeric claims; then, per class, how many rows were stored (or
missed), and the mean check-worthiness of what was stored per class.

Usage::

    .venv/bin/python bench/claim_detection.py
    .venv/bin/python bench/claim_detection.py --errors dev     # list the dev errors

Tune on dev errors only: the test split's rows stay unread, its totals say
whether a change generalises.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.claim_detection import (  # noqa: E402
    Detected,
    Target,
    count,
    detect,
    load_rows,
)

SPLITS: tuple[str | None, ...] = ("dev", "test", None)
LANGS: tuple[str | None, ...] = ("fr", "en", None)
TARGETS: tuple[Target, ...] = ("all", "numeric")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--errors",
        choices=["dev", "test", "all"],
        help="also list the rows detected wrongly in this split",
    )
    args = parser.parse_args()
    detected = detect(load_rows())
    print_figures(detected)
    print()
    print_classes(detected)
    if args.errors:
        print()
        print_errors(detected, None if args.errors == "all" else args.errors)


def print_figures(detected: list[Detected]) -> None:
    print("| split | lang | rows | claims P | claims R | numeric P | numeric R | numeric gold |")
    print("|---|---|---|---|---|---|---|---|")
    for split in SPLITS:
        for lang in LANGS:
            rows = [
                d
                for d in detected
                if (split is None or d.row.split == split) and (lang is None or d.row.lang == lang)
            ]
            every = count(rows, "all")
            numeric = count(rows, "numeric")
            print(
                f"| {split or 'all'} | {lang or 'both'} | {len(rows)} "
                f"| {every.precision:.3f} | {every.recall:.3f} "
                f"| {numeric.precision:.3f} | {numeric.recall:.3f} | {numeric.tp + numeric.fn} |"
            )


def print_classes(detected: list[Detected]) -> None:
    by_class: dict[tuple[bool, str], list[Detected]] = defaultdict(list)
    for item in detected:
        by_class[(item.row.is_claim, item.row.cls)].append(item)
    print("| class | claim | rows | stored | mean check-worthiness of stored |")
    print("|---|---|---|---|---|")
    for (is_claim, cls), items in sorted(by_class.items(), key=lambda kv: (not kv[0][0], kv[0][1])):
        stored = [d for d in items if d.claim]
        scores = [max(d.scores) for d in stored]
        mean = f"{statistics.mean(scores):.2f}" if scores else "-"
        print(f"| {cls} | {'yes' if is_claim else 'no'} | {len(items)} | {len(stored)} | {mean} |")


def print_errors(detected: list[Detected], split: str | None) -> None:
    for target in TARGETS:
        counts = count(detected, target, split=split)
        print(f"## {target} claims: {len(counts.errors)} errors")
        for item in counts.errors:
            verdict = "stored, not a claim" if item.predicted(target) else "missed"
            print(f"- [{item.row.lang} {item.row.cls}] {verdict}: {item.row.text}")


if __name__ == "__main__":
    main()
