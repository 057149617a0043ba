"""Report exports at scale: time and peak memory per format, for N claims.

Builds a SQLite database of N claims with figures, evidence, cross-checks and
review history (bulk inserts, one article snapshot per 50 claims, evidence
quoting 200 shared snapshots), then exports it to every format, each in its
own process so that peak memory (max RSS) is that export's alone.

    .venv/bin/python bench/reports.py --claims 10000 100000
    .venv/bin/python bench/reports.py --claims 100000 --formats json csv --keep /tmp/fd-bench
    .venv/bin/python bench/reports.py --claims 100000 --formats json --repeat 3 \
        --baseline /tmp/fd-before --keep /tmp/fd-bench

Prints, per size and format: seconds, claims per CPU second, output size,
peak RSS of the export process and its growth over the process before the
export (imports and an open database). Streaming means the growth does not
depend on N. With ``--repeat N`` every export runs N times and the medians
are printed. With ``--baseline DIR`` (another copy of the code, e.g. a
``git worktree`` of the previous commit) each export also runs with DIR's
code on the same database, the two taking turns so that both see the same
load of a shared machine, and the table shows them side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# The code measured: this checkout, or the baseline a --baseline run hands its
# child processes in FACTDESK_BENCH_CODE (the tables written are the same in both).
sys.path.insert(
    0, os.environ.get("FACTDESK_BENCH_CODE") or str(Path(__file__).resolve().parents[1])
)

from sqlalchemy import insert

from db.engine import Database
from db.migrate import upgrade
from db.models import (
    Body,
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    ReviewEvent,
    Snapshot,
    Source,
)
from db.urls import sqlite_url

CODE_ENV = "FACTDESK_BENCH_CODE"
FORMATS = ["json", "csv", "md", "html", "claimreview", "prov", "warc", "bundle"]
CLAIMS_PER_ARTICLE = 50
EVIDENCE_PAGES = 200
CHUNK = 20_000

SENTENCE = (
    "Selon le ministère, le Maroc compte aujourd'hui {n} coopératives, soit {p} pc de "
    "l'ensemble des coopératives actives dans le monde arabe."
)


def _chunks(rows: list[dict[str, Any]]) -> Any:
    for i in range(0, len(rows), CHUNK):
        yield rows[i : i + CHUNK]


def build(path: Path, n: int) -> str:
    """A migrated SQLite database at ``path`` holding ``n`` reviewed claims."""
    url = sqlite_url(path)
    database = Database(url)
    upgrade(database.engine)
    rng = random.Random(n)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    articles = (n + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    pages = articles + EVIDENCE_PAGES
    sources, snapshots, bodies = [], [], []
    sentences: dict[int, list[tuple[str, int, int]]] = {}
    for sid in range(1, pages + 1):
        is_article = sid <= articles
        url_ = f"https://news.example/{sid}" if is_article else f"https://registry.example/{sid}"
        parts, text_parts, offset = [], [], 0
        count = CLAIMS_PER_ARTICLE if is_article else 3
        spans = []
        for k in range(count):
            sentence = SENTENCE.format(n=f"{rng.randint(1, 99)}.{rng.randint(100, 999)}", p=k)
            parts.append(f"<p>{sentence}</p>")
            text_parts.append(sentence)
            spans.append((sentence, offset, offset + len(sentence)))
            offset += len(sentence) + 2
        sentences[sid] = spans
        html = f"<html><body><article>{''.join(parts)}</article></body></html>".encode()
        text = "\n\n".join(text_parts)
        digest = hashlib.sha256(html).hexdigest()
        fetched = start + timedelta(minutes=sid)
        bodies.append(
            {
                "sha256": digest,
                "size": len(html),
                "codec": "zlib",
                "data": zlib.compress(html, 6),
                "created_at": fetched,
            }
        )
        sources.append(
            {
                "id": sid,
                "url": url_,
                "created_at": fetched,
                "health": "ok",
                "check_interval_s": 86400,
                "consecutive_failures": 0,
            }
        )
        snapshots.append({
            "id": sid, "source_id": sid, "fetched_at": fetched, "final_url": url_,
            "http_status": 200, "headers": [["Content-Type", "text/html; charset=utf-8"]],
            "media_type": "text/html", "charset": "utf-8", "charset_source": "header",
            "replaced_bytes": False, "body_sha256": digest, "body_size": len(html),
            "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "title": f"Article {sid}", "language": "fr", "jsonld": [],
            "extractor": "bench", "created_at": fetched,
        })  # fmt: skip
    claims, quantities, evidence, events, states = [], [], [], [], []
    for cid in range(1, n + 1):
        sid = (cid - 1) // CLAIMS_PER_ARTICLE + 1
        sentence, s0, s1 = sentences[sid][(cid - 1) % CLAIMS_PER_ARTICLE]
        at = start + timedelta(days=1, seconds=cid)
        claims.append({
            "id": cid, "snapshot_id": sid, "source_id": sid, "text": sentence, "start": s0,
            "end": s1, "spans": [[s0, s1]], "exact": sentence, "prefix": "", "suffix": "",
            "kind": "numeric", "claimant": "Jamila Elmoussali", "subject": "coopératives",
            "language": "fr", "checkworthiness": 0.8, "fingerprint": f"{cid:064x}",
            "extractor": "bench", "derived_from": [], "created_at": at,
        })  # fmt: skip
        for pos in range(2):
            quantities.append({
                "claim_id": cid, "position": pos, "value": 20000.0 + pos, "kind": "count",
                "unit": "coopératives", "approximate": False, "surface": "20.000 coopératives",
                "start": s0 + 50, "end": s0 + 68,
            })  # fmt: skip
        esid = articles + 1 + cid % EVIDENCE_PAGES
        quote, e0, e1 = sentences[esid][cid % 3]
        evidence.append({
            "id": cid, "claim_id": cid, "snapshot_id": esid, "source_id": esid,
            "stance": "supports", "exact": quote, "prefix": "", "suffix": "", "start": e0,
            "end": e1, "anchor_method": "exact", "anchor_score": 1.0, "proposed": False,
            "note": None, "added_by": "amina", "added_at": at,
            "crosscheck": [{"claimed": {"surface": "20.000 coopératives", "value": 20000.0},
                            "evidence": {"surface": "20.347 coopératives", "value": 20347.0},
                            "result": "within", "deviation": 0.0173,
                            "reason": "within rounding"}],
        })  # fmt: skip
        verdict = {"rating": "mostly-true", "label": "Mostly true", "value": 4}
        events += [
            {"claim_id": cid, "version": 1, "at": at, "reviewer": "amina",
             "action": "evidence_added", "evidence_id": cid,
             "after": {"stance": "supports", "quote": quote, "source": "x"}},
            {"claim_id": cid, "version": 2, "at": at, "reviewer": "amina",
             "action": "verdict", "after": verdict, "text": "Registry counts 20,347"},
            {"claim_id": cid, "version": 3, "at": at, "reviewer": "amina",
             "action": "status", "before": "new", "after": "checked"},
        ]  # fmt: skip
        states.append({"claim_id": cid, "version": 3, "status": "checked",
                       "verdict": verdict["rating"], "evidence_count": 1,
                       "updated_at": at})  # fmt: skip
    # executemany takes its columns from the first row: give every row every key.
    blank = {"before": None, "after": None, "text": None, "target": None, "evidence_id": None}
    events = [{**blank, **event} for event in events]
    with database.write() as session:
        for model, rows in (
            (Body, bodies), (Source, sources), (Snapshot, snapshots), (Claim, claims),
            (ClaimQuantity, quantities), (Evidence, evidence), (ReviewEvent, events),
            (ClaimState, states),
        ):  # fmt: skip
            for chunk in _chunks(rows):
                session.execute(insert(model), chunk)
    database.dispose()
    return url


def peak_rss_kib() -> int:
    """This process's peak resident set (VmHWM): unlike ru_maxrss, exec resets it,
    so a child does not inherit the peak of the parent that built the database."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_one(url: str, fmt: str, out: Path) -> dict[str, Any]:
    """Export in this process; measure time and memory (call in a fresh process)."""
    from claims.reports import ReportFormat, ReportSelection, export_report

    database = Database(url)
    with database.read() as session:  # warm the connection pool and the ORM
        session.get(Claim, 1)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    before, cpu_before = peak_rss_kib(), usage.ru_utime + usage.ru_stime
    began = time.perf_counter()
    summary = export_report(database, ReportFormat(fmt), ReportSelection(), output=out)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    after, cpu = peak_rss_kib(), usage.ru_utime + usage.ru_stime - cpu_before
    return {
        "format": fmt,
        "claims": summary.claims,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        # On a shared machine wall time includes other processes' turns; CPU time
        # is what the export itself costs.
        "claims_per_cpu_s": round(summary.claims / cpu),
        "mib_out": round(out.stat().st_size / 2**20, 1),
        "peak_rss_mib": round(after / 1024, 1),
        "rss_growth_mib": round((after - before) / 1024, 1),
    }


