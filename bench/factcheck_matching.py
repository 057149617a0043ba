"""Precision and recall of matching claims against earlier fact-checks.

Reads tests/data/factcheck_pairs.jsonl (claim pairs labelled same claim or not:
paraphrases, FR<->EN translations, same figure but another claim, same topic,
unrelated), scores each pair with `claims.text.matching.score_pair` and prints,
for the dev split (where the weights and threshold were chosen), the held-out
test split and all rows: precision and recall at the threshold, then a sweep of
thresholds on dev, then per kind how many pairs were called matches.

Usage::

    .venv/bin/python bench/factcheck_matching.py
    .venv/bin/python bench/factcheck_matching.py --errors dev
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.text.matching import THRESHOLD, score_pair  # noqa: E402
from tests.support.factcheck_pairs import (  # noqa: E402
    Pair,
    Scored,
    figures,
    load_pairs,
    read,
    score_all,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--errors", choices=["dev", "test", "all"])
    parser.add_argument(
        "--index-size",
        type=int,
        default=0,
        help="also time one claim against an index of this many fact-checks (as ingest does)",
    )
    args = parser.parse_args()
    pairs = load_pairs()
    clock = time.perf_counter()
    scored = score_all(pairs)
    elapsed = time.perf_counter() - clock
    print(
        f"{len(pairs)} pairs scored in {elapsed:.2f} s "
        f"({elapsed / len(pairs) * 1000:.1f} ms a pair)"
    )
    print()
    print(f"threshold {args.threshold:.2f}")
    print("| split | pairs | precision | recall | TP | FP | FN |")
    print("|-------|-------|-----------|--------|----|----|----|")
    for split in ("dev", "test", None):
        f = figures(scored, args.threshold, split)
        print(
            f"| {split or 'all'} | {f.rows} | {f.precision:.3f} | {f.recall:.3f} "
            f"| {f.true_positives} | {f.false_positives} | {f.false_negatives} |"
        )
    print()
    print("dev sweep: threshold precision recall F1")
    for step in range(30, 81, 5):
        t = step / 100
        f = figures(scored, t, "dev")
        f1 = 2 * f.precision * f.recall / (f.precision + f.recall) if f.precision + f.recall else 0
        print(f"  {t:.2f}  {f.precision:.3f}  {f.recall:.3f}  {f1:.3f}")
    print()
    print("per kind: called matches / pairs")
    for kind in sorted({s.pair.kind for s in scored}):
        rows = [s for s in scored if s.pair.kind == kind]
        hits = sum(1 for s in rows if s.result.score >= args.threshold)
        print(f"  {kind:12} {hits}/{len(rows)}")
    if args.index_size:
        print()
        time_index(pairs, args.index_size, args.threshold)
    if args.errors:
        print()
        print_errors(scored, args.threshold, None if args.errors == "all" else args.errors)


def time_index(pairs: list[Pair], size: int, threshold: float) -> None:
    """One claim against ``size`` fact-checks: what matching costs each new claim."""
    texts = [p.factcheck for p in pairs]
    clock = time.perf_counter()
    index = [read(texts[i % len(texts)]) for i in range(size)]
    prepared = time.perf_counter() - clock
    claims = [read(p.claim) for p in pairs[:20]]
    clock = time.perf_counter()
    for claim in claims:
        for fc in index:
            score_pair(claim, fc, floor=threshold - 0.30)
    per_claim = (time.perf_counter() - clock) / len(claims)
    print(
        f"index of {size}: prepared in {prepared:.2f} s; "
        f"{per_claim * 1000:.0f} ms a claim against all of it"
    )


def print_errors(scored: list[Scored], threshold: float, split: str | None) -> None:
    for s in scored:
        if split is not None and s.pair.split != split:
            continue
        if (s.result.score >= threshold) != s.pair.match:
            label = "missed" if s.pair.match else "false match"
            print(f"{label} {s.result.score:.3f} [{s.pair.kind}] {'; '.join(s.result.reasons)}")
            print(f"    {s.pair.claim}")
            print(f"    {s.pair.factcheck}")


if __name__ == "__main__":
    main()
