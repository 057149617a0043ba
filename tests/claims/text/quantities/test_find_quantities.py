"""What a fact-checker sees from `find_quantities`: figures, kinds, units,
hedges turned into bounds, and the names and words that are not figures."""

from __future__ import annotations

import pytest

from claims.text.errors import UnsupportedLanguage
from claims.text.quantities import Quantity, find_quantities
from tests.support.shared import seed_file


def only(text: str, lang: str) -> Quantity:
    qs = find_quantities(text, lang)
    assert len(qs) == 1, [q.surface for q in qs]
    return qs[0]


def values(text: str, lang: str) -> list[float | None]:
    return [q.value for q in find_quantities(text, lang)]


# text, lang, value, kind, unit
PLAIN = [
    ("Le nombre a atteint 20.000 coopératives.", "fr", 20000, "count", "coopératives"),
    ("Ils sont 20 000 adhérents.", "fr", 20000, "count", "adhérents"),
    ("Ils sont 20\u00a0000 adhérents.", "fr", 20000, "count", "adhérents"),
    ("Ils sont 20\u202f000 adhérents.", "fr", 20000, "count", "adhérents"),
    ("Un taux de 1,5 %.", "fr", 1.5, "percent", None),
    ("The 20,000 cooperatives.", "en", 20000, "count", "cooperatives"),
    ("A rate of 1.5%.", "en", 1.5, "percent", None),
    ("Il a vingt-trois ans.", "fr", 23, "duration", "ans"),
    ("Soixante-dix régions.", "fr", 70, "count", "régions"),
    ("Quatre-vingt-dix-neuf communes.", "fr", 99, "count", "communes"),
    ("Twenty-three countries signed.", "en", 23, "count", "countries"),
    ("Deux millions de foyers.", "fr", 2_000_000, "count", "foyers"),
    ("Un million de visiteurs.", "fr", 1_000_000, "count", "visiteurs"),
    ("Le Maroc a exporté 2,8 millions de tonnes.", "fr", 2_800_000, "measure", "t"),
    ("They created 2 million jobs.", "en", 2_000_000, "count", "jobs"),
    ("Over the year, 3 000 emplois ont été créés.", "fr", 3000, "count", "emplois"),
    ("Cela représente 50 pc de l'ensemble.", "fr", 50, "percent", None),
    ("Soit 12 pour cent.", "fr", 12, "percent", None),
    ("Up 8 per cent.", "en", 8, "percent", None),
    ("Up 8 percent.", "en", 8, "percent", None),
    ("Une hausse de 2,5 points de pourcentage.", "fr", 2.5, "percent", "pp"),
    ("A rise of 2 percentage points.", "en", 2, "percent", "pp"),
    ("Le trafic a baissé de 3 points.", "fr", 3, "percent", "points"),
]


@pytest.mark.parametrize(("text", "lang", "value", "kind", "unit"), PLAIN)
def test_figures_in_digits_and_words(
    text: str, lang: str, value: float, kind: str, unit: str | None
) -> None:
    q = only(text, lang)
    assert (q.value, q.kind, q.unit) == (value, kind, unit)
    assert (q.approximate, q.low, q.high) == (False, None, None)


MONEY = [
    ("L'investissement atteint 4,2 milliards de dirhams.", "fr", 4.2e9, "MAD"),
    ("Un budget de 300 MDH.", "fr", 3e8, "MAD"),
    ("Un budget de 12 MMDH.", "fr", 1.2e10, "MAD"),
    ("Un prêt de 500 DH.", "fr", 500, "MAD"),
    ("Un coût de 20 €.", "fr", 20, "EUR"),
    ("Un coût de 3 millions d'euros.", "fr", 3e6, "EUR"),
    ("The deal is worth $12.4 billion.", "en", 12.4e9, "USD"),
    ("Revenue reached €3.1 million.", "en", 3.1e6, "EUR"),
    ("It made $4.5bn.", "en", 4.5e9, "USD"),
    ("A £2,000 fine.", "en", 2000, "GBP"),
    ("I spent 20 million pounds.", "en", 2e7, "GBP"),
    ("Paid USD 5 million.", "en", 5e6, "USD"),
]


