"""Speed and memory of `claims.text.quantities.find_quantities`.

Prints milliseconds per sentence over the shared evaluation sentences (suites
and dev set, in-process, after a warm-up), then the time and peak resident
memory of one call on a long synthetic news text (default 50 MB), which must
stay linear in time and bounded in memory. Usage::

    .venv/bin/python bench/quantities.py
    .venv/bin/python bench/quantities.py --big-mb 5 --eval-dir ../shared/eval
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from claims.text.quantities import find_quantities

_NEWS = (
    "Plus de 1 300 jeunes ont bénéficié du programme, soit 12,5 % de plus qu'en 2019. "
    "L'investissement atteint 4,2 milliards de dirhams pour une cinquantaine de pays.\n"
    "About 20,000 cooperatives are registered; revenue reached €3.1 million, up 8 per cent "
    "over the next ten years, and 2.8 million tonnes were exported.\n"
)


def _sentences(eval_dir: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in ("text2num-fr.jsonl", "quantulum-en.jsonl", "claims-dev.jsonl"):
        path = eval_dir / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                out.append((rec.get("input") or rec["text"], rec["lang"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    # The shared folder sits beside the checkout.
    beside = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
    ap.add_argument("--eval-dir", type=Path, default=beside)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--big-mb", type=float, default=50.0)
    args = ap.parse_args()

    sentences = _sentences(args.eval_dir)
    for text, lang in sentences:  # warm-up: regex compilation, text2num load
        find_quantities(text, lang)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for text, lang in sentences:
            find_quantities(text, lang)
    per = (time.perf_counter() - t0) * 1000 / max(1, args.repeat * len(sentences))
    print(f"sentences: {len(sentences)}  ms/sentence: {per:.3f}")

    if args.big_mb > 0:
        size = int(args.big_mb * 1_000_000)
        big = (_NEWS * (size // len(_NEWS) + 1))[:size]
        t0 = time.perf_counter()
        qs = find_quantities(big, "fr")
        secs = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"long text: {len(big) / 1e6:.0f} MB  {secs:.1f} s  "
            f"{len(big) / 1e6 / secs:.2f} MB/s  {len(qs)} quantities  peak RSS {peak_mb:.0f} MB"
        )


if __name__ == "__main__":
    main()
