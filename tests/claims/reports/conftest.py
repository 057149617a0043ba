"""A desk with reviewed claims of a hostile article, evidence fetched over HTTP.

The article's text carries spreadsheet formulas, HTML and Markdown markup, as
a hostile page would; the evidence page is served gzip-encoded by a real
HTTP server on 127.0.0.1, so its snapshot has HTTP headers to archive.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.cli import CliRun, Run
from tests.support.httpserver import HTTPTestServer

if TYPE_CHECKING:
    from tests.claims.reports.bundles import Genuine

ARTICLE_URL = "https://news.example/coops"
ORGANISATION = "Desk <Verify> & Co"
PUBLISHER_URL = "https://factcheck.example/"
CLAIM_URL = "https://factcheck.example/checks/{id}"

ARTICLE = """<html lang="fr"><head><title>Coopératives &lt;img src=x onerror=alert(1)&gt;</title>
</head><body><article>
<p>=HYPERLINK("http://evil.example/","x") Le Maroc compte aujourd'hui 20.000 coopératives
selon le ministère.</p>
<p>@SUM(1+1)*cmd|' /C calc'!A0 Plus de 40 % des coopératives sont dirigées par des femmes,
a déclaré la ministre Amina Berrada.</p>
<p>Des délégations d'une cinquantaine de pays &lt;script&gt;alert("x")&lt;/script&gt; ont
participé au sommet de Lyon.</p>
<p>+33 pays [lien](javascript:alert(1)) ont signé la charte des coopératives en 2023.</p>
</article></body></html>"""

EVIDENCE = """<html lang="fr"><head><title>Registre</title></head><body><article>
<p>Le registre national recense 20.347 coopératives actives au Maroc fin 2023, selon
l'Office du développement de la coopération.</p>
<p>Les femmes dirigent 31 % des coopératives &lt;b&gt;enregistrées&lt;/b&gt; selon l'Office.</p>
</article></body></html>""".encode()

EVIDENCE_QUOTE = "Le registre national recense 20.347 coopératives actives au Maroc"


@dataclass
class Desk:
    """The reviewed desk: how to run the CLI on it, and what is in it."""

    cli: CliRun
    claims: list[dict[str, Any]]
    evidence_url: str
    tmp: Path

    def claim(self, words: str) -> dict[str, Any]:
        return next(c for c in self.claims if words in c["text"])

    def report(self, fmt: str, *args: str, name: str | None = None) -> tuple[Run, Path]:
        path = self.tmp / (name or f"report.{fmt}")
        result = self.cli("report", "--format", fmt, "-o", str(path), *args)
        return result, path

    def report_json(self, *args: str) -> dict[str, Any]:
        result, path = self.report("json", *args)
        assert result.exit_code == 0, result.stderr
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data


def ok(result: Run) -> Run:
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture
def desk(
    cli: CliRun,
    http_server: HTTPTestServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Desk:
    monkeypatch.setenv("FACTDESK_ORGANISATION", ORGANISATION)
    monkeypatch.setenv("FACTDESK_PUBLISHER__URL", PUBLISHER_URL)
    monkeypatch.setenv("FACTDESK_PUBLISHER__CLAIM_URL", CLAIM_URL)
    monkeypatch.setenv("FACTDESK_REVIEWER", "amina")
    http_server.route(
        "/registry",
        gzip.compress(EVIDENCE),
        headers=[("Content-Encoding", "gzip"), ("X-Served-By", "registry-1")],
    )
    ok(cli("ingest", "-", "--url", ARTICLE_URL, "--lang", "fr", input=ARTICLE))
    claims = json.loads(ok(cli("claims", "--format", "json")).stdout)["claims"]
    reports = tmp_path / "reports"
    reports.mkdir()
    desk = Desk(cli, claims, http_server.url("/registry"), reports)
    coops = str(desk.claim("20.000")["id"])
    women = str(desk.claim("40 %")["id"])
    ok(
        cli(
            "evidence",
            "add",
            coops,
            desk.evidence_url,
            "--stance",
            "supports",
            "--quote",
            EVIDENCE_QUOTE,
            "--note",
            "<i>registry</i> =1+1",
        )
    )
    ok(
        cli(
            "verdict",
            coops,
            "mostly-true",
            "--why",
            "=cmd|'/C calc'!A0 <b>20,347</b> in the registry",
        )
    )
    monkeypatch.setenv("FACTDESK_REVIEWER", "bilal")
    ok(cli("verdict", women, "unverifiable", "--why", "No public register of managers"))
    ok(cli("note", str(desk.claim("cinquantaine")["id"]), "Ask the organisers for the list"))
    desk.claims = json.loads(ok(cli("claims", "--format", "json")).stdout)["claims"]
    return desk


@pytest.fixture(scope="session")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Genuine:
    """A signed bundle made by the real command line once, for tests that attack copies."""
    from tests.claims.reports.bundles import make_genuine  # it imports this module's ARTICLE

    return make_genuine(tmp_path_factory.mktemp("genuine"))
