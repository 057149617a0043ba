"""A change is two figures; a range is one figure with two ends of one kind.

"Revenue climbed 9 per cent to $2.3 billion" states the change (9 %) and the
new level ($2.3 billion): a fact-checker checks each. A money range from 9
to 2.3 billion would be a wrong figure.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

# text, lang, [(value, kind, unit)]
CHANGES = [
    ("Revenue climbed 9 per cent to $2.3 billion.", "en",
     [(9, "percent", None), (2.3e9, "money", "USD")]),
    ("Profits rose 7 per cent to €800 million.", "en",
     [(7, "percent", None), (8e8, "money", "EUR")]),
    ("Exports jumped 12% to 4.1 million tonnes last year.", "en",
     [(12, "percent", None), (4.1e6, "measure", "t")]),
    ("Sales fell 3.5 per cent to £1.2bn.", "en", [(3.5, "percent", None), (1.2e9, "money", "GBP")]),
    ("Revenue rose by 9% to $2.3 billion.", "en", [(9, "percent", None), (2.3e9, "money", "USD")]),
    ("Inflation rose 9% to 12%.", "en", [(9, "percent", None), (12, "percent", None)]),
    ("Prices rose from $350 to $680.", "en", [(350, "money", "USD"), (680, "money", "USD")]),
    ("Sales rose from 3 to 5 million units.", "en",
     [(3e6, "count", "units"), (5e6, "count", "units")]),
    ("Le chiffre d'affaires a progressé de 6 % pour atteindre 1,8 milliard de dirhams.", "fr",
     [(6, "percent", None), (1.8e9, "money", "MAD")]),
    ("Les exportations ont bondi de 15 % à 2,4 millions de tonnes.", "fr",
     [(15, "percent", None), (2.4e6, "measure", "t")]),
    ("Le taux de réussite est passé de 62 % à 71 %.", "fr",
     [(62, "percent", None), (71, "percent", None)]),
    ("Le chômage a reculé de 11 % à 9,5 %.", "fr", [(11, "percent", None), (9.5, "percent", None)]),
    ("Les recettes sont passées de 2 à 2,5 milliards de dirhams.", "fr",
     [(2e9, "money", "MAD"), (2.5e9, "money", "MAD")]),
    ("Le bénéfice a augmenté de 4 % à 120 millions d'euros.", "fr",
     [(4, "percent", None), (1.2e8, "money", "EUR")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang", "expected"), CHANGES)
def test_a_change_and_its_new_level_are_two_figures(
    text: str, lang: str, expected: list[tuple[float, str, str | None]]
) -> None:
    qs = find_quantities(text, lang)
    assert [(q.kind, q.unit) for q in qs] == [(k, u) for _, k, u in expected]
    assert [q.value for q in qs] == pytest.approx([v for v, _, _ in expected])
    assert all(q.low is None and q.high is None for q in qs)


# text, lang, low, high, kind, unit
RANGES = [
    ("Entre 10 et 20 % des ménages.", "fr", 10, 20, "percent", None),
    ("entre 10 et 20 tonnes", "fr", 10, 20, "measure", "t"),
    ("De 10 à 20 ans de prison.", "fr", 10, 20, "duration", "ans"),
    ("de 2 à 2,5 milliards de dirhams", "fr", 2e9, 2.5e9, "money", "MAD"),
    ("entre 3 et 5 millions d'habitants", "fr", 3e6, 5e6, "count", "habitants"),
    ("de 10 à 15 % des élèves", "fr", 10, 15, "percent", None),
    ("From 3 to 5 million people.", "en", 3e6, 5e6, "count", "people"),
    ("between 2 and 3 billion dollars", "en", 2e9, 3e9, "money", "USD"),
    ("$2 to $3 billion", "en", 2e9, 3e9, "money", "USD"),
    ("Between 44 and 50 mg.", "en", 44, 50, "measure", "mg"),
    ("Prices could rise 3 to 5 percent.", "en", 3, 5, "percent", None),
    ("10-15% of pupils", "en", 10, 15, "percent", None),
    ("3 to 4 L of wine.", "en", 3, 4, "measure", "l"),
    ("From 7 to 10 zones.", "en", 7, 10, "count", "zones"),
]


@pytest.mark.parametrize(("text", "lang", "low", "high", "kind", "unit"), RANGES)
def test_a_range_has_two_ends_of_one_kind(
    text: str, lang: str, low: float, high: float, kind: str, unit: str | None
) -> None:
    (q,) = find_quantities(text, lang)
    assert (q.value, q.kind, q.unit) == (None, kind, unit)
    assert [q.low, q.high] == pytest.approx([low, high])


NOT_RANGES = [
    ("Il a fait 10 - 15 pompes.", "fr"),
    ("Il y avait 10 et 20 personnes.", "fr"),
    ("We saw 10 and 20 cars.", "en"),
    ("Un score de 3 à 1 pour 20 % des votants.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_RANGES)
def test_figures_joined_without_an_opener_stay_apart(text: str, lang: str) -> None:
    assert all(q.value is not None for q in find_quantities(text, lang))
