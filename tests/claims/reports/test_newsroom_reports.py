"""Reports that tell the truth about a desk in motion.

A French article (with its own published date and byline in its metadata)
and an English one are read over HTTP; a claim is refuted by a registry page
that then changes, so the refresh puts the claim under re-check; another
claim is dismissed; the French article then answers 404, so its source is
failing. The reports must say all of it: ClaimReview only for what the desk
stands by now, with every field Google documents; a summary an editor reads;
the CSV's new columns; the page's language; each PROV agent once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import extruct  # type: ignore[import-untyped]
import pytest
from bs4 import BeautifulSoup

from tests.claims.reports.conftest import ok
from tests.support.cli import CliRun, Run
from tests.support.httpserver import HTTPTestServer

PUBLISHED = "2026-03-02T08:30:00+01:00"
ARTICLE = f"""<html lang="fr"><head><title>Les coopératives au Maroc</title>
<meta property="article:published_time" content="{PUBLISHED}">
<meta name="author" content="Karim Alaoui">
<meta property="og:site_name" content="Le Journal">
</head><body><article>
<p>Le Maroc compte aujourd'hui 20.000 coopératives selon le ministère de l'Agriculture.</p>
<p>Plus de 40 % des coopératives sont dirigées par des femmes, a déclaré la ministre
Amina Berrada.</p>
<p>Des délégations d'une cinquantaine de pays ont participé au sommet de Lyon.</p>
<p>Les coopératives agricoles emploient 500.000 personnes dans le royaume, selon l'Office.</p>
</article></body></html>"""
ENGLISH = """<html lang="en"><head><title>Port traffic</title>
<meta name="author" content="Jane Reporter">
</head><body><article>
<p>The port of Tanger Med handled 12 million tonnes of cargo in 2023, up from 10 million
tonnes in 2022.</p>
</article></body></html>"""
REGISTRY = (
    "Chiffres clés du secteur coopératif.\n\n"
    "Le registre national recense 20.347 coopératives actives au Maroc fin 2023.\n"
)
QUOTE = "Le registre national recense 20.347 coopératives actives au Maroc fin 2023."
PUBLISHER = (
    "--publisher-name",
    "Le Desk",
    "--publisher-url",
    "https://desk.example/",
    "--claim-url",
    "https://desk.example/checks/{id}",
)


@dataclass
class Newsroom:
    cli: CliRun
    tmp: Path
    coops: dict[str, Any]
    """Refuted by the registry, then under re-check when the registry changed."""
    women: dict[str, Any]
    """Rated false, assigned, still stands."""
    summit: dict[str, Any]
    """Dismissed."""
    port: dict[str, Any]
    """The English claim, rated true."""
    article_url: str

    def report(self, fmt: str, *args: str) -> tuple[Run, Path]:
        path = self.tmp / f"report.{fmt}"
        return self.cli("report", "--format", fmt, "-o", str(path), *args), path


@pytest.fixture
def newsroom(
    cli: CliRun, http_server: HTTPTestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Newsroom:
    monkeypatch.setenv("FACTDESK_REVIEWER", "amina")
    text = "text/plain; charset=utf-8"
    http_server.route("/article", ARTICLE)
    http_server.route("/port", ENGLISH)
    http_server.route("/registry", REGISTRY, content_type=text)
    ok(cli("ingest", http_server.url("/article"), "--lang", "fr"))
    ok(cli("ingest", http_server.url("/port"), "--lang", "en"))
    claims = json.loads(ok(cli("claims", "--format", "json")).stdout)["claims"]

    def claim(words: str) -> dict[str, Any]:
        return next(c for c in claims if words in c["text"])

    coops, women, summit, port = (
        claim("20.000"),
        claim("40 %"),
        claim("cinquantaine"),
        claim("12 million"),
    )
    registry = http_server.url("/registry")
    ok(cli("evidence", "add", str(coops["id"]), registry, "--stance", "refutes", "--quote", QUOTE))
    ok(cli("verdict", str(coops["id"]), "mostly-true", "--why", "20,347 in the registry"))
    ok(cli("verdict", str(women["id"]), "false", "--why", "31 % per the Office"))
    ok(cli("verdict", str(women["id"]), "false", "--figure", "0", "--why", "31 %, not 40 %"))
    ok(cli("assign", str(women["id"]), "bilal"))
    ok(cli("verdict", str(port["id"]), "true", "--why", "Port authority figures"))
    ok(cli("status", str(summit["id"]), "dismissed", "--why", "Not check-worthy"))
    # The registry corrects its count, and the article is taken down.
    http_server.route("/registry", REGISTRY.replace("20.347", "18.950"), content_type=text)
    http_server.route("/article", "gone", status=404)
    ok(cli("refresh", "--all", "--host-delay", "0"))
    return Newsroom(cli, tmp_path, coops, women, summit, port, http_server.url("/article"))


def test_claimreview_without_a_publisher_refuses_and_says_what_to_set(
    newsroom: Newsroom,
) -> None:
    result, path = newsroom.report("claimreview")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "[publisher]" in line
    assert "FACTDESK_PUBLISHER__NAME / __URL / __CLAIM_URL" in line
    assert "--claim-url" in line
    assert not path.exists(), "nothing is written"
    bad, _ = newsroom.report("claimreview", *PUBLISHER[:4], "--claim-url", "https://d.example/x")
    assert bad.exit_code == 2
    assert "{id}" in bad.stderr


def test_claimreview_takes_the_publisher_from_the_config_file(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = newsroom.tmp / "config.toml"
    config.write_text(
        '[publisher]\nname = "Le Desk"\nurl = "https://desk.example/"\n'
        'claim_url = "https://desk.example/checks/{id}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTDESK_CONFIG", str(config))

    result, path = newsroom.report("claimreview")

    assert ok(result)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert {r["url"] for r in reviews} == {
        f"https://desk.example/checks/{c['id']}" for c in (newsroom.women, newsroom.port)
    }
    assert {r["author"]["name"] for r in reviews} == {"Le Desk"}


def test_claimreview_has_every_field_google_documents_and_only_what_stands(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDESK_PUBLISHER__LOGO", "https://desk.example/logo.png")
    result, path = newsroom.report("claimreview", *PUBLISHER)
    assert ok(result)
    reviews = {r["claimReviewed"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    assert set(reviews) == {newsroom.women["text"], newsroom.port["text"]}
    # The closing line counts what the file holds, not every claim selected.
    assert "report: 2 ClaimReviews of " in result.stderr
    # The claim under re-check is named on stderr, not published with its old rating.
    assert f"1 under re-check (claim {newsroom.coops['id']})" in result.stderr
    # Ids named in "(claim N)" / "(claims N, M)": the output path in stderr holds digits too.
    named = {
        int(n)
        for listed in re.findall(r"\(claims? ([\d, ]+)\)", result.stderr)
        for n in listed.split(",")
    }
    assert newsroom.coops["id"] in named
    assert newsroom.summit["id"] not in named, "dismissed: not even selected"
    for claim in (newsroom.women, newsroom.port):
        review = reviews[claim["text"]]
        # Required by Google: claimReviewed, reviewRating (alternateName), url.
        assert review["url"] == f"https://desk.example/checks/{claim['id']}"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] in ("False", "True")
        # Recommended: ratingValue on the scale, bestRating, worstRating.
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert rating["ratingValue"] == {"False": 1, "True": 5}[rating["alternateName"]]
        assert review["author"] == {
            "@type": "Organization",
            "name": "Le Desk",
            "url": "https://desk.example/",
            "logo": {"@type": "ImageObject", "url": "https://desk.example/logo.png"},
        }
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"]["@type"] == "CreativeWork"
        assert item["appearance"]["url"].startswith("http://127.0.0.1:")
        assert item["author"]["name"]
    women = reviews[newsroom.women["text"]]["itemReviewed"]
    assert women["datePublished"] == PUBLISHED, "the article's own date, not the fetch's"
    assert women["author"] == {"@type": "Person", "name": "Amina Berrada"}
    port = reviews[newsroom.port["text"]]["itemReviewed"]
    assert "datePublished" not in port, "no date on the page: none is made up"
    assert port["author"] == {"@type": "Person", "name": "Jane Reporter"}, "the byline"


def test_html_opens_with_a_summary_and_charts_and_runs_nothing(newsroom: Newsroom) -> None:
    result, path = newsroom.report("html", *PUBLISHER)
    assert ok(result)
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert all(s.get("type") == "application/ld+json" for s in soup.find_all("script"))
    assert not soup.find_all(["img", "iframe", "object", "embed", "link", "form", "foreignObject"])
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag.name
    # A real structured-data reader still finds the ClaimReviews.
    data = extruct.extract(html, base_url="https://desk.example/", syntaxes=["json-ld"])
    published = {i["claimReviewed"] for i in data["json-ld"] if i.get("@type") == "ClaimReview"}
    assert published == {newsroom.women["text"], newsroom.port["text"]}

    summary = soup.find("section", class_="summary")
    assert summary is not None
    words = " ".join(summary.get_text(" ").split())
    assert "needs re-check 1" in words
    assert "False 1" in words
    assert "True 1" in words
    # The re-checked claim's old rating is not counted as if the desk still stood by it.
    assert "verdict under re-check 1" in words
    assert "Mostly true 1" not in words
    assert "Re-checked on record (no --since given): 1 claim (claim " in words
    assert "Sources failing: 1" in words
    assert newsroom.article_url in words
    assert summary.find("svg") is not None, "verdicts by rating"
    coops = soup.find("section", id=f"claim-{newsroom.coops['id']}")
    assert coops is not None
    assert "verdict under re-check" in coops.get_text()
    facts = {dt.get_text(): str(dt.find_next_sibling("dd")) for dt in coops.find_all("dt")}
    assert facts["Published"] == f"<dd>Karim Alaoui, Le Journal, {PUBLISHED}</dd>"
    assert facts["Status"] == "<dd>needs re-check</dd>"
    assert coops.find("svg") is not None, "the claimed figure against the evidence's"
    assert soup.find("section", id=f"claim-{newsroom.summit['id']}") is None

    # Most claims are French: so is the page; the English claim says it is English.
    html_tag = soup.find("html")
    assert html_tag is not None
    assert html_tag["lang"] == "fr"
    port = soup.find("section", id=f"claim-{newsroom.port['id']}")
    assert port is not None
    assert port["lang"] == "en"

    kept, kept_path = newsroom.report("html", "--include-dismissed")
    assert ok(kept)
    assert f'id="claim-{newsroom.summit["id"]}"' in kept_path.read_text(encoding="utf-8")
    assert "embeds no ClaimReview" in kept.stderr


def test_markdown_opens_with_the_summary(newsroom: Newsroom) -> None:
    result, path = newsroom.report("md", "--since", "2000-01-01")
    assert ok(result)
    text = path.read_text(encoding="utf-8")
    summary = text.split("## Summary", 1)[1].split("## Claim", 1)[0]
    assert "needs re-check 1" in summary
    assert "verdict under re-check 1" in summary
    assert "Mostly true" not in summary
    assert "- **Re-checked since 2000-01-01T00:00:00+00:00:** 1 (claim " in summary
    assert "- **Sources failing:** 1" in summary
    section = text.split(f"## Claim {newsroom.coops['id']}", 1)[1].split("## Claim", 1)[0]
    assert section.startswith(": verdict under re-check")
    assert "was Mostly true" in section
    # When and by whom the claim was published, and the status in words.
    assert f"- **Published:** Karim Alaoui, Le Journal, {PUBLISHED}\n" in section
    assert "- **Status:** needs re-check\n" in section
    assert f"## Claim {newsroom.summit['id']}" not in text
    # Asking for dismissed claims is asking for them.
    asked, asked_path = newsroom.report("md", "--status", "dismissed")
    assert ok(asked)
    assert f"## Claim {newsroom.summit['id']}" in asked_path.read_text(encoding="utf-8")


def test_csv_gives_assignee_stance_crosscheck_figure_verdicts_and_freshness(
    newsroom: Newsroom,
) -> None:
    result, path = newsroom.report("csv")
    assert ok(result)
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(path.read_text("utf-8-sig")))}
    coops, women = rows[newsroom.coops["id"]], rows[newsroom.women["id"]]
    assert women["assignee"] == "bilal"
    assert women["figure_verdicts"] == "figure:0 false"
    assert coops["evidence_stances"] == "refutes"
    # 20,000 claimed against 20,347 found: the cross-check made when the quote was added.
    assert coops["crosscheck"] == "within +1.7%"
    assert float(coops["deviation"]) == pytest.approx(0.0174, abs=1e-4)
    assert coops["evidence_freshness"] == "changed", "the registry's figure changed since"
    assert newsroom.summit["id"] not in rows

    result, path = newsroom.report("csv", "--rows", "quantities")
    assert ok(result)
    figures = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    [forty] = [f for f in figures if f["claim_id"] == str(newsroom.women["id"])]
    assert (forty["verdict"], forty["rationale"]) == ("false", "31 %, not 40 %")


def test_prov_names_each_agent_once(newsroom: Newsroom) -> None:
    result, path = newsroom.report("prov")
    assert ok(result)
    document = json.loads(path.read_text(encoding="utf-8"))
    agents = list(document.get("agent", {}))
    for bundle in document["bundle"].values():
        agents += list(bundle.get("agent", {}))
    assert sorted(agents) == sorted(set(agents))
    assert {"fd:factdesk", "fd:organisation", "fd:reviewer/amina", "fd:reviewer/refresh"} <= set(
        agents
    )
    # The refresh that put a claim under re-check is a program, not a person.
    described = document["agent"]
    assert described["fd:reviewer/refresh"]["prov:type"] == "prov:SoftwareAgent"
    assert described["fd:reviewer/amina"]["prov:type"] == "prov:Person"


def test_cross_checks_read_in_words_in_markdown_and_html(
    newsroom: Newsroom, http_server: HTTPTestServer
) -> None:
    note = "Port traffic grew by 20 percent over the year, the port authority said."
    http_server.route("/growth", f"Annual note.\n\n{note}\n", content_type="text/plain")
    port = str(newsroom.port["id"])
    ok(newsroom.cli("evidence", "add", port, http_server.url("/growth"), "--quote", note))

    md, md_path = newsroom.report("md", "--claim", port)
    html, html_path = newsroom.report("html", "--claim", port)

    assert ok(md)
    assert ok(html)
    text = md_path.read_text(encoding="utf-8")
    page = html_path.read_text(encoding="utf-8")
    # A percent against tonnes: the reader is told so in words, not as a code.
    assert "not comparable; " in text
    assert "<td>not comparable</td>" in page
    assert "not_comparable" not in text + page
    assert "not\\_comparable" not in text
