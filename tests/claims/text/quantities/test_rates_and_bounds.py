"""Rates keep their period or denominator; comparisons give bounds.

"$20 million a week" and "$20 million" are different claims: the unit says
so (USD/week). "up to an additional 15 per cent" is at most 15.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

# text, lang, value, unit
RATES = [
    ("The club loses $20 million a week.", "en", 2e7, "USD/week"),
    ("Income reached $500 per capita.", "en", 500, "USD/capita"),
    ("The virus kills 20 people a day.", "en", 20, "people/day"),
    ("Nurses work 12 hours a day.", "en", 12, "hours/day"),
    ("The field pumps 2 million barrels per day.", "en", 2e6, "bbl/day"),
    ("The plant emits 3 million tonnes every year.", "en", 3e6, "t/year"),
    ("The fund pays out £40m annually.", "en", 4e7, "GBP/year"),
    ("Le pays émet 3 milliards de tonnes chaque année.", "fr", 3e9, "t/year"),
    ("La norme est de 0,5 mg par litre.", "fr", 0.5, "mg/l"),
    ("La norme est de 0,5 mg/l.", "fr", 0.5, "mg/l"),
    ("Le PIB atteint 3 500 dollars par habitant.", "fr", 3500, "USD/capita"),
    ("Un budget de 500 millions de dirhams annuels.", "fr", 5e8, "MAD/year"),
    ("Le port traite 10 000 tonnes par an.", "fr", 10000, "t/year"),
    ("Ils dépensent 200 euros par mois.", "fr", 200, "EUR/month"),
    ("L'usine produit 40 tonnes par jour.", "fr", 40, "t/day"),
]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), RATES)
def test_a_rate_keeps_its_period_in_the_unit(text: str, lang: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text, lang)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


NOT_RATES = [
    ("Revenue was $5bn a year ago.", "en", "USD"),
    ("Sales hit $6bn a year earlier.", "en", "USD"),
    ("Le port a traité 10 000 tonnes l'an dernier.", "fr", "t"),
]


@pytest.mark.parametrize(("text", "lang", "unit"), NOT_RATES)
def test_a_time_reference_is_no_rate(text: str, lang: str, unit: str) -> None:
    (q,) = find_quantities(text, lang)
    assert q.unit == unit


def test_a_percent_per_year_stays_a_percent() -> None:
    (q,) = find_quantities("Les prix montent de 3 % par an.", "fr")
    assert (q.kind, q.value, q.unit) == ("percent", 3, None)


# text, lang, value, bound ("low": at least the value, "high": at most)
BOUNDS = [
    ("Up to an additional 15 per cent of staff could go.", "en", 15, "high"),
    ("Up to 300 jobs could be cut.", "en", 300, "high"),
    ("At least 20 people died.", "en", 20, "low"),
    ("At least another 20 people died.", "en", 20, "low"),
    ("More than a further 3,000 jobs will go.", "en", 3000, "low"),
    ("No more than 10% of firms agreed.", "en", 10, "high"),
    ("As many as 40,000 people fled.", "en", 40000, "high"),
    ("Jusqu'à 30 % des salariés sont concernés.", "fr", 30, "high"),
    ("jusqu'a 30 % des salaries", "fr", 30, "high"),
    ("Au moins 20 élèves sont absents.", "fr", 20, "low"),
    ("Jusqu'à un total de 300 emplois.", "fr", 300, "high"),
    ("Plus de 40 % des coopératives.", "fr", 40, "low"),
    ("Moins de 10 % des exploitations.", "fr", 10, "high"),
    ("Pas moins de 500 familles.", "fr", 500, "low"),
]


@pytest.mark.parametrize(("text", "lang", "value", "bound"), BOUNDS)
def test_comparisons_give_a_bound(text: str, lang: str, value: float, bound: str) -> None:
    (q,) = find_quantities(text, lang)
    assert q.value == value
    assert (q.low, q.high) == ((value, None) if bound == "low" else (None, value))
