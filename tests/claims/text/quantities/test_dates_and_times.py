"""Dates are not counts, and a time of day is no figure at all.

"the 2024 election" is a year (kind date), "12.05.2021" a date (never the
number 12.05), "entre le 3 et le 17 avril" two days; "à 14 heures" is a time
of day, dropped: never a 14-hour duration.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities


def dated(text: str, lang: str) -> list[tuple[str, float | None, str | None]]:
    return [(q.kind, q.value, q.unit) for q in find_quantities(text, lang)]


YEARS = [
    ("The 2024 election was close.", "en", [("date", 2024, "year")]),
    ("The 2024 elections were close.", "en", [("date", 2024, "year")]),
    ("Morocco's 2030 plan was unveiled.", "en", [("date", 2030, "year")]),
    ("In 2020, sales fell.", "en", [("date", 2020, "year")]),
    ("Le budget 2024 prévoit des coupes.", "fr", [("date", 2024, "year")]),
    ("La présidentielle 2022 approche.", "fr", [("date", 2022, "year")]),
    ("En 2019, le secteur a grandi.", "fr", [("date", 2019, "year")]),
    ("Growth in the 1960s.", "en", [("date", 1960, "decade")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), YEARS)
def test_a_year_is_a_date_even_before_a_noun(
    text: str, lang: str, expected: list[tuple[str, float, str]]
) -> None:
    assert dated(text, lang) == expected


COUNTS_NOT_YEARS = [
    ("In 2019 1999 people came.", "en", [("date", 2019, "year"), ("count", 1999, "people")]),
    ("Plus de 2000 manifestants ont défilé.", "fr", [("count", 2000, "manifestants")]),
    ("Les 1500 salariés du site sont inquiets.", "fr", [("count", 1500, "salariés")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), COUNTS_NOT_YEARS)
def test_a_four_digit_count_of_a_plural_stays_a_count(
    text: str, lang: str, expected: list[tuple[str, float, str]]
) -> None:
    assert dated(text, lang) == expected


NUMERIC_DATES = [
    ("Publié le 12.05.2021 à 10h12.", "fr", 2021),
    ("Mis à jour le 12/05/2021.", "fr", 2021),
    ("Le décret du 03-04-2021.", "fr", 2021),
    ("The report of 12/05/2021 was revised.", "en", 2021),
    ("Updated 2021-05-12 at noon.", "en", 2021),
    ("Published 5/12/21.", "en", 2021),
]


@pytest.mark.parametrize(("text", "lang", "year"), NUMERIC_DATES)
def test_a_numeric_date_is_one_date_never_a_decimal(text: str, lang: str, year: float) -> None:
    assert dated(text, lang) == [("date", year, "date")]


def test_version_and_section_numbers_are_no_figures() -> None:
    assert find_quantities("La version 1.2.3 corrige la section 3.12.05.", "fr") == []


OTHER_LANGUAGE_MONTHS = [
    ("Le rapport du May 2, 2021 est clair.", "fr", [("date", 2, "day"), ("date", 2021, "year")]),
    ("— Jane Doe (@jdoe) May 2, 2021", "fr", [("date", 2, "day"), ("date", 2021, "year")]),
    ("The decree of 3 mars 2021 applies.", "en", [("date", 3, "day"), ("date", 2021, "year")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), OTHER_LANGUAGE_MONTHS)
def test_a_date_in_the_other_language_is_a_date(
    text: str, lang: str, expected: list[tuple[str, float, str]]
) -> None:
    assert dated(text, lang) == expected


DAY_SPANS = [
    ("Le salon a lieu entre le 3 et le 17 avril.", "fr", [3, 17]),
    ("Du 3 au 17 avril, la route est fermée.", "fr", [3, 17]),
    ("Les 3, 4 et 5 mai sont fériés.", "fr", [3, 4, 5]),
    ("The fair runs between 3 and 17 April.", "en", [3, 17]),
    ("The fair runs from April 3 to 17.", "en", [3, 17]),
    ("Talks ran 3-5 June.", "en", [3, 5]),
]


@pytest.mark.parametrize(("text", "lang", "days"), DAY_SPANS)
def test_days_that_share_a_month_are_dates(text: str, lang: str, days: list[float]) -> None:
    assert dated(text, lang) == [("date", d, "day") for d in days]


CLOCK_TIMES = [
    ("Rendez-vous à 14 heures.", "fr"),
    ("Rendez-vous à 14h30.", "fr"),
    ("La séance reprend à 14 heures 30.", "fr"),
    ("Il est arrivé vers 8 h.", "fr"),
    ("Dès 8 heures, la file s'allongeait.", "fr"),
    ("Le bureau ouvre à neuf heures.", "fr"),
    ("See you at 2 pm.", "en"),
    ("The vote is at 14:00.", "en"),
    ("We met at 2 o'clock.", "en"),
    ("Doors open at 10:45 a.m.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), CLOCK_TIMES)
def test_a_clock_time_is_dropped_never_a_duration(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


DURATIONS = [
    ("Il a travaillé 14 heures d'affilée.", "fr", 14),
    ("Après 10 heures de négociations, un accord.", "fr", 10),
    ("La grève a duré 48 heures.", "fr", 48),
    ("The talks lasted 14 hours.", "en", 14),
]


@pytest.mark.parametrize(("text", "lang", "hours"), DURATIONS)
def test_hours_that_last_stay_durations(text: str, lang: str, hours: float) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text, lang)] == [("duration", hours)]
