"""Speed of claim extraction beside quantulum3 and text2num, on the same sentences.

The text is the demo corpus's article and source pages (their main text, as
ingest stores it), per language, repeated to the size asked. Each copy gets a
made-up lowercase word before every sentence's final mark ("... personnes
qxab.") so no sentence repeats: `extract_claims` stores a repeated sentence
once and would otherwise skip its work.

Printed, per language and size, as medians over --runs runs:
- factdesk: sentences per second of `extract_claims` on the whole text, in a
  fresh child process, and that child's peak RSS (`resource.getrusage`);
- text2num: `text_to_num.alpha2digit(sentence, lang)` on each sentence;
- quantulum3: `quantulum3.parser.parse(sentence)` on each sentence (it reads
  English only; French sentences are handed to it all the same). It runs on
  the first --sample sentences only: it is two orders of magnitude slower.
Then the time of the first extraction in a fresh process (imports included),
and, with --fifty, one extraction of a 50 MB French text: seconds and peak RSS.

Usage::

    .venv/bin/python bench/claims_speed.py                     # 200 KB and 5 MB, 3 runs
    .venv/bin/python bench/claims_speed.py --sizes 200000 --runs 5 --fifty

quantulum3 is a bench-only dependency (`pip install quantulum3`); text2num is
one of factdesk's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.text.extraction import extract_claims, split_sentences  # noqa: E402
from sources.decoding import decode_body  # noqa: E402
from sources.extraction import extract_article  # noqa: E402

DEMO = ROOT / "sources" / "demo"
FIRST_EXTRACTION = (
    "import time; t=time.perf_counter(); from claims.text.extraction import extract_claims; "
    "extract_claims('Le nombre a atteint 20.000 coopératives.', 'fr'); "
    "print(time.perf_counter()-t)"
)


def corpus(lang: str) -> list[str]:
    """The main text of every demo page in `lang` (the hostile fixtures left out)."""
    entries = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    return [
        extract_article(decode_body((DEMO / e["file"]).read_bytes()).text, url=e["url"]).text
        for e in entries
        if e["lang"] == lang and e["file"].endswith(".html") and not e["file"].startswith("hostile")
    ]


def _tag(n: int) -> str:
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters += chr(ord("a") + digit)
        if n == 0:
            return "qx" + letters


def big_text(lang: str, size: int) -> str:
    """The corpus repeated to at least `size` characters, every copy's sentences made unique."""
    pages = corpus(lang)
    sentences = [s for page in pages for s in split_sentences(page, lang)]
    copies: list[str] = []
    total = 0
    copy = 0
    while total < size:
        tag = _tag(copy)
        parts = []
        for s in sentences:
            body = s.text.rstrip(".!?…»”\"') ")
            parts.append(f"{body} {tag}{s.text[len(body) :]}")
        chunk = "\n\n".join(parts)
        copies.append(chunk)
        total += len(chunk) + 2
        copy += 1
    return "\n\n".join(copies)


def child(lang: str, size: int, runs: int) -> None:
    """Runs in a fresh process: prints {sentences, seconds, maxrss_mb} as JSON."""
    text = big_text(lang, size)
    sentences = len(split_sentences(text, lang))
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        extract_claims(text, lang)
        seconds.append(time.perf_counter() - start)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sentences": sentences, "seconds": seconds, "maxrss_mb": rss_kb / 1024}))


def run_child(lang: str, size: int, runs: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", lang, str(size), str(runs)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def per_sentence(fn: Callable[[str], object], sentences: list[str], runs: int) -> float:
    """Median sentences per second of `fn` called on each sentence."""
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for s in sentences:
            fn(s)
        rates.append(len(sentences) / (time.perf_counter() - start))
    return statistics.median(rates)


def competitors(lang: str) -> dict[str, Callable[[str], object]]:
    tools: dict[str, Callable[[str], object]] = {}
    try:
        from text_to_num import alpha2digit
    except ImportError:
        print("  (text2num not installed: skipped)")
    else:
        tools["text2num"] = lambda s: alpha2digit(s, lang)
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser  # type: ignore[import-untyped]
    except ImportError:
        print("  (quantulum3 not installed: skipped; pip install quantulum3)")
    else:
        tools["quantulum3"] = parser.parse
    return tools


def first_extraction(runs: int) -> float:
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_EXTRACTION],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        times.append(float(done.stdout.strip()))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 5_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=2_000, help="sentences for quantulum3")
    parser.add_argument("--fifty", action="store_true", help="also one 50 MB French text")
    parser.add_argument(
        "--child", nargs=3, metavar=("LANG", "SIZE", "RUNS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return

    print(f"medians over {args.runs} runs; sentences per second (one core)")
    print(
        f"{'lang':4} {'size':>10} {'sentences':>9} {'factdesk':>9} {'text2num':>9} "
        f"{'quantulum3':>10} {'peak RSS':>9}"
    )
    for size in args.sizes:
        for lang in ("fr", "en"):
            mine = run_child(lang, size, args.runs)
            rate = mine["sentences"] / statistics.median(mine["seconds"])
            sentences = [s.text for s in split_sentences(big_text(lang, size), lang)]
            rates = {}
            for name, fn in competitors(lang).items():
                sample = sentences[: args.sample] if name == "quantulum3" else sentences
                rates[name] = per_sentence(fn, sample, args.runs)
            cells = [f"{rates[n]:>9.0f}" if n in rates else f"{'-':>9}" for n in ("text2num",)]
            q = f"{rates['quantulum3']:>10.0f}" if "quantulum3" in rates else f"{'-':>10}"
            print(
                f"{lang:4} {size:>10,} {mine['sentences']:>9,} {rate:>9.0f} {cells[0]} {q} "
                f"{mine['maxrss_mb']:>7.0f}MB",
                flush=True,
            )
    print(f"first extraction in a fresh process: {first_extraction(args.runs):.2f} s (median)")
    if args.fifty:
        big = run_child("fr", 50_000_000, 1)
        print(
            f"50 MB French text: {big['sentences']:,} sentences in {big['seconds'][0]:.1f} s, "
            f"peak RSS {big['maxrss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
