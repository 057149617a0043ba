"""A part and its share in one sentence imply a total: a derived figure."""

from __future__ import annotations

import pytest

from claims.crosscheck import crosscheck, derived_figures
from claims.quantities import find_quantities

SEED = (
    "« Le nombre de coopératives a explosé : nous en comptons aujourd'hui 20.000, ce qui "
    "représente 50 pc de l'ensemble des coopératives actives dans le monde arabe »"
)


def test_part_and_share_imply_a_total_with_propagated_tolerance() -> None:
    [derived] = derived_figures(find_quantities(SEED, "fr"), SEED, "fr")
    assert derived.value == pytest.approx(40_000)
    assert derived.low == pytest.approx(19_500 / 0.505)
    assert derived.high == pytest.approx(20_499 / 0.495)
    assert 38_500 < (derived.low or 0) < 39_000
    assert 41_000 < (derived.high or 0) < 41_500
    assert derived.part.surface == "20.000"
    assert derived.share.surface == "50 pc"
    assert derived.unit == "coopératives"
    assert "40,000" in derived.reason
    assert "20.000" in derived.reason


def test_claim_offsets_from_the_article_are_relocated_in_the_sentence() -> None:
    article = "Titre.\n" * 30 + SEED
    quantities = find_quantities(article, "fr")
    [derived] = derived_figures(quantities, SEED, "fr")
    assert derived.value == pytest.approx(40_000)


@pytest.mark.parametrize(
    ("quote", "lang", "result"),
    [
        ("The Arab world counts about 40,000 active cooperatives", "en", "within"),
        ("Le monde arabe compte 60 000 coopératives actives", "fr", "outside"),
    ],
)
def test_derived_total_is_checkable_like_any_claim(quote: str, lang: str, result: str) -> None:
    [derived] = derived_figures([], SEED, "fr")
    [check] = crosscheck([derived.as_quantity()], quote, lang)
    assert check.result == result


@pytest.mark.parametrize(
    "sentence",
    [
        "Le chômage a reculé de 2 % en un an, à 1 200 000 demandeurs.",
        "Les 20.000 coopératives du pays, 50 pc de plus qu'en 2014.",
        "20 000 coopératives, dont 100 % agréées.",
    ],
)
def test_no_total_without_a_share_of_a_whole(sentence: str) -> None:
    assert derived_figures([], sentence, "fr") == []
