"""Precision and recall of matching claims against earlier fact-checks.

Reads tests/data/factcheck_pairs.jsonl (claim pairs labelled same claim or not:
paraphrases, FR<->EN translations, same figure but another claim, same topic,
unrelated), scores each pair with `claims.text.matching.score_pair` and prints,
for the dev split (where the weights and threshold were chosen), the held-out
test split and all rows: precision and recall at the threshold, then a sweep of
thresholds on dev, then per kind how many pairs were called matches.

With ``--db-index N`` it also imports N reviews (this set's fact-checks, each
with its own URL, as one DataFeed file) into a fresh SQLite database and times
`factchecks match` as a user meets it: the first match in a process (key terms
read from the index, stored at import), the median of later ones, and the first
match when the terms must be found again (reviews imported before migration 0015).

Usage::

    .venv/bin/python bench/factcheck_matching.py
    .venv/bin/python bench/factcheck_matching.py --errors dev
    .venv/bin/python bench/factcheck_matching.py --db-index 20000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
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
    parser.add_argument(
        "--db-index",
        type=int,
        default=0,
        help="also time `factchecks match` against a SQLite index of this many reviews",
    )
    parser.add_argument("--runs", type=int, default=9, help="later matches timed (--db-index)")
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
    if args.db_index:
        print()
        time_database(pairs, args.db_index, args.runs)
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


def _code(number: int) -> str:
    letters = ""
    for _ in range(4):
        number, digit = divmod(number, 26)
        letters += chr(ord("q") + digit % 10) + chr(ord("b") + digit // 10)
    return letters


def _datafeed(pairs: list[Pair], size: int) -> dict[str, object]:
    # Each review's text is its own (a made-up word of eight letters appended), as
    # in a real index: nothing found for one review serves another.
    texts = [p.factcheck for p in pairs]
    items = [
        {
            "@type": "DataFeedItem",
            "item": [
                {
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": f"https://factcheck.example/review/{i}",
                    "claimReviewed": f"{texts[i % len(texts)]} ({_code(i)})",
                    "datePublished": "2024-03-02",
                    "author": {"@type": "Organization", "name": "Bench Check"},
                    "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"},
                }
            ],
        }
        for i in range(size)
    ]
    return {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": items}


def time_database(pairs: list[Pair], size: int, runs: int) -> None:
    """`factchecks match` against ``size`` imported reviews, first and later matches."""
    from claims.factchecks import import_factchecks, match_text
    from claims.factchecks.matching import forget_indexes
    from claims.factchecks.terms import forget
    from db.engine import Database
    from db.migrate import upgrade
    from db.urls import sqlite_url
    from sources.fetching import FetchPolicy

    claims = [p.claim for p in pairs if p.match][: runs + 1]
    with tempfile.TemporaryDirectory() as directory:
        feed = Path(directory) / "feed.json"
        feed.write_text(json.dumps(_datafeed(pairs, size)), encoding="utf-8")
        database = Database(sqlite_url(Path(directory) / "bench.sqlite3"))
        upgrade(database.engine)
        engine = database.engine
        policy = FetchPolicy(max_body_bytes=1 << 30, max_wire_bytes=1 << 30)
        clock = time.perf_counter()
        import_factchecks(database, str(feed), policy=policy)
        imported = time.perf_counter() - clock
        forget()
        forget_indexes()  # a new process: nothing found yet
        with database.read() as session:
            first = _timed(lambda: match_text(session, claims[0]))
            later = [_timed(partial(match_text, session, c)) for c in claims[1:]]
        # As an index imported before its terms were kept: found again at the first match.
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM fact_check_terms")
        forget()
        forget_indexes()
        with database.read() as session:
            unkept = _timed(lambda: match_text(session, claims[0]))
        database.dispose()
    print(f"SQLite index of {size:,} reviews (imported in {imported:.1f} s):")
    print("  (wall ms / CPU ms; the CPU figure is the one a shared machine does not blur)")
    print(f"  first match in a process      {first[0] * 1000:.0f} / {first[1] * 1000:.0f}")
    print(
        f"  later matches, median of {len(later)}   "
        f"{statistics.median(w for w, _ in later) * 1000:.0f} / "
        f"{statistics.median(c for _, c in later) * 1000:.0f}"
    )
    print(f"  first match, terms not kept   {unkept[0] * 1000:.0f} / {unkept[1] * 1000:.0f}")


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``work``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


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
