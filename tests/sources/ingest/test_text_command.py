"""`factdesk text` prints the main text and metadata, and stores nothing."""

from __future__ import annotations

import json

from db.engine import Database
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Port : 12 500 emplois</title>
<meta property="og:site_name" content="La Vigie">
<meta name="author" content="Nadia Amrani">
<meta property="article:published_time" content="2026-03-02T08:00:00Z">
<link rel="canonical" href="https://vigie.example/port-emplois">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
 "claimReviewed": "Le port emploie 12 500 personnes", "reviewRating": {"@type": "Rating",
 "ratingValue": 4, "alternateName": "Plutôt vrai"}}</script></head>
<body><nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
<div class="cookie">Nous utilisons des cookies. Accepter</div>
<article><h1>Port : 12 500 emplois</h1>
<p>Le port emploie désormais 12 500 personnes, selon l'autorité portuaire, soit près de
deux fois plus qu'en 2015.</p>
<p>Les exportations d'agrumes ont progressé de 12,5 % sur un an.</p></article>
<footer>© La Vigie. Tous droits réservés.</footer></body></html>"""


def test_text_prints_the_article_and_its_metadata_and_stores_nothing(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/port", PAGE)
    plain = cli("text", http_server.url("/port"))
    assert plain.exit_code == 0, plain.stderr
    assert "12 500 personnes" in plain.stdout
    assert "cookies" not in plain.stdout
    assert "Tous droits réservés" not in plain.stdout
    data = json.loads(cli("text", http_server.url("/port"), "--format", "json").stdout)
    assert data["language"] == "fr"
    assert data["title"].startswith("Port")
    assert data["site_name"] == "La Vigie"
    assert data["canonical_url"] == "https://vigie.example/port-emplois"
    assert data["published"].startswith("2026-03-02")
    (review,) = [o for o in data["jsonld"] if o.get("@type") == "ClaimReview"]
    assert review["reviewRating"]["ratingValue"] == 4
    assert data["charset"] == "utf-8"
    c = counts(database)
    assert (c.sources, c.snapshots, c.fetches) == (0, 0, 0)


def test_text_of_a_missing_file_is_a_one_line_error(cli: CliRun) -> None:
    result = cli("text", "/nonexistent/page.html")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "no such file" in result.stderr