@pytest.mark.parametrize(("text", "lang", "value", "currency"), MONEY)
def test_money_keeps_its_currency_as_iso_code(
    text: str, lang: str, value: float, currency: str
) -> None:
    q = only(text, lang)
    assert (q.kind, q.value, q.unit) == ("money", value, currency)


MEASURES = [
    ("Près de 60.000 hectares.", "fr", 60000, "ha"),
    ("La tour mesure 324 mètres.", "fr", 324, "m"),
    ("The tower is 324 metres tall.", "en", 324, "m"),
    ("Une centrale de 200 MW.", "fr", 200, "MW"),
    ("Il a fait 45°C.", "fr", 45, "°C"),
    ("A 4 km walk.", "en", 4, "km"),
    ("A 10kg bag.", "en", 10, "kg"),
    ("Une surface de 300 m².", "fr", 300, "m²"),
    ("At 900 km/h.", "en", 900, "km/h"),
]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), MEASURES)
def test_measures_carry_their_unit(text: str, lang: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.kind, q.value, q.unit) == ("measure", value, unit)


DURATIONS = [
    ("La stratégie couvre les dix prochaines années.", "fr", 10, "années"),
    ("Pendant 5 ans.", "fr", 5, "ans"),
    ("It lasted three years.", "en", 3, "years"),
    ("The new strategy covers the next ten years.", "en", 10, "years"),
    ("Over two years, prices fell.", "en", 2, "years"),
]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), DURATIONS)
def test_durations(text: str, lang: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.kind, q.value, q.unit) == ("duration", value, unit)
    assert (q.low, q.high) == (None, None)


DATES = [
    ("En 2019, le secteur a grandi.", "fr", [(2019, "year")]),
    ("Le 12 mars 2023 à Rabat.", "fr", [(12, "day"), (2023, "year")]),
    ("Le 1er janvier 2024.", "fr", [(1, "day"), (2024, "year")]),
    ("In 2020, sales fell.", "en", [(2020, "year")]),
    ("Schools closed on March 3, 2020.", "en", [(3, "day"), (2020, "year")]),
    ("Growth in the 1960s.", "en", [(1960, "decade")]),
    ("For fiscal 2022-23.", "en", [(2022, "year")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), DATES)
def test_years_and_days_are_dates_never_counts(
    text: str, lang: str, expected: list[tuple[float, str]]
) -> None:
    qs = find_quantities(text, lang)
    assert [(q.value, q.unit) for q in qs] == expected
    assert {q.kind for q in qs} == {"date"}


def test_half_a_scale_word_is_half_that_number() -> None:
    q = only("Half a million people marched.", "en")
    assert (q.value, q.kind, q.unit) == (500_000, "count", "people")


COLLECTIVES = [
    ("D'une cinquantaine de pays.", "fr", 50, "pays"),
    ("Une quinzaine de ministres.", "fr", 15, "ministres"),
    ("Une dizaine de ministres.", "fr", 10, "ministres"),
    ("Une vingtaine de villes.", "fr", 20, "villes"),
    ("Une centaine de familles.", "fr", 100, "familles"),
    ("Un millier de personnes.", "fr", 1000, "personnes"),
    ("Une dizaine de milliers de personnes.", "fr", 10000, "personnes"),
]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), COLLECTIVES)
def test_approximate_collectives_bracket_their_value(
    text: str, lang: str, value: float, unit: str
) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.approximate) == (value, unit, True)
    assert q.low is not None
    assert q.high is not None
    assert q.low < value < q.high


PLURALS = [
    ("Des centaines de manifestants.", "fr", 200, 1000),
    ("Des milliers de manifestants.", "fr", 2000, 10000),
    ("Hundreds of schools closed.", "en", 200, 1000),
    ("Dozens of people.", "en", 24, 120),
]


