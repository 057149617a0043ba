"""A part and its share of a named whole, in one sentence, imply the whole."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.text.crosscheck import crosscheck
from claims.text.derived import DerivedTotal, derived_totals
from claims.text.extraction import extract_claims
from claims.text.languages import language
from claims.text.languages.derived_lexicon import DerivedLexicon
from claims.text.quantities import find_quantities

SEED = (
    "« Le nombre de coopératives a explosé : nous en comptons aujourd'hui 20.000, ce qui "
    "représente 50 pc de l'ensemble des coopératives actives dans le monde arabe »"
)


def words(lang: str) -> DerivedLexicon:
    found = language(lang).derived
    assert found is not None
    return found


def totals(sentence: str, lang: str = "fr") -> list[DerivedTotal]:
    return derived_totals(find_quantities(sentence, lang), sentence, words(lang))


def test_part_and_share_imply_a_total_with_propagated_tolerance() -> None:
    [total] = totals(SEED)
    assert total.value == pytest.approx(40_000)
    assert total.low == pytest.approx(19_500 / 0.505)
    assert total.high == pytest.approx(20_499 / 0.495)
    assert total.kind == "count"
    assert total.unit == "coopératives actives dans le monde arabe"
    assert total.whole == "l'ensemble des coopératives actives dans le monde arabe"
    assert total.reasoning.startswith(
        "20.000 is 50 pc of “l'ensemble des coopératives actives dans le monde arabe”, "
        "so the total is 20,000 / 0.5 = about 40,000 (38,614–41,412"
    )
    assert "reading 20.000 as 19,500–20,499 and 50 pc as 49.5–50.5" in total.reasoning


def test_derived_from_names_the_part_and_the_share_in_the_sentence() -> None:
    quantities = find_quantities(SEED, "fr")
    [total] = derived_totals(quantities, SEED, words("fr"))
    part, share = (quantities[i] for i in total.derived_from)
    assert (part.surface, share.surface) == ("20.000", "50 pc")
    figure = total.as_quantity(offset=1000)
    assert (figure.start, figure.end) == (1000 + part.start, 1000 + SEED.index(" »"))
    assert figure.approximate
    assert figure.hedge is None


@pytest.mark.parametrize(
    ("sentence", "lang", "value", "unit"),
    [
        (
            "Les 3.000 jeunes formés représentent 15 % de l'ensemble des diplômés de la région.",
            "fr",
            20_000,
            "diplômés de la région",
        ),
        (
            "Le Maroc compte 20.000 coopératives, 50 % de l'ensemble des coopératives du "
            "monde arabe.",
            "fr",
            40_000,
            "coopératives du monde arabe",
        ),
        (
            "50 % des coopératives du monde arabe, soit 20.000, sont marocaines.",
            "fr",
            40_000,
            "coopératives du monde arabe",
        ),
        (
            "Les 600 millions de dirhams représentent 40 % du budget total.",
            "fr",
            1_500_000_000,
            "MAD",
        ),
        ("Le pays a exporté 600 millions de dirhams, soit 40 % du total.", "fr", 1.5e9, "MAD"),
        # the counted noun left unsaid in the whole: the part's noun "of" it
        (
            "Le Maroc compte 20.000 coopératives, soit 50 pc du monde arabe.",
            "fr",
            40_000,
            "coopératives du monde arabe",
        ),
        # a whole counted in money as often as in goods takes either
        (
            "Les exportations ont atteint 3 milliards de dirhams, soit 12 % des exportations "
            "totales.",
            "fr",
            25e9,
            "MAD",
        ),
        # "personnes" says nothing of what is counted: the whole does
        (
            "Le secteur emploie 120 000 personnes, soit 8 % de la population active.",
            "fr",
            1_500_000,
            "population active",
        ),
        (
            "The company cut 2,000 jobs, or 10% of its workforce.",
            "en",
            20_000,
            "jobs of its workforce",
        ),
        ("Some 12,000 jobs, or 40 per cent of the total, are at risk.", "en", 30_000, "jobs"),
        (
            "The 3,000 trainees account for 15% of all graduates in the region.",
            "en",
            20_000,
            "graduates in the region",
        ),
    ],
)
def test_totals_the_sentence_states(sentence: str, lang: str, value: float, unit: str) -> None:
    [total] = totals(sentence, lang)
    assert total.value == pytest.approx(value)
    assert total.low < value < total.high
    assert total.unit == unit


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # the dev set's trap: no share at all, and a count is not a share of money
        ("Trois appels d'offres ont été lancés, pour un montant de plus de 40 millions de "
         "dirhams.", "fr"),
        ("Trois appels d'offres, soit 40 % de l'enveloppe.", "fr"),
        # 3 / 0.4 = 7.5: no whole number of projects
        ("Trois projets, soit 40 % des projets.", "fr"),
        # jobs are not firms
        ("Il a créé 3 000 emplois, 15 % de l'ensemble des entreprises.", "fr"),
        # money is not a share of a counted whole
        ("Les 600 millions de dirhams représentent 40 % des coopératives.", "fr"),
        # "dont": the share is of the part, not of a larger whole
        ("Le chantier devrait créer environ 1 500 emplois directs, dont 12,5 % réservés à "
         "des jeunes diplômés de la région.", "fr"),
        # an open share bounds the total on one side only
        ("Le pays a exporté 600 millions de dirhams, soit plus de 40 % du total.", "fr"),
        # a plain "des" after a bare comma does not say the part is a share of it
        ("Le Maroc compte 20.000 coopératives, 50 % des coopératives du monde arabe.", "fr"),
        ("Les femmes représentent 18 % des effectifs, contre 11 % en 2019.", "fr"),
        ("Le chômage a reculé de 2 % en un an, à 1 200 000 demandeurs.", "fr"),
        ("Les 20.000 coopératives du pays, 50 pc de plus qu'en 2014.", "fr"),
        ("20 000 coopératives, dont 100 % agréées.", "fr"),
        ("Un rapport relevait que moins de 15 % d'entre elles dépassaient 100.000 dirhams.", "fr"),
        ("Between 3 or 4 per cent of all households.", "en"),
        ("Les ventes ont atteint 3 000 unités, soit une hausse de 12 % des ventes.", "fr"),
        ("Le taux de chômage s'établit à 12 %, soit 1,4 million de chômeurs.", "fr"),
        ("The programme built 3,000 homes, representing 40% of what was planned.", "en"),
        ("The plant produced 500 MW, which is 20% more than last year.", "en"),
        ("37 per cent of the current harbour workforce is aged 50 or over.", "en"),
    ],
)  # fmt: skip
def test_no_total_without_a_part_tied_to_a_share_of_the_same_whole(
    sentence: str, lang: str
) -> None:
    assert totals(sentence, lang) == []


def test_a_language_without_the_words_gives_no_total() -> None:
    french = language("fr")
    assert [c.kind for c in extract_claims(SEED, french)].count("derived") == 1
    without = replace(french, derived=None)
    assert [c.kind for c in extract_claims(SEED, without)].count("derived") == 0


@pytest.mark.parametrize(
    ("quote", "lang", "result"),
    [
        ("The Arab world counts about 40,000 active cooperatives", "en", "within"),
        ("Le monde arabe compte 60 000 coopératives actives", "fr", "outside"),
    ],
)
def test_derived_total_is_checkable_like_any_claim(quote: str, lang: str, result: str) -> None:
    [total] = totals(SEED)
    [check] = crosscheck([total.as_quantity()], quote, lang)
    assert check.result == result
