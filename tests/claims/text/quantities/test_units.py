"""The unit of a count is the noun it counts, not the word after the figure.

A fact-checker matches "12 new wind farms" against "12 wind farms" in a
report: the unit must be "farms", not "new". Verbs and adverbs after a
figure are no unit at all.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

# text, lang, value, unit
COUNTED_NOUNS = [
    ("12 new wind farms will be built.", "en", 12, "farms"),
    ("40 full-time equivalent posts were cut.", "en", 40, "posts"),
    ("The 12 member states agreed.", "en", 12, "states"),
    ("20 Chinese companies bid.", "en", 20, "companies"),
    ("5 key reasons explain it.", "en", 5, "reasons"),
    ("300 homes destroyed by the flood.", "en", 300, "homes"),
    ("The port handled 3.2 million containers last year.", "en", 3.2e6, "containers"),
    ("More than 2,000 young people took part.", "en", 2000, "people"),
    ("We hired 15 additional staff.", "en", 15, "staff"),
    ("One new wind farm was built.", "en", 1, "farm"),
    ("Some 600 extra police officers were deployed.", "en", 600, "officers"),
    ("Les 3.000 jeunes formés représentent 15 % des diplômés.", "fr", 3000, "jeunes"),
    ("12 nouveaux parcs éoliens seront construits.", "fr", 12, "parcs"),
    ("Le pays compte 20.000 coopératives actives.", "fr", 20000, "coopératives"),
    ("Plus de 1 300 jeunes ont bénéficié du programme.", "fr", 1300, "jeunes"),
    ("Les 40 postes équivalents temps plein.", "fr", 40, "postes"),
    ("Deux millions de foyers sont raccordés.", "fr", 2e6, "foyers"),
    ("Coverage among five-year-olds rose.", "en", 5, "year-olds"),
    ("They rated 3-star hotels.", "en", 3, "star"),
]


# a unit glued by a hyphen is the unit: "a two-day meeting" lasts two days
HYPHENATED = [
    ("The two-day meeting opened in Lyon.", "en", 2, "duration", "day"),
    ("A 10-year plan was adopted.", "en", 10, "duration", "year"),
    ("Un bail de 3 ans renouvelable.", "fr", 3, "duration", "ans"),
]


@pytest.mark.parametrize(("text", "lang", "value", "kind", "unit"), HYPHENATED)
def test_a_hyphenated_unit_is_the_unit(
    text: str, lang: str, value: float, kind: str, unit: str
) -> None:
    (q,) = find_quantities(text, lang)
    assert (q.value, q.kind, q.unit) == (value, kind, unit)


@pytest.mark.parametrize(("text", "lang", "value", "unit"), COUNTED_NOUNS)
def test_the_unit_is_the_counted_noun(text: str, lang: str, value: float, unit: str) -> None:
    counts = [q for q in find_quantities(text, lang) if q.kind == "count"]
    assert [(q.value, q.unit) for q in counts][:1] == [(value, unit)]


# a verb, an adverb or a time word after the figure is no unit
NO_NOUN = [
    ("About 300 attended the meeting.", "en", 300),
    ("Of the 40 invited, 12 said yes.", "en", 12),
    ("The turnout was 600 yesterday.", "en", 600),
    ("Ils étaient 12 hier soir.", "fr", 12),
    ("Sur les 40 invités, 12 viennent de confirmer.", "fr", 12),
    ("Le total atteint 45 désormais.", "fr", 45),
]


@pytest.mark.parametrize(("text", "lang", "value"), NO_NOUN)
def test_verbs_and_adverbs_are_no_unit(text: str, lang: str, value: float) -> None:
    found = {q.value: q.unit for q in find_quantities(text, lang)}
    assert value in found
    assert found[value] is None


INCHES = [
    ('The phone has a 6.1" screen.', "en", [(6.1, "in")]),
    ("A 15″ laptop.", "en", [(15, "in")]),
    ('Adjustable Wrench 8"', "en", [(8, "in")]),
    ('He said "I paid 20" and left.', "en", [(20, None)]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), INCHES)
def test_a_double_quote_glued_to_a_figure_is_an_inch_unless_it_closes_a_quote(
    text: str, lang: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text, lang)] == expected


# SI symbols with a prefix, glued or spaced, are measures in their own unit;
# a word that only looks like one ("as", "4G", "N" for north) is none.
SI_SYMBOLS = [
    ("Fine particles reached 48µg per cubic metre.", "en", 48, "µg"),
    ("Les particules fines ont atteint 48 μg par mètre cube.", "fr", 48, "µg"),
    ("Pressure fell by 12kPa in an hour.", "en", 12, "kPa"),
    ("Workers received 3 mSv over the year.", "en", 3, "mSv"),
    ("The dinosaurs died out about 66 Ma ago.", "en", 66, "Ma"),
    ("The rocks are 4.4 Ga old.", "en", 4.4, "Ga"),
    ("Le réacteur libère 20 GBq par jour.", "fr", 20, "GBq/day"),
    ("The lamp gives 1cd.", "en", 1, "cd"),
]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), SI_SYMBOLS)
def test_a_prefixed_si_symbol_is_a_measure(text: str, lang: str, value: float, unit: str) -> None:
    [q] = find_quantities(text, lang)
    assert (q.value, q.kind, q.unit) == (value, "measure", unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Prices rose 10 as fast as wages.", "en"),
        ("The ship sailed at 40 N of the equator.", "en"),
        ("A 4G phone and a 3D film.", "en"),
        ("Il a vu ses 3 ma foi.", "fr"),
    ],
)
def test_a_word_that_looks_like_a_symbol_is_no_unit(text: str, lang: str) -> None:
    assert all(q.kind != "measure" for q in find_quantities(text, lang))
