"""PDF text: pages kept apart, table rows read as "label figures" lines, and
PDFs that only restrict printing read like any other."""

from __future__ import annotations

from fpdf import FPDF

from sources.extraction.pdf import extract_pdf, tidy_page
from sources.pages import PAGE_BREAK, page_at, page_label, page_of
from tests.sources.reading import pdfs

CAP = 20 * 1024 * 1024


def test_a_table_row_becomes_one_line_of_its_own() -> None:
    layout = (
        "Tableau 2. Répartition par secteur\n"
        "Coopératives actives                 25.100             27.262\n"
        "Taux d'activité                       -3,5 %             12,5 %\n"
        "les coopératives   se répartissent ainsi entre les régions du pays"
    )

    lines = tidy_page(layout).split("\n\n")

    assert "Coopératives actives 25.100 27.262" in lines
    assert "Taux d'activité -3,5 % 12,5 %" in lines
    # Prose keeps its words, its wide gaps closed up, and is no table row.
    assert lines[-1] == "les coopératives se répartissent ainsi entre les régions du pays"


def test_pages_are_kept_apart_and_numbered() -> None:
    text = extract_pdf(pdfs.report_pdf(), name="r.pdf", max_bytes=CAP).article.text

    assert text.count(PAGE_BREAK) == 1
    assert page_at(text, text.index("27.262 coopératives")) == 1
    assert page_at(text, text.index(pdfs.TABLE_ROW)) == 2
    assert page_of("application/pdf", text, text.index(pdfs.TABLE_ROW)) == 2
    assert page_of("text/html", text, 0) is None
    assert page_label(12) == "p. 12"
    assert page_label(None) == ""


def test_a_pdf_that_only_restricts_printing_is_read() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.set_encryption(owner_password="owner")  # no password needed to open it
    pdf.add_page()
    pdf.multi_cell(0, 6, pdfs.PAGE_ONE)

    text = extract_pdf(bytes(pdf.output()), name="r.pdf", max_bytes=CAP).article.text

    assert "27.262 coopératives" in text
