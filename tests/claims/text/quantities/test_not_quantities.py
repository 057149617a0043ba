"""Numbers that are no quantities: names, references, list numbers, idioms.

Each would put a spurious figure in the queue ("Windows 11" -> 11), which
costs a fact-checker more than a missing one.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

NAMES_AND_REFERENCES = [
    ("Microsoft a lancé Windows 11 en France.", "fr"),
    ("Il habite Paris 13 depuis peu.", "fr"),
    ("La loi n°2019-222 réforme la justice.", "fr"),
    ("La loi n° 2019-222 réforme la justice.", "fr"),
    ("L'iPhone 15 est sorti.", "fr"),
    ("Un Airbus A320 a atterri.", "fr"),
    ("Le Boeing 737 MAX reste au sol.", "fr"),
    ("Le CAC 40 a reculé.", "fr"),
    ("La COP 28 s'est tenue à Dubaï.", "fr"),
    ("Il a regardé France 3 hier soir.", "fr"),
    ("Voir l'article 12 du règlement.", "fr"),
    ("They drove along Route 66.", "en"),
    ("The iPhone 15 went on sale.", "en"),
    ("Windows 11 needs a new chip.", "en"),
    ("The A320 landed safely.", "en"),
    ("See Section 4 of the report.", "en"),
    ("The bill No. 5 was tabled.", "en"),
    ("Delegates met at COP 28 in Dubai.", "en"),
    ("Apollo 11 landed on the Moon.", "en"),
    ("Chelsea beat Arsenal 2-1 on Sunday.", "en"),
    ("Le PSG a battu l'OM 2-1 dimanche.", "fr"),
    ("Tesla Model 3 sales fell.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NAMES_AND_REFERENCES)
def test_names_and_references_are_no_quantities(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


QUOTED_TITLES = [
    ("Le conseil a adopté le programme « Soleil Souss 2030 », sans budget.", "fr"),
    ("Le plan « Maroc Digital 2030 » a été présenté.", "fr"),
    ("The kingdom's “Vision 2030” plan was launched.", "en"),
    ('The African Union\'s "Agenda 2063" was discussed.', "en"),
]


@pytest.mark.parametrize(("text", "lang"), QUOTED_TITLES)
def test_the_number_that_ends_a_quoted_title_is_no_quantity(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


QUOTED_FIGURES = [
    ("« Nous en comptons aujourd'hui 20.000 », a-t-elle dit.", "fr", "20.000"),
    ("« Rendez-vous en 2030 », a-t-il lancé.", "fr", "2030"),
    ('He said: "We will be there in 2030".', "en", "2030"),
    ("« Fin mai 2030 », répond-il.", "fr", "2030"),
]


@pytest.mark.parametrize(("text", "lang", "surface"), QUOTED_FIGURES)
def test_a_quoted_sentence_keeps_the_figure_it_ends_on(text: str, lang: str, surface: str) -> None:
    assert [q.surface for q in find_quantities(text, lang)] == [surface]


LIST_NUMBERS = [
    ("1- Vérifier les sources", "fr"),
    ("2) Recouper les chiffres", "fr"),
    ("3. Publier la correction", "fr"),
    ("  4 - Archiver la page", "fr"),
    ("Il faut 1) vérifier, 2) recouper.", "fr"),
    ("1. Check the sources", "en"),
    ("2) Ask the author", "en"),
    ("Steps: 1) read, 2) check.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), LIST_NUMBERS)
def test_list_numbers_are_no_quantities(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


def test_a_list_item_keeps_its_own_figures() -> None:
    qs = find_quantities("1- Le Maroc compte 12 régions\n2) Plus de 40 % des votants", "fr")
    assert [(q.kind, q.value) for q in qs] == [("count", 12), ("percent", 40)]


IDIOMS = [
    ("Le sujet revient au premier plan.", "fr"),
    ("Les soignants sont en première ligne.", "fr"),
    ("L'affaire fait la une des journaux.", "fr"),
    ("Il était à la une hier.", "fr"),
    ("Le pays vise les quarts de finale.", "fr"),
    ("Ils sont entrés un à un.", "fr"),
    ("Ce sont des produits de première nécessité.", "fr"),
    ("Wait one more minute.", "en"),
    ("First of all, thank you.", "en"),
    ("He bought it second-hand.", "en"),
    ("The team is second to none.", "en"),
    ("They left one by one.", "en"),
    ("At first, nobody came.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), IDIOMS)
def test_idioms_are_no_quantities(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


STILL_QUANTITIES = [
    ("Le Maroc compte 12 régions.", "fr", [12]),
    ("Selon l'INSEE 12 % des ménages sont pauvres.", "fr", [12]),
    ("En Espagne 30 000 emplois ont été créés.", "fr", [30_000]),
    ("Ils étaient 12.", "fr", [12]),
    ("Environ 300.", "fr", [300]),
    ("Spain created 30,000 jobs.", "en", [30_000]),
    ("Over 300 came.", "en", [300]),
]


@pytest.mark.parametrize(("text", "lang", "values"), STILL_QUANTITIES)
def test_figures_next_to_names_that_count_something_stay(
    text: str, lang: str, values: list[float]
) -> None:
    assert [q.value for q in find_quantities(text, lang)] == values
