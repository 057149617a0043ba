"""A language is one `Language` object: extraction reads that object and nothing else.

The toy language below is English with one more reporting verb ("blorfed") and
one more title ("Zq."). It is not registered: it is built here and passed in,
so whatever extraction does differently from English can only come from it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.text.extraction import explain_claim, extract_claims, split_sentences
from claims.text.extraction.stream import iter_claims
from claims.text.languages import SUPPORTED, Language, UnsupportedLanguage, language

ENGLISH = language("en")
TOY = Language(
    code="xx",
    name="Toy",
    claims=replace(
        ENGLISH.claims,
        speech_participles=(*ENGLISH.claims.speech_participles, "blorfed"),
        titles=ENGLISH.claims.titles | {"Zq"},
    ),
    numbers="en",
)
QUOTE = '"We created 3,000 jobs in the port," blorfed Jane Smith.'
TITLED = "The firm hired Zq. Smith last year. It now employs 12,500 people."


def test_the_toy_language_is_not_registered() -> None:
    assert "xx" not in SUPPORTED
    with pytest.raises(UnsupportedLanguage):
        language("xx")


def test_its_reporting_verb_names_the_speaker() -> None:
    [english] = extract_claims(QUOTE, "en")
    [toy] = extract_claims(QUOTE, TOY)
    assert english.claimant is None
    assert toy.claimant == "Jane Smith"
    assert [q.value for q in toy.quantities] == [3000.0]  # figures: the English grammar


def test_its_title_does_not_end_a_sentence() -> None:
    assert len(split_sentences(TITLED, "en")) == 3
    assert [s.text for s in split_sentences(TITLED, TOY)] == [
        "The firm hired Zq. Smith last year.",
        "It now employs 12,500 people.",
    ]


def test_streamed_and_explained_claims_read_it_too() -> None:
    [streamed] = iter_claims(QUOTE, TOY)
    assert streamed.claimant == "Jane Smith"
    toy_score = explain_claim(QUOTE, TOY, "Jane Smith").score
    assert toy_score == extract_claims(QUOTE, TOY)[0].checkworthiness


def test_without_derived_words_no_total_is_derived() -> None:
    sentence = "The port hired 3,000 workers, or 15% of all workers in the region."
    assert any(c.kind == "derived" for c in extract_claims(sentence, ENGLISH))
    assert not any(c.kind == "derived" for c in extract_claims(sentence, TOY))
