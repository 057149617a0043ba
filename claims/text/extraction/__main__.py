"""Command line: `python -m claims.text.extraction [--lines] --lang CODE [FILE|-]`.

Reads text (a file, or standard input) and prints its claims as JSON, the
"Claim extraction contract" of DESIGN.md. With --lines, each input line is
its own text and each output line is one JSON object {"claims": [...]}, in
input order. Errors go to stderr as one line; exit 1 on bad input, 2 on bad
usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from claims.text.extraction.errors import ExtractionError
from claims.text.extraction.extract import extract_claims
from claims.text.languages import SUPPORTED


def _claims_json(text: str, lang: str) -> dict[str, object]:
    return {"claims": [c.to_json() for c in extract_claims(text, lang)]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.text.extraction", description=__doc__)
    parser.add_argument("file", nargs="?", default="-", help="text file, or - for stdin")
    parser.add_argument("--lang", required=True, choices=SUPPORTED)
    parser.add_argument("--lines", action="store_true", help="one text per input line")
    args = parser.parse_args(argv)
    try:
        source = sys.stdin if args.file == "-" else None
        data = source.read() if source else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read {args.file}: {exc}; give a readable UTF-8 text file", file=sys.stderr)
        return 1
    try:
        if args.lines:
            for line in data.splitlines():
                print(json.dumps(_claims_json(line, args.lang), ensure_ascii=False))
        else:
            print(json.dumps(_claims_json(data, args.lang), ensure_ascii=False, indent=2))
    except ExtractionError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
