"""One list of languages: every registered language is whole, anything else is refused."""

from __future__ import annotations

import pytest

from claims.text.extraction import extract_claims, split_sentences
from claims.text.languages import LANGUAGES, SUPPORTED, UnsupportedLanguage, language
from claims.text.quantities import NumberGrammar
from tests.claims.text.extraction.test_detection_gate import FLOORS
from tests.support.claim_detection import load_rows
from tests.support.shared import shared_file


def test_supported_is_the_registry_in_order() -> None:
    assert SUPPORTED == tuple(LANGUAGES) == ("fr", "en")


@pytest.mark.parametrize("code", SUPPORTED)
def test_each_language_is_registered_under_its_own_code(code: str) -> None:
    registered = language(code)
    assert registered.code == code
    assert isinstance(registered.numbers, NumberGrammar)
    assert registered.numbers.code == code
    assert registered.derived is not None
    assert language(registered) is registered


@pytest.mark.parametrize("code", ["de", "auto", "FR", ""])
def test_an_unregistered_code_is_refused_naming_the_supported_ones(code: str) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        language(code)
    message = str(caught.value)
    assert message == f"language {code!r} is not supported: use one of fr, en"
    assert caught.value.supported == SUPPORTED


@pytest.mark.parametrize("code", ["de", "auto"])
def test_extraction_refuses_what_the_registry_refuses(code: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=r"use one of fr, en$"):
        extract_claims("Le Maroc compte 20.000 coopératives.", code)
    with pytest.raises(UnsupportedLanguage):
        split_sentences("Le Maroc compte 20.000 coopératives.", code)


def test_a_code_and_its_language_give_the_same_claims() -> None:
    seed = shared_file("seed", "medias24-maroc-pact-for-impact.txt").read_text(encoding="utf-8")
    claims = extract_claims(seed, "fr")
    assert any("20.000" in c.text for c in claims)
    assert claims == extract_claims(seed, language("fr"))


def test_every_registered_language_has_detection_floors_and_labelled_sentences() -> None:
    # A language is added with its labelled sentences (docs/languages.md): the
    # detection gate pins floors for each one, and the set holds rows of each.
    assert {lang for _target, lang in FLOORS} == set(SUPPORTED)
    assert {row.lang for row in load_rows()} == set(SUPPORTED)
