"""CSV: one row per claim or per figure; formulas from hostile pages never run."""

from __future__ import annotations

import csv
import io

import pytest

from claims.reports.csv_report import spreadsheet_safe
from tests.claims.reports.conftest import Desk, ok

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+33 pays", "'+33 pays"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Le Maroc = 20.000", "Le Maroc = 20.000"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(cell: str, expected: str) -> None:
    assert spreadsheet_safe(cell) == expected


def test_csv_has_one_row_per_claim_and_no_live_formula(desk: Desk) -> None:
    result, path = desk.report("csv")
    assert ok(result)
    table = rows(path.read_text(encoding="utf-8"))
    assert sorted(int(r["id"]) for r in table) == sorted(c["id"] for c in desk.claims)
    texts = {r["text"] for r in table}
    assert any(t.startswith("'=HYPERLINK(") for t in texts)
    assert any(t.startswith("'@SUM(") for t in texts)
    assert any(t.startswith("'+33 pays") for t in texts)
    for row in table:
        for name, cell in row.items():
            assert not cell.startswith(DANGEROUS), (name, cell)
    coops = next(r for r in table if "20.000" in r["text"])
    assert coops["verdict"] == "mostly-true"
    assert coops["rationale"].startswith("'=cmd")
    assert coops["evidence_urls"] == desk.evidence_url
    # Each claim's figures, in order, as their surfaces (all a claim row reads of them).
    surfaces = {str(c["id"]): "; ".join(q["surface"] for q in c["quantities"]) for c in desk.claims}
    assert any("; " in joined for joined in surfaces.values())
    assert {r["id"]: r["figures"] for r in table} == surfaces


def test_csv_per_figure(desk: Desk) -> None:
    result, path = desk.report("csv", "--rows", "quantities")
    assert ok(result)
    table = rows(path.read_text(encoding="utf-8"))
    expected = sum(len(c["quantities"]) for c in desk.claims)
    assert len(table) == expected
    surfaces = {r["surface"] for r in table}
    assert "20.000 coopératives" in surfaces
    women_id = str(desk.claim("40 %")["id"])
    women = [r for r in table if r["claim_id"] == women_id]
    assert women
    assert {r["claim_verdict"] for r in women} == {"unverifiable"}
    assert all(r["claim_text"].startswith("'@SUM") for r in women)


def test_claims_listing_csv_still_neutralises(desk: Desk) -> None:
    out = ok(desk.cli("claims", "--format", "csv")).stdout
    for row in rows(out):
        for cell in row.values():
            assert not cell.startswith(DANGEROUS)