def _export_in_child(url: str, fmt: str, out: Path, code: Path | None) -> dict[str, Any]:
    env = dict(os.environ)
    if code is not None:
        env[CODE_ENV] = str(code)
    done = subprocess.run(
        [sys.executable, __file__, "--run", url, fmt, str(out)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return row


_MEDIANS = ("seconds", "cpu_seconds", "claims_per_cpu_s", "peak_rss_mib", "rss_growth_mib")


def _median(rows: list[dict[str, Any]]) -> dict[str, Any]:
    merged = dict(rows[0])
    for key in _MEDIANS:
        merged[key] = statistics.median(row[key] for row in rows)
    merged["claims_per_cpu_s"] = round(merged["claims_per_cpu_s"])
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    parser.add_argument("--keep", type=Path, help="Keep databases and outputs in this folder.")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="Run each export N times; print medians."
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="Another copy of the code (a worktree of the previous commit) to compare with.",
    )
    parser.add_argument("--run", nargs=3, metavar=("URL", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        url, fmt, out = args.run
        print(json.dumps(run_one(url, fmt, Path(out))))
        return
    if args.repeat < 1:
        parser.error("--repeat needs 1 or more")
    if args.baseline is not None and not (args.baseline / "claims" / "reports").is_dir():
        parser.error(f"--baseline {args.baseline}: no claims/reports there; give a factdesk copy")
    work = args.keep or Path(tempfile.mkdtemp(prefix="factdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    codes: list[tuple[str, Path | None]] = [("after", None)]
    if args.baseline is not None:
        codes.insert(0, ("before", args.baseline.resolve()))
    results: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for n in args.claims:
        db_path = work / f"bench-{n}.sqlite3"
        if not db_path.exists():
            began = time.perf_counter()
            build(db_path, n)
            print(f"built {n:,} claims in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        for fmt in args.formats:
            runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in codes}
            for _ in range(args.repeat):
                for label, code in codes:  # taking turns: both see the same machine load
                    out = work / f"report-{n}-{label}.{fmt}"
                    row = _export_in_child(sqlite_url(db_path), fmt, out, code)
                    runs[label].append(row)
                    print(f"{label:>6} {_line(row)}", file=sys.stderr)
            after = _median(runs["after"])
            before = _median(runs["before"]) if "before" in runs else None
            results.append((after, before))
    medians = f" (medians of {args.repeat})" if args.repeat > 1 else ""
    if args.baseline is not None:
        print(f"before: {args.baseline}; after: this checkout{medians}")
        print(
            f"{'claims':>8} {'format':<12} {'CPU s before':>12} {'CPU s after':>12} "
            f"{'claims/CPU s before':>19} {'after':>8} {'RSS growth before':>17} {'after':>7}"
        )
        for after, before in results:
            assert before is not None
            print(
                f"{after['claims']:>8,} {after['format']:<12} {before['cpu_seconds']:>12.2f} "
                f"{after['cpu_seconds']:>12.2f} {before['claims_per_cpu_s']:>19,} "
                f"{after['claims_per_cpu_s']:>8,} {before['rss_growth_mib']:>16.1f}M "
                f"{after['rss_growth_mib']:>6.1f}M"
            )
        return
    header = f"{'claims':>8} {'format':<12} {'wall s':>7} {'CPU s':>7} {'claims/CPU s':>12} "
    header += f"{'MiB out':>8} {'peak RSS':>9} {'RSS growth':>10}"
    if medians:
        print(f"medians of {args.repeat} runs")
    print(header)
    for after, _ in results:
        print(_line(after))


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['claims']:>8,} {row['format']:<12} {row['seconds']:>7.2f} "
        f"{row['cpu_seconds']:>7.2f} {row['claims_per_cpu_s']:>12,} {row['mib_out']:>8.1f} "
        f"{row['peak_rss_mib']:>8.1f}M {row['rss_growth_mib']:>9.1f}M"
    )


if __name__ == "__main__":
    main()
