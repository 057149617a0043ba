"""Claims and evidence quotes read from a PDF cite their page in every report.

A two-page PDF (prose on page 1, a paragraph and a table on page 2) is served
by the loopback server, ingested, and quoted as evidence (a table row on page
2). JSON carries ``page``, the CSV a ``page`` column, Markdown and HTML print
"p. N" as ``factdesk show`` and the claim screen do; claims of a web page
have no page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.claims.reports.conftest import Desk, ok
from tests.sources.reading import pdfs
from tests.support.httpserver import HTTPTestServer


@dataclass
class PdfDesk:
    desk: Desk
    pdf_claim: dict[str, Any]
    """The claim read from page 2 of the PDF."""
    web_claim: dict[str, Any]
    """A claim of the web article, quoting the PDF's table row (page 2) as evidence."""


@pytest.fixture
def pdf_desk(desk: Desk, http_server: HTTPTestServer) -> PdfDesk:
    http_server.route("/rapport.pdf", pdfs.report_pdf(), content_type="application/pdf")
    url = http_server.url("/rapport.pdf")
    ok(desk.cli("ingest", url, "--lang", "fr"))
    claims = json.loads(ok(desk.cli("claims", "--format", "json")).stdout)["claims"]
    pdf_claim = next(c for c in claims if "120.000 personnes" in c["text"])
    web_claim = desk.claim("20.000")
    ok(
        desk.cli(
            "evidence", "add", str(web_claim["id"]), url, "--stance", "refutes",
            "--quote", pdfs.TABLE_ROW,
        )
    )  # fmt: skip
    return PdfDesk(desk, pdf_claim, web_claim)


def test_json_gives_the_page_of_pdf_claims_and_quotes(pdf_desk: PdfDesk) -> None:
    report = pdf_desk.desk.report_json()
    claims = {c["id"]: c for c in report["claims"]}
    assert claims[pdf_desk.pdf_claim["id"]]["page"] == 2
    web = claims[pdf_desk.web_claim["id"]]
    assert web["page"] is None
    quoted = [e for e in web["evidence"] if e["quote"] == pdfs.TABLE_ROW]
    assert [e["page"] for e in quoted] == [2]
    assert {e["page"] for e in web["evidence"] if e["quote"] != pdfs.TABLE_ROW} == {None}


def test_csv_has_a_page_column(pdf_desk: PdfDesk) -> None:
    result, path = pdf_desk.desk.report("csv")
    ok(result)
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(path.read_text("utf-8-sig")))}
    assert rows[pdf_desk.pdf_claim["id"]]["page"] == "2"
    assert rows[pdf_desk.web_claim["id"]]["page"] == ""


def test_markdown_and_html_print_p_n(pdf_desk: PdfDesk) -> None:
    result, path = pdf_desk.desk.report("md")
    ok(result)
    text = path.read_text(encoding="utf-8")
    pdf_section = text.split(f"## Claim {pdf_desk.pdf_claim['id']}", 1)[1].split("## Claim", 1)[0]
    assert "of the extracted text, p. 2" in pdf_section
    web_section = text.split(f"## Claim {pdf_desk.web_claim['id']}", 1)[1].split("## Claim", 1)[0]
    assert "extracted text, p." not in web_section
    quote_line = next(line for line in web_section.splitlines() if "Coopératives actives" in line)
    assert "(p. 2)" in quote_line

    result, path = pdf_desk.desk.report("html")
    ok(result)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    pdf_claim = soup.find("section", id=f"claim-{pdf_desk.pdf_claim['id']}")
    assert pdf_claim is not None
    assert "of the extracted text, p. 2" in pdf_claim.get_text()
    web_claim = soup.find("section", id=f"claim-{pdf_desk.web_claim['id']}")
    assert web_claim is not None
    quoted = [
        li.get_text() for li in web_claim.select("li") if "Coopératives actives" in li.get_text()
    ]
    assert quoted
    assert "(p. 2)" in quoted[0]
