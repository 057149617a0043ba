"""Shares of a whole are percents, in digits or in words; multipliers are factors.

A fact-checker compares "un cinquième des ménages" with the "19,8 %" of a
survey: both must be percents. A multiplier ("a triplé", "twice as many") is
a factor, never a share.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import Quantity, find_quantities


def only(text: str, lang: str) -> Quantity:
    qs = find_quantities(text, lang)
    assert len(qs) == 1, [(q.surface, q.kind, q.value) for q in qs]
    return qs[0]


# text, lang, percent
SHARES_IN_WORDS = [
    ("Un cinquième des ménages n'a pas accès à internet.", "fr", 20),
    ("un cinquième du budget va à la dette", "fr", 20),
    ("Un tiers des femmes travaillent à temps partiel.", "fr", 100 / 3),
    ("Deux tiers des élèves ont réussi.", "fr", 200 / 3),
    ("Les deux-tiers des communes sont rurales.", "fr", 200 / 3),
    ("Un quart des communes n'ont pas de médecin.", "fr", 25),
    ("Trois quarts des sondés sont pour.", "fr", 75),
    ("La moitié des jeunes cherchent un emploi.", "fr", 50),
    ("Le quart des salariés est en télétravail.", "fr", 25),
    ("Le tiers des dépenses part en salaires.", "fr", 100 / 3),
    ("Trois dixièmes de la récolte sont perdus.", "fr", 30),
    ("Deux cinquièmes des votants ont choisi le oui.", "fr", 40),
    ("Un dixième de la population vit sous le seuil.", "fr", 10),
    ("Un vingtième des parcelles est irrigué.", "fr", 5),
    ("Quatre cinquièmes d'entre eux ont répondu.", "fr", 80),
    ("La part est tombée à un cinquième.", "fr", 20),
    ("A third of households lack broadband.", "en", 100 / 3),
    ("Two-thirds of children walk to school.", "en", 200 / 3),
    ("Two thirds of the budget goes to pensions.", "en", 200 / 3),
    ("Three-quarters of the wells have run dry.", "en", 75),
    ("Half of the voters stayed home.", "en", 50),
    ("Half the voters stayed home.", "en", 50),
    ("A quarter of the staff were laid off.", "en", 25),
    ("One-fifth of the land is forest.", "en", 20),
    ("Four fifths of respondents agreed.", "en", 80),
    ("A tenth of the stock was sold.", "en", 10),
    ("Turnout fell to only a fifth.", "en", 20),
    ("Exports to China rose by a third last year.", "en", 100 / 3),
    ("Costs were cut by a quarter this spring.", "en", 25),
    ("Les exportations ont progressé d'un tiers l'an dernier.", "fr", 100 / 3),
]


@pytest.mark.parametrize(("text", "lang", "percent"), SHARES_IN_WORDS)
def test_a_share_in_words_is_a_percent(text: str, lang: str, percent: float) -> None:
    q = only(text, lang)
    assert q.kind == "percent"
    assert q.value == pytest.approx(percent, abs=1e-6)
    assert q.unit is None


# text, lang, percent
RATIOS = [
    ("Un Marocain sur cinq vit en ville.", "fr", 20),
    ("1 sur 5 a répondu au questionnaire.", "fr", 20),
    ("Sept élèves sur dix ont réussi.", "fr", 70),
    ("sept eleves sur dix ont reussi", "fr", 70),
    ("Trois salariés sur quatre sont satisfaits.", "fr", 75),
    ("Un jeune diplômé sur trois est au chômage.", "fr", 100 / 3),
    ("Deux sur trois ont voté.", "fr", 200 / 3),
    ("Un enfant sur cent est concerné.", "fr", 1),
    ("One in five adults smokes.", "en", 20),
    ("Two in five small firms expect to hire this year.", "en", 40),
    ("1 in 4 children lives in poverty.", "en", 25),
    ("Nine out of ten doctors agree.", "en", 90),
    ("one person in ten has diabetes", "en", 10),
    ("Three out of four voters said no.", "en", 75),
    ("one in twelve adults has diabetes", "en", 100 / 12),
]


@pytest.mark.parametrize(("text", "lang", "percent"), RATIOS)
def test_one_in_five_and_sept_sur_dix_are_percents(text: str, lang: str, percent: float) -> None:
    q = only(text, lang)
    assert (q.kind, q.unit) == ("percent", None)
    assert q.value == pytest.approx(percent, abs=1e-6)


# a part and its whole, or a span: counts, never a share
NOT_RATIOS = [
    ("Neuf régions sur douze sont concernées.", "fr", [9, 12]),
    ("Une étude sur 500 patients a été publiée.", "fr", [500]),
    ("Ils ont signé un accord sur cinq ans.", "fr", [5]),
    ("Il a marqué 2 buts sur 5 tirs.", "fr", [2, 5]),
    ("Nine out of twelve regions are affected.", "en", [9, 12]),
    ("It happens once in five years.", "en", [5]),
    ("Two in 2020 and three in 2021.", "en", [2, 2020, 3, 2021]),
]


@pytest.mark.parametrize(("text", "lang", "values"), NOT_RATIOS)
def test_a_part_and_its_whole_are_not_a_share(text: str, lang: str, values: list[float]) -> None:
    qs = find_quantities(text, lang)
    assert [q.value for q in qs] == values
    assert "percent" not in {q.kind for q in qs}


# text, lang, value, low, high, approximate
HEDGED_SHARES = [
    ("Près d'un tiers des salariés.", "fr", 100 / 3, 30, 100 / 3, True),
    ("Pres de deux tiers des eleves ont reussi.", "fr", 200 / 3, 60, 200 / 3, True),
    ("Environ un cinquième des ménages.", "fr", 20, 18, 22, True),
    ("Plus de la moitié des communes.", "fr", 50, 50, None, False),
    ("Moins d'un quart des élus.", "fr", 25, None, 25, False),
    ("Près d'un cinquième.", "fr", 20, 18, 20, True),
    ("Nearly three-quarters of the wells have run dry.", "en", 75, 67.5, 75, True),
    ("About a third of households.", "en", 100 / 3, 30, 110 / 3, True),
    ("More than half of the voters.", "en", 50, 50, None, False),
    ("Fewer than one in ten firms.", "en", 10, None, 10, False),
    ("Almost two in five small firms.", "en", 40, 36, 40, True),
]


@pytest.mark.parametrize(("text", "lang", "value", "low", "high", "approx"), HEDGED_SHARES)
def test_a_hedged_share_carries_its_interval(
    text: str,
    lang: str,
    value: float,
    low: float | None,
    high: float | None,
    approx: bool,
) -> None:
    q = only(text, lang)
    assert q.kind == "percent"
    assert q.value == pytest.approx(value, abs=1e-6)
    assert q.low == (None if low is None else pytest.approx(low, abs=1e-6))
    assert q.high == (None if high is None else pytest.approx(high, abs=1e-6))
    assert q.approximate is approx
    assert q.hedge


# text, lang, value, kind, unit: a fraction of one unit is that unit
FRACTIONS_OF_A_UNIT = [
    ("The camp is one-half miles east.", "en", 0.5, "measure", "mi"),
    ("Il a attendu un quart d'heure.", "fr", 0.25, "duration", "heure"),
    ("Trois quarts d'heure de retard.", "fr", 0.75, "duration", "heure"),
    ("Is three halves a fraction?", "en", 1.5, "count", None),
    ("cent trois et deux tiers", "fr", 103 + 2 / 3, "count", None),
    ("two and two-thirds cups of flour", "en", 2 + 2 / 3, "count", "cups"),
    ("2 et trois quarts", "fr", 2.75, "count", None),
]


@pytest.mark.parametrize(("text", "lang", "value", "kind", "unit"), FRACTIONS_OF_A_UNIT)
def test_fractions_of_a_unit_and_mixed_numbers_are_numbers(
    text: str, lang: str, value: float, kind: str, unit: str | None
) -> None:
    q = only(text, lang)
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value, abs=1e-6)


NOT_SHARES = [
    ("Il brigue un cinquième mandat.", "fr"),
    ("He seeks a third term.", "en"),
    ("In the second half of the season.", "en"),
    ("Au cours de la première moitié du mandat.", "fr"),
    ("Sales rose in a quarter.", "en"),
    ("The half-time score.", "en"),
    ("Half past nine.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_SHARES)
def test_ordinals_periods_and_compounds_are_not_shares(text: str, lang: str) -> None:
    assert "percent" not in {q.kind for q in find_quantities(text, lang)}


# text, lang, factor
FACTORS = [
    ("La production a triplé.", "fr", 3),
    ("Le chiffre d'affaires a doublé.", "fr", 2),
    ("La production a été multipliée par trois.", "fr", 3),
    ("Il est 3 fois plus grand.", "fr", 3),
    ("Les ventes représentent le double de l'an dernier.", "fr", 2),
    ("Le coût atteint le triple du devis.", "fr", 3),
    ("Inflation tripled.", "en", 3),
    ("Three times as many people came.", "en", 3),
    ("There were twice as many cars.", "en", 2),
    ("Half as many buses ran.", "en", 0.5),
    ("A x3 increase.", "en", 3),
]


@pytest.mark.parametrize(("text", "lang", "value"), FACTORS)
def test_multipliers_are_factors_never_shares(text: str, lang: str, value: float) -> None:
    q = only(text, lang)
    assert (q.kind, q.value) == ("factor", value)