@pytest.mark.parametrize(("text", "lang", "low", "high"), PLURALS)
def test_plural_collectives_are_ranges_without_point_value(
    text: str, lang: str, low: float, high: float
) -> None:
    q = only(text, lang)
    assert (q.value, q.low, q.high, q.approximate) == (None, low, high, True)


# text, lang, value, approximate, low-is-value, high-is-value
HEDGED = [
    ("Plus de 1 300 jeunes.", "fr", 1300, False, "low"),
    ("Au moins 40 morts.", "fr", 40, False, "low"),
    ("Au-delà de 500 km.", "fr", 500, False, "low"),
    ("Moins de 10 %.", "fr", 10, False, "high"),
    ("Jusqu'à 300 emplois.", "fr", 300, False, "high"),
    ("Jusqu’à 300 emplois.", "fr", 300, False, "high"),
    ("Pas plus de 20 élèves.", "fr", 20, False, "high"),
    ("More than 40 people.", "en", 40, False, "low"),
    ("At least 40 people.", "en", 40, False, "low"),
    ("Over 1.5 million people signed.", "en", 1.5e6, False, "low"),
    ("Upwards of 500 homes.", "en", 500, False, "low"),
    ("Up to 300 jobs could be cut.", "en", 300, False, "high"),
    ("Fewer than 10 firms.", "en", 10, False, "high"),
    ("Less than 5%.", "en", 5, False, "high"),
    ("At most 3 days.", "en", 3, False, "high"),
]


@pytest.mark.parametrize(("text", "lang", "value", "approx", "bound"), HEDGED)
def test_bound_hedges(text: str, lang: str, value: float, approx: bool, bound: str) -> None:
    q = only(text, lang)
    assert (q.value, q.approximate) == (value, approx)
    assert q.hedge
    if bound == "low":
        assert (q.low, q.high) == (value, None)
    else:
        assert (q.low, q.high) == (None, value)


APPROX = [
    ("Environ 15 % des ventes.", "fr", 15, "environ"),
    ("Les ventes ont reculé d'environ 15 %.", "fr", 15, "environ"),
    ("Près de 60.000 hectares.", "fr", 60000, "près de"),
    ("Près d'un million de visiteurs.", "fr", 1e6, "près d'"),
    ("Quelque 300 familles.", "fr", 300, "quelque"),
    ("Autour de 30 pays.", "fr", 30, "autour de"),
    ("About 20,000 cooperatives.", "en", 20000, "about"),
    ("Roughly fifty countries.", "en", 50, "roughly"),
    ("Nearly 300 homes.", "en", 300, "nearly"),
    ("Around 10 km.", "en", 10, "around"),
    ("Close to 2 million jobs.", "en", 2e6, "close to"),
    ("~300 people.", "en", 300, "~"),
]


@pytest.mark.parametrize(("text", "lang", "value", "hedge"), APPROX)
def test_approximators_give_an_interval(text: str, lang: str, value: float, hedge: str) -> None:
    q = only(text, lang)
    assert (q.value, q.approximate) == (value, True)
    assert (q.hedge or "").lower() == hedge
    assert q.low is not None
    assert q.high is not None
    assert q.low < value <= q.high


RANGES = [
    ("Entre 10 et 20 tonnes.", "fr", 10, 20, "measure"),
    ("De 10 à 20 ans.", "fr", 10, 20, "duration"),
    ("Between 44 and 50 mg.", "en", 44, 50, "measure"),
    ("3 to 4 L of wine.", "en", 3, 4, "measure"),
    ("10-15 exabytes of data.", "en", 10, 15, "measure"),
    ("From 7 to 10 zones.", "en", 7, 10, "count"),
]


@pytest.mark.parametrize(("text", "lang", "low", "high", "kind"), RANGES)
def test_ranges_have_two_ends_and_no_point_value(
    text: str, lang: str, low: float, high: float, kind: str
) -> None:
    q = only(text, lang)
    assert (q.value, q.low, q.high, q.kind) == (None, low, high, kind)


