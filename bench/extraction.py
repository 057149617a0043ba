"""Benchmark factdesk's main-text extraction against trafilatura and readability-lxml.

Scores each extractor on a folder of pages with ground truth, the way the public
"scrapinghub/article-extraction-benchmark" does: text is cut into ``\\w+`` tokens,
tokens into 4-token shingles, and each page gets shingle precision and recall
(normalised so that long pages weigh no more than short ones). The figures printed
are the mean precision, the mean recall, the F1 of those two means (as that
benchmark's ``evaluate.py`` computes it), the median milliseconds per page and the
ratio of that median to trafilatura's.

Dataset layout (the benchmark repository's)::

    DIR/ground-truth.json       {"<id>": {"articleBody": "...", "url": "..."}, ...}
    DIR/html/<id>.html.gz       the page, UTF-8 (or DIR/html/<id>.html)

Every extractor is handed the same decoded ``str`` so the timings compare extraction
only. Usage::

    .venv/bin/python bench/extraction.py --dataset bench/data/aeb
    .venv/bin/python bench/extraction.py --dataset bench/data/aeb --only factdesk --worst 10

Keep the data under ``bench/data/`` (git-ignored): it is never committed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sources.extraction import extract_article

Extractor = Callable[[str], str]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One benchmark page and the text a human marked as its article body."""

    key: str
    html: str
    truth: str
    url: str | None


@dataclass(frozen=True)
class Score:
    """One extractor's figures over a dataset."""

    name: str
    f1: float
    precision: float
    recall: float
    median_ms: float
    per_page: dict[str, tuple[float, float]]


def load_dataset(folder: Path) -> list[Page]:
    """Read ground-truth.json and the html/ folder beside it."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        gz = folder / "html" / f"{key}.html.gz"
        plain = folder / "html" / f"{key}.html"
        if gz.exists():
            with gzip.open(gz, "rt", encoding="utf-8", errors="replace") as handle:
                html = handle.read()
        elif plain.exists():
            html = plain.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        pages.append(Page(key, html, item.get("articleBody") or "", item.get("url")))
    return pages


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(count) if tokens[i : i + SHINGLE])


def shingle_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of 4-token shingles, as the benchmark's evaluate.py."""
    want, got = _shingles(truth), _shingles(pred)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        w, g = want.get(key, 0), got.get(key, 0)
        tp += min(w, g)
        fp += max(0, g - w)
        fn += max(0, w - g)
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def run(name: str, extractor: Extractor, pages: list[Page], repeat: int) -> Score:
    """Extract every page (``repeat`` times, keeping the fastest) and score it."""
    times: list[float] = []
    precisions: list[float] = []
    recalls: list[float] = []
    per_page: dict[str, tuple[float, float]] = {}
    for page in pages:
        best = float("inf")
        text = ""
        for _ in range(repeat):
            start = time.perf_counter()
            text = extractor(page.html) or ""
            best = min(best, time.perf_counter() - start)
        times.append(best * 1000)
        tp, fp, fn = shingle_scores(page.truth, text)
        p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
        if tp + fp > 0:
            precisions.append(p)
        if tp + fn > 0:
            recalls.append(r)
        per_page[page.key] = (p, r)
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(name, f1, precision, recall, statistics.median(times), per_page)


def trafilatura_extractor(html: str) -> str:
    """trafilatura as the benchmark repository runs it."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def readability_extractor(html: str) -> str:
    """readability-lxml's summary, flattened to text with a line per block."""
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    tree = lxml.html.fromstring(summary)
    for block in tree.iter("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", tree.text_content()).strip()


def factdesk_extractor(html: str) -> str:
    """factdesk's extraction, from the same decoded text."""
    return extract_article(html).text


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura": trafilatura_extractor,
    "readability": readability_extractor,
    "factdesk": factdesk_extractor,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True, help="folder of html/ + truth")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS), help="repeatable")
    parser.add_argument("--limit", type=int, default=0, help="first N pages only")
    parser.add_argument("--repeat", type=int, default=1, help="runs per page; fastest kept")
    parser.add_argument("--worst", type=int, default=0, help="list factdesk's N worst pages")
    args = parser.parse_args(argv)

    pages = load_dataset(args.dataset)
    if args.limit:
        pages = pages[: args.limit]
    if not pages:
        print(f"no pages found under {args.dataset}", file=sys.stderr)
        return 1
    names = args.only or list(EXTRACTORS)
    if "trafilatura" not in names:
        names = ["trafilatura", *names]
    # Warm up imports and lazily loaded models so the first page is not charged for them.
    for name in names:
        for page in pages[:3]:
            EXTRACTORS[name](page.html)
    # factdesk loads its language model on the first page that declares no language.
    extract_article("<p>Un texte en français, sans langue déclarée, pour charger le modèle.</p>")
    scores = [run(name, EXTRACTORS[name], pages, args.repeat) for name in names]
    reference = next(s for s in scores if s.name == "trafilatura").median_ms
    print(f"{len(pages)} pages from {args.dataset}")
    print(f"{'extractor':<14}{'F1':>7}{'prec':>7}{'recall':>8}{'ms/page':>10}{'x trafi':>9}")
    for s in scores:
        ratio = s.median_ms / reference if reference else float("nan")
        print(
            f"{s.name:<14}{s.f1:>7.3f}{s.precision:>7.3f}{s.recall:>8.3f}"
            f"{s.median_ms:>10.1f}{ratio:>9.2f}"
        )
    if args.worst:
        ours = next((s for s in scores if s.name == "factdesk"), None)
        theirs = next(s for s in scores if s.name == "trafilatura")
        if ours is not None:
            ranked = sorted(ours.per_page.items(), key=lambda kv: _f1(*kv[1]))
            for key, (p, r) in ranked[: args.worst]:
                tp_, tr_ = theirs.per_page[key]
                print(
                    f"{key[:16]}  factdesk P={p:.2f} R={r:.2f}  trafilatura P={tp_:.2f} R={tr_:.2f}"
                )
    return 0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
