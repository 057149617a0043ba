"""`python -m claims.text.quantities --lines --lang fr < text`: quantities as JSON.

Stand-in for `factdesk quantities` until the command line exposes it, and
the plug-in the evaluation scripts run:

    --lines       each input line is its own text; one JSON array per line
    --as-claims   wrap each line's quantities as one claim ({"claims": [...]}),
                  the shape `eval/score_claims.py` reads
    --values      print plug-in values for `eval/measure_numbers.py`: a number
                  per quantity, [low, high] for a range without a point value
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from claims.text.languages import SUPPORTED
from claims.text.quantities import Quantity, find_quantities


def _values(qs: list[Quantity]) -> list[Any]:
    return [q.value if q.value is not None else [q.low, q.high] for q in qs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m claims.text.quantities",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--lang", required=True, choices=SUPPORTED, help="language code")
    ap.add_argument("--lines", action="store_true", help="one text per input line")
    ap.add_argument("--as-claims", action="store_true", help="wrap as one claim per line")
    ap.add_argument("--values", action="store_true", help="plug-in values only")
    args = ap.parse_args(argv)
    data = sys.stdin.read()
    texts = data.split("\n") if args.lines else [data]
    if args.lines and texts and texts[-1] == "":
        texts.pop()
    for text in texts:
        qs = find_quantities(text, args.lang)
        out: Any
        if args.values:
            out = _values(qs)
        elif args.as_claims:
            out = {
                "claims": [
                    {
                        "text": text,
                        "start": 0,
                        "end": len(text),
                        "quantities": [q.to_json() for q in qs],
                    }
                ]
            }
        else:
            out = [q.to_json() for q in qs]
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
