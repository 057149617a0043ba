"""CSV: one row per claim, or per figure, safe to open in a spreadsheet.

Page text is hostile: a cell that starts with = + - @ (or a tab or carriage
return, which some spreadsheets skip before reading a formula) would be run
as a formula. Every text cell goes through :func:`spreadsheet_safe`, which
prefixes such cells with an apostrophe, as OWASP's CSV-injection advice says.
Numbers are written as numbers and need no guard.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import Any, BinaryIO

from claims.reports.context import ReportJob
from claims.reports.selection import Detail
from claims.reports.text import percent

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_STARTS)
_NO_DETAIL: dict[str, Any] = {}

CLAIM_COLUMNS = (
    "id",
    "status",
    "verdict",
    "verdict_label",
    "rationale",
    "reviewed_by",
    "kind",
    "claimant",
    "text",
    "figures",
    "source_url",
    "fetched_at",
    "snapshot_sha256",
    "start",
    "end",
    "evidence_count",
    "evidence_urls",
    "reasoning",
    "assignee",
    "evidence_stances",
    "evidence_freshness",
    "crosscheck",
    "deviation",
    "figure_verdicts",
    "page",
)
"""``page`` (the PDF page of the claim, empty outside a PDF) was added after 0.2;
the six before it were added in 0.2: new columns go at the end, so scripts that read
columns by position keep working. Per-evidence columns list the live evidence in
the order of ``evidence_urls``; ``crosscheck`` lists each comparison of a claimed
figure with an evidence figure (outcome and deviation), ``deviation`` is the
largest of them as a number (a signed fraction: 0.0174 is 1.74 % off)."""

QUANTITY_COLUMNS = (
    "claim_id",
    "position",
    "surface",
    "value",
    "low",
    "high",
    "kind",
    "unit",
    "approximate",
    "hedge",
    "start",
    "end",
    "claim_status",
    "claim_verdict",
    "claim_text",
    "source_url",
    "claim_kind",
    "verdict",
    "verdict_label",
    "rationale",
)


def spreadsheet_safe(cell: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    return spreadsheet_safe(str(value))


def _largest_deviation(checks: list[dict[str, Any]]) -> float | None:
    """The deviation furthest from zero: the one that decides how wrong a figure is."""
    deviations = [x["deviation"] for x in checks if x.get("deviation") is not None]
    return max(deviations, key=abs) if deviations else None


def _figure_verdicts(claim: dict[str, Any]) -> str:
    """ "figure:0 false; figure:2 true": the verdicts given to single figures."""
    return "; ".join(
        f"{target} {verdict.get('rating') or verdict.get('label')}"
        for target, verdict in sorted(claim["figure_verdicts"].items())
    )


def _outcome(check: dict[str, Any]) -> str:
    """ "within +1.7%": a cross-check's result and deviation."""
    return f"{check.get('result')} {percent(check.get('deviation'))}".strip()


def claim_row(claim: dict[str, Any]) -> list[Any]:
    detail = claim["verdict_detail"] or _NO_DETAIL
    evidence = claim["evidence"]
    live = [e for e in evidence if not e["removed"]] if evidence else evidence
    urls = stances = freshness = outcomes = deviation = None
    if live:
        urls = " ".join([e["source_url"] for e in live])
        stances = "; ".join([e["stance"] for e in live])
        freshness = "; ".join([e["freshness"] for e in live])
        checks = [x for e in live for x in e["crosscheck"]]
        if checks:
            outcomes = "; ".join([_outcome(x) for x in checks])
            deviation = _largest_deviation(checks)
    cells = (
        claim["id"],
        claim["status"],
        claim["verdict"],
        detail.get("label"),
        detail.get("why"),
        detail.get("by"),
        claim["kind"],
        claim["claimant"],
        claim["text"],
        "; ".join([q["surface"] for q in claim["quantities"]]),
        claim["source_url"],
        claim["fetched_at"],
        claim["snapshot_sha256"],
        claim["start"],
        claim["end"],
        len(live),
        urls,
        claim["reasoning"],
        claim["assignee"],
        stances,
        freshness,
        outcomes,
        deviation,
        _figure_verdicts(claim) if claim["figure_verdicts"] else None,
        claim.get("page"),
    )
    # Text cells are neutralised as spreadsheet_safe does (by a set lookup) and None
    # made empty in one pass over the row: a call per cell cost a fifth of the row.
    # Numbers (ids, offsets, counts, the deviation) are not text and need no guard.
    first = _FORMULA_FIRST
    return [
        ("'" + c if c[0] in first else c) if c.__class__ is str and c else ("" if c is None else c)
        for c in cells
    ]


def quantity_rows(claim: dict[str, Any]) -> list[list[Any]]:
    no_verdict: dict[str, Any] = {}
    rows = []
    for position, q in enumerate(claim["quantities"]):
        fv = claim["figure_verdicts"].get(f"figure:{position}", no_verdict)
        rows.append(
            [
                _cell(v)
                for v in (
                    claim["id"],
                    position,
                    q["surface"],
                    q["value"],
                    q["low"],
                    q["high"],
                    q["kind"],
                    q["unit"],
                    q["approximate"],
                    q["hedge"],
                    q["start"],
                    q["end"],
                    claim["status"],
                    claim["verdict"],
                    claim["text"],
                    claim["source_url"],
                    claim["kind"],
                    fv.get("rating"),
                    fv.get("label"),
                    fv.get("why"),
                )
            ]
        )
    return rows


def write_csv(job: ReportJob, stream: BinaryIO) -> None:
    # A BOM: spreadsheets read a BOM-less CSV as the local code page. Each page is
    # written to text, then encoded and written once: encoding row by row through
    # a "utf-8-sig" text wrapper called a Python-level encoder for every row.
    stream.write(codecs.BOM_UTF8)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    per_quantity = job.options.csv_rows == "quantities"
    writer.writerow(QUANTITY_COLUMNS if per_quantity else CLAIM_COLUMNS)
    # One row per claim prints only the surfaces of its figures: Detail.row reads no more.
    for page in job.pages(Detail.summary if per_quantity else Detail.row):
        if per_quantity:
            for claim in page:
                writer.writerows(quantity_rows(claim))
        else:
            writer.writerows([claim_row(claim) for claim in page])
        stream.write(buffer.getvalue().encode())
        buffer.seek(0)
        buffer.truncate()
    stream.write(buffer.getvalue().encode())
