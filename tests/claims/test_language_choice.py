"""One choice of language for texts that do not say theirs: declared, detected, fallback."""

from __future__ import annotations

import pytest

from claims.language_choice import FALLBACK, choose_language, declared_language
from claims.text.extraction import extract_claims
from claims.text.languages import SUPPORTED, language
from claims.text.quantities import find_quantities
from tests.support.shared import shared_file

FRENCH = "Le nombre des coopératives a explosé au Maroc."
ENGLISH = "The number of cooperatives has grown in Morocco."


def test_detects_french_and_english() -> None:
    assert choose_language(FRENCH) == "fr"
    assert choose_language(ENGLISH) == "en"


def test_the_seed_is_french_and_auto_gives_its_french_claims() -> None:
    seed = shared_file("seed", "medias24-maroc-pact-for-impact.txt").read_text(encoding="utf-8")
    assert choose_language(seed) == "fr"
    assert extract_claims(seed, choose_language(seed)) == extract_claims(seed, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plus de 1 300 jeunes ont bénéficié du programme.", 1300.0),
        ("More than 1,300 young people took part in the scheme.", 1300.0),
    ],
)
def test_the_chosen_language_reads_the_notation(text: str, expected: float) -> None:
    numbers = language(choose_language(text)).numbers
    assert [q.value for q in find_quantities(text, numbers)] == [expected]


def test_a_registered_declared_language_wins_over_the_text() -> None:
    assert choose_language(ENGLISH, "fr-FR") == "fr"
    assert choose_language(FRENCH, None, "en_GB") == "en"


def test_an_unregistered_declared_language_is_passed_over() -> None:
    assert declared_language("de", None, "xx") is None
    assert choose_language(ENGLISH, "de") == "en"
    assert choose_language(FRENCH, "de", "fr") == "fr"


def test_any_other_language_gets_the_closest_registered_one() -> None:
    assert choose_language("Der Hund bellt laut im Garten und die Katze schläft.") in SUPPORTED


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "— … —"])
def test_a_text_without_letters_gets_the_fallback(text: str) -> None:
    assert SUPPORTED[0] == FALLBACK
    assert choose_language(text) == FALLBACK
