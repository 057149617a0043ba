"""A language is one `Language` object: extraction reads that object and nothing else.

The toy language below is English with one more reporting verb ("blorfed") and
one more title ("Zq."); its numbers variant adds a scale word, a hedge and a
decimal comma to the English number grammar. It is not registered: it is built
here and passed in, so whatever extraction does differently from English can
only come from it.
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
    numbers=ENGLISH.numbers,
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


# Its numbers: English figures, plus one scale word, one hedge and the French
# decimal comma. Nothing in claims.text.quantities knows of them: they can only
# come from the grammar the object holds.
TOY_NUMBERS = Language(
    code="xx",
    name="Toy",
    claims=ENGLISH.claims,
    numbers=replace(
        ENGLISH.numbers,
        code="en",  # its number words are English ones, as text2num reads them
        scales={**ENGLISH.numbers.scales, "blorfillion": 1e6},
        hedges={**ENGLISH.numbers.hedges, "zorbly": "about"},
        decimal_comma=True,
        digit_figures=language("fr").numbers.digit_figures,
    ),
)


def values(text: str, lang: Language) -> list[tuple[object, str | None]]:
    [claim] = extract_claims(text, lang)
    return [(q.value, q.unit) for q in claim.quantities]


def test_its_scale_word_multiplies_the_figure() -> None:
    text = "The port handled 3 blorfillion tonnes last year."
    assert values(text, ENGLISH) != [(3e6, "t")]
    assert values(text, TOY_NUMBERS) == [(3e6, "t")]


def test_its_hedge_gives_bounds() -> None:
    text = "The port employs zorbly 400 dockers."
    [english] = extract_claims(text, ENGLISH)[0].quantities
    [toy] = extract_claims(text, TOY_NUMBERS)[0].quantities
    assert (english.approximate, english.hedge) == (False, None)
    assert (toy.approximate, toy.hedge, toy.low, toy.high) == (True, "zorbly", 360.0, 440.0)


def test_its_decimal_comma_reads_the_figure() -> None:
    text = "The port handled 2,5 million containers."
    assert (2.5e6, "containers") not in values(text, ENGLISH)  # "2,5" is no English figure
    assert values(text, TOY_NUMBERS) == [(2.5e6, "containers")]
