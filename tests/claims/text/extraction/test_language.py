"""Language detection and the languages extraction accepts."""

from __future__ import annotations

import pytest

from claims.text.extraction import UnsupportedLanguage, detect_language, extract_claims


def test_detects_french_and_english() -> None:
    assert detect_language("Le nombre des coopératives a explosé au Maroc.") == "fr"
    assert detect_language("The number of cooperatives has grown in Morocco.") == "en"


def test_seed_is_french(seed_article: str) -> None:
    assert detect_language(seed_article) == "fr"


def test_auto_gives_the_same_claims_as_the_detected_language(seed_article: str) -> None:
    assert extract_claims(seed_article, "auto") == extract_claims(seed_article, "fr")


def test_an_unsupported_language_says_which_ones_work() -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        extract_claims("Hallo Welt.", "de")
    message = str(caught.value)
    assert "'de'" in message
    assert "fr" in message
    assert "\n" not in message
