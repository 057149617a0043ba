"""Plain-text scrapes: the article once, its paragraphs and characters kept, chrome gone."""

from __future__ import annotations

import pytest

from sources.extraction import extract_article
from sources.extraction.plaintext import split_paragraphs
from tests.sources.extraction.conftest import read_fixture

SEED_BOILERPLATE = (
    "Newsletter",
    "Abonnez-vous",
    "Quoi de neuf",
    "journal économique marocain",
    "Notre journal",
    "Médias24",
)


def test_seed_article_once_without_boilerplate(seed_text: str) -> None:
    article = extract_article(seed_text, media_type="text/plain")
    assert article.text.count("La participation remarquée du Maroc") == 1
    assert article.text.count("20.000 coopératives") == 1
    assert article.text.count("une cinquantaine de pays") == 1
    assert article.text.endswith("du monde entier. (MAP)")
    for chrome in SEED_BOILERPLATE:
        assert chrome not in article.text, chrome
    assert article.language == "fr"
    assert article.extractor.startswith("factdesk-extract/")


def test_seed_text_is_the_source_characters(seed_text: str) -> None:
    article = extract_article(seed_text, media_type="text/plain")
    for paragraph in article.text.split("\n\n"):
        assert paragraph in seed_text


def test_scrape_with_repeat_newsletter_and_footer() -> None:
    source = read_fixture("fr_scrape.txt")
    article = extract_article(source, media_type="text/plain")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Le conseil régional a voté mardi")
    assert paragraphs[1].startswith("« Cette enveloppe financera")
    for chrome in ("Accueil", "Partager", "Newsletter", "Abonnez-vous", "À lire aussi",
                   "Quoi de neuf", "est un journal régional", "Notre rédaction",
                   "Tous droits réservés"):
        assert chrome not in article.text, chrome


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    article = extract_article(read_fixture("en_wrapped.txt"), media_type="text/plain")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "about 18% of the\ntreated water" in paragraphs[0]
    assert paragraphs[1].endswith("closer to 21%.")
    assert "Share" not in article.text
    assert "Read more" not in article.text
    assert "All rights reserved" not in article.text
    assert article.language == "en"


def test_line_breaks_are_normalised() -> None:
    text = (
        "First paragraph of the story, long enough to count.\r\n\r\n"
        "Second one, also long enough.\r"
    )
    assert split_paragraphs(text) == [
        "First paragraph of the story, long enough to count.",
        "Second one, also long enough.",
    ]


def test_article_mentioning_newsletters_is_kept() -> None:
    long_line = (
        "The publisher said its newsletter now reaches 120,000 subscribers, and that readers who "
        "subscribe through the app are twice as likely to renew, according to figures released "
        "on Monday."
    )
    assert extract_article(long_line, media_type="text/plain").text == long_line


@pytest.mark.parametrize("hint", ["fr-FR", "fr_FR", "FR"])
def test_language_hint_is_used_for_plain_text(hint: str) -> None:
    article = extract_article("Short text.", media_type="text/plain", lang_hint=hint)
    assert article.language == "fr"


def test_undecidable_language_is_none() -> None:
    assert extract_article("12 34 56", media_type="text/plain").language is None