def test_a_change_from_one_figure_to_another_is_not_a_range() -> None:
    assert values("Le taux est passé de 10 % à 12 %.", "fr") == [10, 12]
    assert values("Prices rose from $350 to $680.", "en") == [350, 680]


NOT_QUANTITIES = [
    ("Selon Médias24, le projet avance.", "fr"),
    ("COVID-19 cases fell sharply.", "en"),
    ("Le sommet du G20 et la 4G.", "fr"),
    ("Web3 et Airbus A380.", "fr"),
    ("Quoi de neuf ?", "fr"),
    ("C'est un logement neuf.", "fr"),
    ("Une idée chaleureusement accueillie.", "fr"),
    ("Il a tenu des rencontres avec plusieurs délégations.", "fr"),
    ("One of the reports was late.", "en"),
    ("She met several delegations on Wednesday.", "en"),
    ("A report was published.", "en"),
    ("Le Premier ministre a parlé.", "fr"),
    ("Le CAC 40 a reculé.", "fr"),
    ("Rendez-vous à 14h30.", "fr"),
    ("See you at 2 pm.", "en"),
    ("Wait a second.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_QUANTITIES)
def test_names_codes_articles_and_words_are_not_quantities(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


def test_a_number_word_in_a_list_is_a_number() -> None:
    assert values("Un, deux, trois.", "fr") == [1, 2, 3]
    assert values("Neuf régions sur douze sont concernées.", "fr") == [9, 12]


def test_offsets_are_exact_code_points() -> None:
    text = "Médias24 — « Près de 60.000 hectares », soit 50\u00a0pc ; d’une cinquantaine de pays."
    qs = find_quantities(text, "fr")
    assert [q.surface for q in qs] == [
        "Près de 60.000 hectares",
        "50\u00a0pc",
        "une cinquantaine de pays",
    ]
    for q in qs:
        assert text[q.start : q.end] == q.surface


SEED_SENTENCES = [
    ("atteindre actuellement les 20.000 coopératives ce qui", 20000, "count", "coopératives"),
    ("ce qui représente 50 pc de l'ensemble des coopératives", 50, "percent", None),
    ("Des délégations d’une cinquantaine de pays prennent part", 50, "count", "pays"),
    (
        "la nouvelle stratégie marocaine pour les dix prochaines années, qui",
        10,
        "duration",
        "années",
    ),
]


@pytest.mark.parametrize(("text", "value", "kind", "unit"), SEED_SENTENCES)
def test_seed_sentences(text: str, value: float, kind: str, unit: str | None) -> None:
    q = only(text, "fr")
    assert (q.value, q.kind, q.unit) == (value, kind, unit)


def test_seed_article_has_the_expected_figures_and_none_of_the_traps() -> None:
    text = seed_file().read_text(encoding="utf-8")
    qs = find_quantities(text, "fr")
    found = {(q.value, q.kind) for q in qs}
    assert {
        (20000, "count"),
        (50, "percent"),
        (50, "count"),
        (10, "duration"),
    } <= found
    assert not any(q.value in (24, 9) for q in qs)
    assert "ordinal" not in {q.kind for q in qs}, "le premier Sommet names an event"
    assert all(text[q.start : q.end] == q.surface for q in qs)


def test_to_json_has_exactly_the_contract_keys() -> None:
    q = only("Plus de 1 300 jeunes.", "fr")
    assert q.to_json() == {
        "value": 1300.0,
        "low": 1300.0,
        "high": None,
        "kind": "count",
        "unit": "jeunes",
        "approximate": False,
        "hedge": "Plus de",
        "surface": "Plus de 1 300 jeunes",
        "start": 0,
        "end": 20,
    }


def test_a_language_is_never_guessed() -> None:
    # claims.language_choice guesses for the callers that must; here "auto" is no language.
    with pytest.raises(UnsupportedLanguage, match="'auto' is not supported: use one of fr, en"):
        find_quantities("Plus de 1 300 jeunes ont bénéficié du programme.", "auto")
