"""One seam: a page read from a file, from stdin or over HTTP gives the same
text, whether the reader is ingest, `text` or the evidence preview."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlmodel import select

from claims.services.preview import preview_page
from db.engine import Database
from db.models import Snapshot, Source
from sources.fetching import FetchPolicy
from sources.reading import SourceKind, read
from tests.sources.reading import pdfs
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer

LOCAL = FetchPolicy(allow_private_networks=True)
PAGE = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Coopératives</title>"
    "</head><body><nav>Accueil | Économie</nav><article><h1>Coopératives</h1>"
    "<p>Le Maroc compte désormais 27.262 coopératives actives, selon le ministère.</p>"
    "<p>Elles emploient près de 120.000 personnes dans les régions rurales.</p>"
    "</article><footer>© Le Journal</footer></body></html>"
)
DOCUMENTS = {
    "page": (PAGE.encode("utf-8"), ".html", "text/html; charset=utf-8"),
    "pdf": (pdfs.report_pdf(), ".pdf", "application/pdf"),
}


def _targets(
    document: str, http_server: HTTPTestServer, tmp_path: Path
) -> tuple[bytes, str, str]:
    body, suffix, content_type = DOCUMENTS[document]
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(body)
    http_server.route(f"/doc{suffix}", body, content_type=content_type)
    return body, str(path), http_server.url(f"/doc{suffix}")


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_read_gives_the_same_text_from_file_stdin_and_http(
    document: str, http_server: HTTPTestServer, tmp_path: Path
) -> None:
    body, path, url = _targets(document, http_server, tmp_path)

    from_file = read(path, policy=LOCAL)
    from_stdin = read("-", policy=LOCAL, stdin=io.BytesIO(body))
    from_web = read(url, policy=LOCAL)

    assert from_file.text == from_stdin.text == from_web.text
    assert "27.262 coopératives" in from_file.text
    assert from_file.fetched.body == from_stdin.fetched.body == from_web.fetched.body == body
    kinds = [r.kind for r in (from_file, from_stdin, from_web)]
    if document == "pdf":
        assert kinds == [SourceKind.PDF] * 3
    else:
        assert kinds == [SourceKind.FILE, SourceKind.STDIN, SourceKind.HTTP]
    assert (from_web.fetched.http_status, from_web.fetched.final_url) == (200, url)


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_ingest_text_and_preview_agree_on_every_target(
    document: str, cli: CliRun, database: Database, http_server: HTTPTestServer, tmp_path: Path
) -> None:
    body, path, url = _targets(document, http_server, tmp_path)
    expected = read(url, policy=LOCAL).text

    for target, stdin in ((path, None), ("-", body), (url, None)):
        printed = cli("text", target, "--format", "json", input=stdin)
        assert printed.exit_code == 0, printed.stderr
        assert json.loads(printed.stdout)["text"] == expected
        assert cli("ingest", target, input=stdin).exit_code == 0

    with database.read() as session:
        texts = {s.text for s in session.exec(select(Snapshot)).all()}
        kinds = sorted(s.kind for s in session.exec(select(Source)).all())
    assert texts == {expected}
    assert kinds == (["pdf"] * 3 if document == "pdf" else ["file", "http", "stdin"])

    steps: list[str] = []
    preview = preview_page(
        url,
        policy=LOCAL,
        claim_text="Le Maroc compte 27.262 coopératives.",
        quantities=[],
        claim_kind="numeric",
        step=lambda label, done: steps.append(label),
    )
    assert preview.text == expected
    assert any("27.262" in sentence for sentence in preview.sentences)
    assert steps[0] == f"fetching {url}"
    assert steps[-1] == "ready"


def test_reading_a_pdf_reports_each_page(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdfs.report_pdf())
    heard: list[tuple[int, int]] = []

    read(str(path), policy=LOCAL, on_page=lambda done, total: heard.append((done, total)))

    assert heard == [(1, 2), (2, 2)]
