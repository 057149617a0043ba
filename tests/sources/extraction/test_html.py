"""HTML pages: main text without chrome, and the metadata the page gives about itself."""

from __future__ import annotations

from typing import Any

import pytest

from sources.decoding import decode_body
from sources.extraction import Article, extract_article
from sources.extraction.jsonld import parse_jsonld_blocks
from tests.sources.extraction.conftest import read_fixture

FR_URL = "https://quotidien-detroit.example/economie/port?utm_source=x"


@pytest.fixture
def fr_article() -> Article:
    return extract_article(read_fixture("fr_article.html"), url=FR_URL)


@pytest.fixture
def en_article() -> Article:
    return extract_article(read_fixture("en_article.html"))


def _types(article: Article) -> list[Any]:
    return [obj.get("@type") for obj in article.jsonld]


def test_french_main_text_keeps_paragraphs(fr_article: Article) -> None:
    paragraphs = fr_article.text.split("\n\n")
    lead = "Le complexe portuaire de Tanger Med a traité 9,2 millions"
    assert any(p.startswith(lead) for p in paragraphs)
    assert paragraphs[-1].startswith("Les économistes interrogés restent prudents")
    assert "13,4 %" in fr_article.text
    assert "à plus de 500.000 unités" in fr_article.text


@pytest.mark.parametrize(
    "chrome",
    ["cookies", "Tout accepter", "Politique", "Partager sur Facebook", "Abonnez-vous",
     "S'inscrire", "À lire aussi", "trafic aérien bat un nouveau record", "Tous droits réservés",
     "est un journal économique en ligne", "Mentions légales"],
)
def test_french_chrome_is_dropped(fr_article: Article, chrome: str) -> None:
    assert chrome not in fr_article.text


def test_repeated_block_is_kept_once(fr_article: Article) -> None:
    assert fr_article.text.count("un objectif que nous tiendrons") == 1


def test_french_metadata(fr_article: Article) -> None:
    assert fr_article.title == "Le port de Tanger dépasse les 9 millions de conteneurs"
    assert fr_article.byline == "Salma Bennani"
    assert fr_article.published == "2024-03-14T08:30:00+01:00"
    assert fr_article.site_name == "Le Quotidien du Détroit"
    assert fr_article.language == "fr"
    assert fr_article.canonical_url == (
        "https://quotidien-detroit.example/economie/port-tanger-9-millions"
    )
    assert fr_article.extractor.startswith("factdesk-extract/1 trafilatura/")


def test_claimreview_in_a_graph_is_kept_whole(fr_article: Article) -> None:
    assert _types(fr_article) == ["NewsArticle", "ClaimReview"]
    review = fr_article.jsonld[1]
    assert review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Le port traite 9 millions de conteneurs par an"
    assert review["reviewRating"]["alternateName"] == "Plutôt vrai"
    assert review["itemReviewed"]["author"]["name"] == "Autorité portuaire"


def test_english_main_text(en_article: Article) -> None:
    text = en_article.text
    assert "bus ridership rose 12% last year" in text
    assert text.rstrip().endswith("check claims about the network for themselves.")
    for chrome in ("cookies", "Accept all", "Sign in", "Tweet", "newsletter", "Subscribe",
                   "Read more", "Related stories", "Bridge closure", "independent local news",
                   "All rights reserved"):
        assert chrome not in text, chrome


def test_english_metadata(en_article: Article) -> None:
    assert en_article.title == "Council says bus ridership rose 12%"
    assert en_article.byline == "Tom Whitaker"
    assert en_article.published == "2024-05-01"
    assert en_article.site_name == "The Riverside Herald"
    assert en_article.language == "en"
    assert en_article.canonical_url == "https://riverside-herald.example/news/bus-ridership"


def test_broken_jsonld_is_repaired_or_skipped(en_article: Article) -> None:
    # A trailing comma and an HTML comment are repaired; "{ this is not json" is skipped.
    assert _types(en_article) == ["ClaimReview", "BreadcrumbList"]
    review = en_article.jsonld[0]
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://council.example/minutes"


def test_jsonld_objects_written_back_to_back() -> None:
    block = '{"@type": "Person", "name": "A"}\n{"@type": "Person", "name": "B"}'
    found = parse_jsonld_blocks([block])
    assert [obj["name"] for obj in found] == ["A", "B"]


def test_to_json_round_trips_the_fields(en_article: Article) -> None:
    data = en_article.to_json()
    assert set(data) == {"text", "title", "byline", "published", "site_name", "language",
                         "canonical_url", "jsonld", "extractor"}
    assert data["jsonld"][0]["@type"] == "ClaimReview"
    assert data["text"] == en_article.text


LONG_FR = (
    "Le gouvernement a annoncé jeudi une baisse de 3 % des tarifs de l'électricité pour les "
    "ménages, une mesure qui doit entrer en vigueur dès le mois prochain selon le ministère. "
)
LONG_EN = (
    "The government announced on Thursday a 3% cut in household electricity tariffs, a measure "
    "due to take effect next month according to the ministry. "
)


def _page(body: str, head: str = "", html_attrs: str = "") -> str:
    return f"<html{html_attrs}><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("html_attrs", "head", "hint", "expected"),
    [
        (' lang="fr-CA"', "", None, "fr"),
        ("", '<meta property="og:locale" content="fr_FR">', None, "fr"),
        ("", '<meta http-equiv="Content-Language" content="fr">', None, "fr"),
        ("", "", "fr", "fr"),
        (' lang="en"', "", "fr", "en"),
    ],
)
def test_declared_language_wins(
    html_attrs: str, head: str, hint: str | None, expected: str
) -> None:
    page = _page(f"<p>{LONG_EN}</p>", head, html_attrs)
    assert extract_article(page, lang_hint=hint).language == expected


@pytest.mark.parametrize(("paragraph", "expected"), [(LONG_FR, "fr"), (LONG_EN, "en")])
def test_language_detected_when_undeclared(paragraph: str, expected: str) -> None:
    assert extract_article(_page(f"<p>{paragraph * 2}</p>")).language == expected


def test_tiny_page_falls_back_to_paragraphs() -> None:
    # trafilatura declines a bare fragment; the BeautifulSoup reader still finds the text.
    article = extract_article("<div><p>" + LONG_EN + "</p></div>")
    assert article.text == LONG_EN.strip()
    assert article.extractor.startswith("factdesk-extract/1 bs4-paragraphs/")


def test_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr"><head><title>T</title></head>'
        f"<body><article><p>{LONG_FR}</p><p>{LONG_FR[:-2]} encore.</p></article></body></html>"
    )
    decoded = decode_body(page.encode("iso-8859-1"), media_type="application/xhtml+xml")
    article = extract_article(decoded.text, media_type="application/xhtml+xml")
    assert "baisse de 3 % des tarifs" in article.text
    assert article.language == "fr"


def test_decoded_cp1252_page_keeps_accents() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Tarifs</title></head><body><article>'
        f"<p>{LONG_FR}</p><p>{LONG_FR}Les élus ont salué « une décision attendue ».</p>"
        "</article></body></html>"
    )
    decoded = decode_body(page.encode("cp1252"))
    article = extract_article(decoded.text)
    assert "« une décision attendue »" in article.text
    assert "Ã" not in article.text


def test_plain_text_media_type_ignores_markup_rules() -> None:
    article = extract_article(LONG_EN, media_type="text/plain; charset=utf-8")
    assert article.text == LONG_EN.strip()
    assert article.extractor == "factdesk-extract/1 plaintext"
