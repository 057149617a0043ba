"""Numbers as newsrooms and wire copy write them, in French and English.

Each case is a class a fact-checker meets: number words beyond text2num's
reach (the French long scale, dozens, fractions, text without accents),
scale shorthands, scientific notation, decimals without a leading zero,
signs written apart, mixed numbers.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities


def values(text: str, lang: str) -> list[float | None]:
    return [q.value for q in find_quantities(text, lang)]


# text, lang, values
LONG_SCALE_AND_DOZENS = [
    ("La dette atteindrait un billion d'euros.", "fr", [1e12]),
    ("Deux billions de dollars de dette.", "fr", [2e12]),
    ("Un billiard de bactéries.", "fr", [1e15]),
    ("Un trillion de dollars.", "fr", [1e18]),
    ("Le PIB dépasse 2 billions d'euros.", "fr", [2e12]),
    ("The debt tops one billion dollars.", "en", [1e9]),
    ("A 2 billion dollar fund.", "en", [2e9]),
    ("3 douzaines d'œufs ont été vendues.", "fr", [36]),
    ("Trois douzaines de roses.", "fr", [36]),
    ("Two dozen eggs were broken.", "en", [24]),
    ("They sold 4 dozen roses.", "en", [48]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), LONG_SCALE_AND_DOZENS)
def test_long_scale_and_dozens(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == pytest.approx(expected)


SHORTHANDS = [
    ("About 10k people marched.", "en", [10_000]),
    ("Il y a 10 k abonnés.", "fr", [10_000]),
    ("Le compte a 2,5k abonnés.", "fr", [2_500]),
    ("The video has 10 k views.", "en", [10_000]),
    ("Le projet coûtera 2 Md€.", "fr", [2e9]),
    ("Un budget de 2 Mds €.", "fr", [2e9]),
    ("Une levée de 3 M$.", "fr", [3e6]),
    ("Un contrat de 450 M€.", "fr", [4.5e8]),
    ("It raised $5m and £2bn.", "en", [5e6, 2e9]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SHORTHANDS)
def test_scale_shorthands(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == pytest.approx(expected)


NOTATIONS = [
    ("On compte 1,2e6 cellules.", "fr", [1.2e6]),
    ("La valeur est 12e-1.", "fr", [1.2]),
    ("A value of 1.2e6 was measured.", "en", [1.2e6]),
    ("The rate is 3e-4 per year.", "en", [3e-4]),
    ("Un taux de ,08 a été relevé.", "fr", [0.08]),
    ("It was .08 of a point.", "en", [0.08]),
    ("A shift of -.5 was seen.", "en", [-0.5]),
    ("Il fait - 10 degrés.", "fr", [-10]),
    ("La température est de - 5 °C.", "fr", [-5]),
    ("We had - 10 degrees last night.", "en", [-10]),
    ("Une variation de −3 %.", "fr", [-3]),
    ("Ajoutez 2 1/4 tasses de farine.", "fr", [2.25]),
    ("Add 2 1/4 cups of flour.", "en", [2.25]),
    ("A 3 1/2 inch screen.", "en", [3.5]),
    ("cent trois et deux tiers", "fr", [103 + 2 / 3]),
    ("deux et demi", "fr", [2.5]),
    ("two and a half miles", "en", [2.5]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), NOTATIONS)
def test_notations(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == pytest.approx(expected)


NOT_SIGNS = [
    ("- 10 000 emplois créés", "fr", [10_000]),  # a bullet
    ("Paris - 3 morts dans un incendie", "fr", [3]),  # a headline dash
    ("de 10 - 15 élèves", "fr", [10, 15]),  # a span written apart
    ("Le bilan – 10 morts – reste provisoire.", "fr", [10]),  # an aside
]


@pytest.mark.parametrize(("text", "lang", "expected"), NOT_SIGNS)
def test_a_dash_that_is_punctuation_is_no_minus(
    text: str, lang: str, expected: list[float]
) -> None:
    assert values(text, lang) == pytest.approx(expected)


# French written without accents reads as with them
UNACCENTED = [
    ("le cinquieme producteur mondial", "fr", [5]),
    ("Il est arrivé vingtieme.", "fr", [20]),
    ("la deuxieme economie du pays", "fr", [2]),
    ("pres de 300 eleves", "fr", [300]),
    ("Pres de deux tiers des eleves ont reussi.", "fr", [200 / 3]),
    ("un cinquieme des menages", "fr", [20]),
    ("jusqu'a 30 % des salaries", "fr", [30]),
    ("zero", "fr", [0]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), UNACCENTED)
def test_french_without_accents(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == pytest.approx(expected)


def test_unaccented_hedges_give_the_same_bounds_as_accented_ones() -> None:
    (bare,) = find_quantities("pres de 300 eleves", "fr")
    (accented,) = find_quantities("près de 300 élèves", "fr")
    assert (bare.low, bare.high, bare.approximate) == (accented.low, accented.high, True)
