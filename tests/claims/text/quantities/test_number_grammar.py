"""Number grammar a reader relies on: compounds, signs, powers, years and
centuries, accounting negatives, names that end in a figure."""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities


def values(text: str, lang: str) -> list[float | None]:
    return [q.value for q in find_quantities(text, lang)]


VALUES = [
    ("deux-cent-mille quatorze-mille", "fr", [200_000, 14_000]),
    ("vingt et un pays", "fr", [21]),
    ("quatre-vingt-dix-sept communes", "fr", [97]),
    ("Il fait moins quinze dehors.", "fr", [-15]),
    ("huit moins quatre", "fr", [8, 4]),
    ("Une baisse de −5 % et de –3 degrés.", "fr", [-5, -3]),
    ("Minus 5 degrees.", "en", [-5]),
    ("Exactly 8x2^10 bits.", "en", [8192]),
    ("A 2.48×10−5 m gap.", "en", [2.48e-5]),
    ("And I would walk 0.5k miles.", "en", [500]),
    ("Now it is -10C outside.", "en", [-10]),
    ("The annual revenue is ($99.99).", "en", [-99.99]),
    ("three million, two hundred & forty, you say?", "en", [3_000_240]),
    ("un, deux, trois", "fr", [1, 2, 3]),
    ("Cinquième, premier, second, troisième.", "fr", [5, 1, 2, 3]),
    ("I want a gallon of beer.", "en", [1]),
    ("The number 1/0 is not valid, open 24/7.", "en", []),
    ("Le SBF 120, le Nasdaq 100 et la page 12.", "fr", []),
    ("Le 1.5-million-strong army.", "en", [1_500_000]),
    ("$2.4bn and £15m.", "en", [2.4e9, 15e6]),
    ("1,5 million et 2,5 milliards de dirhams.", "fr", [1.5e6, 2.5e9]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), VALUES)
def test_values_as_a_reader_writes_them(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == pytest.approx(expected)


def test_a_year_in_words_is_a_date() -> None:
    (q,) = find_quantities("en mille neuf cent quatre-vingt-quatre", "fr")
    assert (q.value, q.kind, q.unit) == (1984, "date", "year")


def test_a_four_digit_figure_with_a_noun_is_a_count_unless_a_year_word_leads() -> None:
    qs = find_quantities("In 2019 1999 people came.", "en")
    assert [(q.value, q.kind) for q in qs] == [(2019, "date"), (1999, "count")]


def test_roman_centuries_and_republics_name_no_figure() -> None:
    assert find_quantities("Au XXe siècle, sous la Ve République. Le sommet.", "fr") == []


def test_over_before_a_duration_bounds_it_only_after_for_or_a_verb() -> None:
    (q,) = find_quantities("He was jailed for over two years.", "en")
    assert (q.value, q.low, q.kind) == (2, 2, "duration")
    (q,) = find_quantities("Over two years, prices fell.", "en")
    assert (q.low, q.hedge) == (None, None)


def test_percent_ranges_in_both_notations() -> None:
    for text, lang in (("de 10 à 15 % des élèves", "fr"), ("10-15% of pupils", "en")):
        (q,) = find_quantities(text, lang)
        assert (q.value, q.low, q.high, q.kind) == (None, 10, 15, "percent")
