"""Anchoring a reviewer's quote in an evidence text: exact, loose, missing, repeated."""

from __future__ import annotations

import pytest

from claims.errors import ClaimError
from claims.text.anchoring import QuoteNotFound, anchor_quote, closest_passage, selectors_for

ANCS = (
    "Chiffres clés de la coopération au 31 décembre 2025\n"
    "Au 31 décembre 2025, le registre national comptait 20\u00a0347 coopératives actives, "
    "contre 10\u00a0112 fin 2014. Le nombre de créations nettes s\u2019est établi à 1\u00a0086.\n"
    "La part des coopératives dirigées par des femmes s\u2019établit à 31\u00a0%, en hausse de "
    "deux points sur un an.\n"
    "« Un registre fiable » \u2014 la coopérative est dite active lorsqu\u2019elle a déposé ses "
    "états financiers."
)
WIRE = (
    "Government delegations from about 50 countries gathered in Lyon on Wednesday for the "
    "first World Summit on the Solidarity Economy. The meeting is organised by the "
    "International Alliance for Inclusive Economy (IAIE)."
)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (WIRE, "about 50 countries", "about 50 countries"),
        (
            ANCS,
            "le registre national comptait 20\u00a0347 coopératives actives",
            "le registre national comptait 20\u00a0347 coopératives actives",
        ),
        # a plain space typed for the no-break space of the page
        (ANCS, "comptait 20 347 coopératives", "comptait 20\u00a0347 coopératives"),
        # straight apostrophe for a typographic one, and a whitespace run
        (
            ANCS,
            "dirigées par des femmes s'établit   à 31 %",
            "dirigées par des femmes s\u2019établit à 31\u00a0%",
        ),
        # case, guillemets typed as straight quotes, a hyphen for an em dash
        (
            ANCS,
            '"un registre fiable" - la coopérative',
            "« Un registre fiable » \u2014 la coopérative",
        ),
        (WIRE, "GOVERNMENT DELEGATIONS\nfrom about 50", "Government delegations from about 50"),
    ],
)
def test_quote_is_anchored_at_the_original_offsets(text: str, quote: str, expected: str) -> None:
    anchor = anchor_quote(text, quote)
    assert anchor.quote.exact == expected
    assert text[anchor.position.start : anchor.position.end] == expected
    assert anchor.score == 1.0
    assert anchor.quote.prefix == text[max(0, anchor.position.start - 32) : anchor.position.start]
    assert anchor.quote.suffix == text[anchor.position.end : anchor.position.end + 32]


def test_first_of_several_occurrences_is_taken() -> None:
    text = "Le port compte 12 500 emplois. Un an plus tôt, Le port comptait 11 600 emplois."
    assert anchor_quote(text, "Le port").position.start == 0
    longer = anchor_quote(text, "Le port comptait")
    assert longer.position.start == text.index("Le port comptait")


def test_exact_case_wins_over_a_loose_match() -> None:
    text = "Le port compte 12 500 emplois. Un an plus tôt, le port comptait 11 600 emplois."
    assert anchor_quote(text, "le port").position.start == text.index("le port")
    assert anchor_quote(text, "LE PORT").position.start == 0


@pytest.mark.parametrize(
    ("text", "quote", "closest"),
    [
        (
            ANCS,
            "le registre national comptait 20 000 coopératives actives",
            "le registre national comptait 20\u00a0347 coopératives actives",
        ),
        (
            WIRE,
            "delegations from about 60 countries gathered in Paris",
            "delegations from about 50 countries gathered in Lyon",
        ),
    ],
)
def test_missing_quote_is_refused_with_the_closest_passage(
    text: str, quote: str, closest: str
) -> None:
    with pytest.raises(QuoteNotFound) as caught:
        anchor_quote(text, quote)
    message = str(caught.value)
    assert isinstance(caught.value, ClaimError)
    assert "\n" not in message
    assert message.startswith(f'quote "{quote}" is not in the evidence text; closest passage (')
    assert "% similar)" in message
    assert message.endswith("; quote it exactly")
    assert " ".join(closest.split()) in " ".join(message.split())
    assert caught.value.similarity > 0.75


def test_long_missing_quote_is_shortened_in_the_message() -> None:
    quote = "une phrase qui ne figure nulle part dans le texte " * 5
    with pytest.raises(QuoteNotFound) as caught:
        anchor_quote(WIRE, quote)
    assert len(str(caught.value)) < 300
    assert "…" in str(caught.value)


def test_closest_passage_is_whole_words_of_the_text() -> None:
    anchor, similarity = closest_passage(WIRE, "organized by the International Alliance")
    assert anchor.method == "fuzzy"
    assert WIRE[anchor.position.start : anchor.position.end] == anchor.quote.exact
    assert anchor.quote.exact == "organised by the International Alliance"
    assert 0.9 < similarity < 1.0


def test_selectors_for_a_span() -> None:
    start = WIRE.index("about 50")
    anchor = selectors_for(WIRE, start, start + len("about 50 countries"))
    assert anchor.method == "position"
    assert anchor.score == 1.0
    assert anchor.quote.exact == "about 50 countries"
    assert anchor.quote.prefix == "Government delegations from "
    assert anchor.quote.suffix == " gathered in Lyon on Wednesday f"
