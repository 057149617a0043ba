"""PDFs built for the tests: a report with a text layer, two pages and a table,
and the hostile ones (encrypted, scanned-only, truncated, a compression bomb)."""

from __future__ import annotations

import zlib

from fpdf import FPDF

PAGE_ONE = (
    "Rapport annuel sur l'économie sociale et solidaire au Maroc. Le ministère a recensé "
    "27.262 coopératives actives en 2023, selon le rapport publié en juin."
)
TABLE_TITLE = "Tableau 2. Répartition des coopératives par secteur"
TABLE = (
    ("Secteur", "2022", "2023"),
    ("Coopératives agricoles", "16.012", "17.530"),
    ("Coopératives actives", "25.100", "27.262"),
    ("Membres", "640.000", "700.100"),
)
PAGE_TWO = "Les coopératives agricoles emploient 120.000 personnes dans les régions rurales."
TABLE_ROW = "Coopératives actives 25.100 27.262"
"""How the table's third row reads in the extracted text: the label, then its figures."""


def _document() -> FPDF:
    pdf = FPDF()
    pdf.set_title("Rapport ESS 2023")
    pdf.set_font("Helvetica", size=11)
    return pdf


def report_pdf(page_one: str = PAGE_ONE) -> bytes:
    """Two pages: prose with a figure on page 1; a paragraph and a table on page 2."""
    pdf = _document()
    pdf.add_page()
    pdf.multi_cell(0, 6, page_one)
    pdf.add_page()
    pdf.multi_cell(0, 6, PAGE_TWO)
    pdf.ln(4)
    pdf.multi_cell(0, 6, TABLE_TITLE)
    with pdf.table() as table:
        for cells in TABLE:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = _document()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.multi_cell(0, 6, PAGE_ONE)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """Pages with drawings only, as a scan without OCR has images only: no text layer."""
    pdf = _document()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def truncated_pdf() -> bytes:
    whole = report_pdf()
    return whole[: len(whole) // 3]


def bomb_pdf(inflated: int) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes from a few KiB."""
    text = b"BT /F1 12 Tf 72 700 Td (Le Maroc compte 27.262 cooperatives.) Tj ET\n"
    squeezer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [squeezer.compress(text)]
    for _ in range(-(-inflated // len(chunk))):
        parts.append(squeezer.compress(chunk))
    parts.append(squeezer.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
