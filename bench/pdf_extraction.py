"""PDF text extraction: time per page, and table rows read as "label figures" lines.

Builds a report of N pages (a paragraph and a 15-row table of figures on
each, as statistics offices publish them) with fpdf2, then times
``sources.extraction.pdf.extract_pdf`` on it beside pypdf's plain mode, and
counts the table rows that came out as one "label figure figure" line.

    .venv/bin/python bench/pdf_extraction.py --pages 100 --runs 3
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdf
from fpdf import FPDF

from sources.extraction.pdf import extract_pdf

ROWS = 15
PROSE = (
    "Le ministère a recensé 27.262 coopératives actives en 2023, selon le rapport "
    "publié en juin, contre 25.100 un an plus tôt. "
) * 8


def row(page: int, index: int) -> tuple[str, str, str]:
    return (f"Région {page}-{index}", f"{index * 1000 + 12}.{index:03d}", f"{index * 7},5 %")


def build(pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 5, PROSE)
        with pdf.table() as table:
            for index in range(ROWS):
                cells = table.row()
                for cell in row(page, index):
                    cells.cell(cell)
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    body = build(args.pages)
    timings: list[float] = []
    plain: list[float] = []
    text = ""
    for _ in range(args.runs):
        start = time.perf_counter()
        text = extract_pdf(body, name="bench.pdf", max_bytes=20 << 20).article.text
        timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        for page in pypdf.PdfReader(io.BytesIO(body)).pages:
            page.extract_text()
        plain.append(time.perf_counter() - start)
    lines = set(text.splitlines())
    found = sum(
        " ".join(row(page, index)) in lines for page in range(args.pages) for index in range(ROWS)
    )
    best, base = min(timings), min(plain)
    print(f"{args.pages} pages, {len(body) / 1024:.0f} KiB, {len(text):,} characters")
    print(f"factdesk (pypdf layout + tidy): {best:.2f} s best of {args.runs}, "
          f"{best / args.pages * 1000:.1f} ms/page (median {statistics.median(timings):.2f} s)")
    print(f"pypdf plain mode:               {base:.2f} s, {base / args.pages * 1000:.1f} ms/page")
    print(f"table rows read as one 'label figures' line: {found}/{args.pages * ROWS}")


if __name__ == "__main__":
    main()
