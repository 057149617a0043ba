"""Numeric cross-check of claimed figures against an evidence quote, French and English."""

from __future__ import annotations

import pytest

from claims.text.crosscheck import claim_interval, crosscheck
from claims.text.quantities import Quantity, find_quantities


def figures(sentence: str, lang: str) -> list[Quantity]:
    return find_quantities(sentence, lang)


# claim sentence, claim lang, evidence quote, evidence lang, result, deviation, reason holds
CASES = [
    (
        "« nous en comptons aujourd'hui 20.000 », a déclaré Mme Berrada",
        "fr",
        "le registre national comptait 20 347 coopératives actives",
        "fr",
        "within",
        0.01735,
        "19,500–20,499",
    ),
    (
        "le Maroc compte 20.000 coopératives",
        "fr",
        "the register counted 20,347 cooperatives",
        "en",
        "within",
        0.01735,
        "the thousand",
    ),
    (
        "Plus de 40 % des coopératives sont dirigées par des femmes",
        "fr",
        "La part des coopératives dirigées par des femmes s'établit à 31 %",
        "fr",
        "outside",
        -0.225,
        "40 or more",
    ),
    (
        "Des délégations d'une cinquantaine de pays prennent part",
        "fr",
        "Government delegations from about 50 countries gathered in Lyon",
        "en",
        "within",
        0.0,
        "45–55",
    ),
    (
        "un programme doté de 3,2 milliards de dirhams",
        "fr",
        "a programme worth 3.2 billion dirhams",
        "en",
        "within",
        0.0,
        "3.15 billion–3.25 billion",
    ),
    (
        "Le port emploie désormais 12 500 personnes",
        "fr",
        "la plateforme portuaire comptait 12 480 emplois directs",
        "fr",
        "within",
        -0.0016,
        "12,450–12,549",
    ),
    (
        "The project will create more than 3,000 jobs",
        "en",
        "the new terminal will support around 1,900 new jobs by 2036",
        "en",
        "outside",
        -0.3667,
        "3,000 or more",
    ),
    (
        "Nearly 400 dockers will retire",
        "en",
        "392 dockers will reach retirement age",
        "en",
        "within",
        -0.02,
        "360–400",
    ),
    (
        "près de 700.000 adhérents",
        "fr",
        "Les coopératives regroupaient 681 200 adhérents",
        "fr",
        "within",
        -0.0269,
        "630,000–700,000",
    ),
    (
        "moins de 10 % des exploitations",
        "fr",
        "Seules 8,7 % des exploitations agricoles disposent d'une pompe solaire.",
        "fr",
        "within",
        -0.13,
        "10 or less",
    ),
    (
        "37 per cent of the current harbour workforce",
        "en",
        "36.8% of employees are aged 50 or over.",
        "en",
        "within",
        -0.0054,
        "36.5–37.5",
    ),
    (
        "which cost about €38 million",
        "en",
        "Total campaign cost: €37.6 million",
        "en",
        "within",
        -0.0105,
        "about €38 million",
    ),
    (
        "environ 1 500 emplois directs",
        "fr",
        "Le programme devrait créer 1 480 emplois directs",
        "fr",
        "within",
        -0.0133,
        "1,350–1,650",
    ),
    # factors checked against the ratio of two figures of the quote
    (
        "Leur nombre a doublé depuis 2014",
        "fr",
        "le registre national comptait 20 347 coopératives actives, contre 10 112 fin 2014",
        "fr",
        "within",
        0.0061,
        "×2.01",
    ),
    (
        "Le trafic de conteneurs a triplé en dix ans",
        "fr",
        "Le trafic de conteneurs est passé de 310 000 EVP en 2015 à 960 000 EVP en 2025.",
        "fr",
        "within",
        0.0323,
        "×3.10",
    ),
    (
        "cargo volumes at the port had tripled since 2010",
        "en",
        "Cargo handled rose from 4.1 million tonnes in 2010 to 9.6 million tonnes in 2025.",
        "en",
        "outside",
        -0.2195,
        "×2.34",
    ),
]


@pytest.mark.parametrize(
    ("claim", "claim_lang", "quote", "quote_lang", "result", "deviation", "in_reason"), CASES
)
def test_crosscheck_result_deviation_and_reason(
    claim: str,
    claim_lang: str,
    quote: str,
    quote_lang: str,
    result: str,
    deviation: float,
    in_reason: str,
) -> None:
    checks = crosscheck(figures(claim, claim_lang), quote, quote_lang)
    assert checks, "no figure was compared"
    first = checks[0]
    assert first.result == result, first.reason
    assert first.deviation == pytest.approx(deviation, abs=5e-4)
    assert in_reason in first.reason
    assert "\n" not in first.reason


def test_one_quote_supports_one_figure_and_refutes_another() -> None:
    claim = figures("environ 1 500 emplois directs, dont 12,5 % réservés aux jeunes", "fr")
    quote = "Le programme devrait créer 1 480 emplois directs, dont 10 % réservés aux jeunes"
    results = {c.claimed.kind: c for c in crosscheck(claim, quote, "fr")}
    assert results["count"].result == "within"
    assert results["percent"].result == "outside"
    assert results["percent"].deviation == pytest.approx(-0.2)


@pytest.mark.parametrize(
    ("claim", "claim_lang", "quote", "quote_lang", "why"),
    [
        (
            "The fund held 3.2 billion dirhams in 2019",
            "en",
            "The fund held 3.2 billion dirhams in 2022",
            "en",
            "other year",
        ),
        (
            "Plus de 40 % des coopératives",
            "fr",
            "le registre comptait 20 347 coopératives",
            "fr",
            "percent vs count",
        ),
        (
            "More than 1.2 million children have received both doses",
            "en",
            "1,184,000 doses had been administered",
            "en",
            "children vs doses",
        ),
        (
            "un fonds de 600 millions de dirhams",
            "fr",
            "a fund of 600 million euros",
            "en",
            "other currency",
        ),
    ],
)
def test_not_comparable_says_why(
    claim: str, claim_lang: str, quote: str, quote_lang: str, why: str
) -> None:
    checks = crosscheck(figures(claim, claim_lang), quote, quote_lang)
    assert checks
    assert all(c.result == "not_comparable" and c.deviation is None for c in checks)
    assert any(why in c.reason for c in checks), [c.reason for c in checks]


def test_each_figure_takes_its_own_year() -> None:
    claim = figures("There were 212 measles cases in 2025", "en")
    quote = "Confirmed measles cases: 212 in 2025 and 430 in 2024."
    outcome = {c.evidence.value: c.result for c in crosscheck(claim, quote, "en")}
    assert outcome == {212.0: "within", 430.0: "not_comparable"}


def test_matching_noun_wins_over_other_figures_of_the_kind() -> None:
    claim = figures("une cinquantaine de pays", "fr")
    quote = "About 50 countries and 300 delegates took part, with 12 ministers."
    checks = crosscheck(claim, quote, "en")
    assert [c.evidence.surface for c in checks] == ["About 50 countries"]


def test_no_figure_in_the_quote_gives_no_check() -> None:
    assert (
        crosscheck(
            figures("20.000 coopératives", "fr"),
            "L'ANCS ne publie aucune comparaison internationale",
            "fr",
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "lang", "low", "high"),
    [
        ("20.000 coopératives", "fr", 19_500, 20_499),
        ("20.347 coopératives", "fr", 20_347, 20_347),
        ("1,5 million d'habitants", "fr", 1_450_000, 1_550_000),
        ("50 pc de l'ensemble", "fr", 49.5, 50.5),
        ("12,5 % des emplois", "fr", 12.45, 12.55),
        ("une cinquantaine de pays", "fr", 45, 55),
        ("about fifty countries", "en", 45, 55),
        ("plus de 40 %", "fr", 40, None),
        ("moins de 10 %", "fr", None, 10),
        ("nearly 400 dockers", "en", 360, 400),
        ("between 10 and 20 ships", "en", 10, 20),
        ("had tripled", "en", 2.7, 3.3),
    ],
)
def test_claim_interval_follows_the_tolerance_table(
    sentence: str, lang: str, low: float | None, high: float | None
) -> None:
    found = [q for q in figures(sentence, lang) if q.kind != "date"]
    got_low, got_high, why = claim_interval(found[0])
    assert got_low == (None if low is None else pytest.approx(low))
    assert got_high == (None if high is None else pytest.approx(high))
    assert why


def test_crosscheck_json_has_the_documented_keys() -> None:
    [check] = crosscheck(
        figures("Plus de 40 % des coopératives", "fr"),
        "La part des coopératives dirigées par des femmes s'établit à 31 %",
        "fr",
    )
    data = check.to_json()
    assert set(data) == {"claimed", "evidence", "result", "deviation", "reason"}
    assert data["claimed"] == {
        "surface": "Plus de 40 %",
        "value": 40.0,
        "low": 40.0,
        "high": None,
        "unit": None,
    }
    assert data["evidence"]["value"] == 31.0
    assert data["result"] == "outside"
    assert data["deviation"] == -0.225


SHARES_AGAINST_PERCENTS = [
    ("La moitié des coopératives sont dirigées par des femmes.", "fr",
     "Elles dirigent 49 % des coopératives.", "fr", "within"),
    ("La moitié des coopératives sont dirigées par des femmes.", "fr",
     "Elles dirigent 31 % des coopératives.", "fr", "outside"),
    ("Un cinquième des ménages n'a pas accès à internet.", "fr",
     "19,6 % des ménages ne sont pas raccordés.", "fr", "within"),
    ("Un cinquième des ménages n'a pas accès à internet.", "fr",
     "Seuls 12 % des ménages ne sont pas raccordés.", "fr", "outside"),
    ("Près d'un tiers des salariés sont en télétravail.", "fr",
     "31 % des salariés télétravaillent.", "fr", "within"),
    ("Près d'un tiers des salariés sont en télétravail.", "fr",
     "36 % des salariés télétravaillent.", "fr", "outside"),
    ("One in five adults smokes.", "en", "21% of adults smoke.", "en", "within"),
    ("Sept élèves sur dix ont réussi.", "fr", "72 % of pupils passed.", "en", "within"),
    ("Two-thirds of children walk to school.", "en", "45% of children walk.", "en", "outside"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "claim_lang", "quote", "quote_lang", "result"), SHARES_AGAINST_PERCENTS
)
def test_a_share_in_words_meets_a_percent_of_the_evidence(
    claim: str, claim_lang: str, quote: str, quote_lang: str, result: str
) -> None:
    checks = crosscheck(figures(claim, claim_lang), quote, quote_lang)
    assert [c.result for c in checks] == [result], [c.reason for c in checks]


def test_a_share_in_words_allows_ten_percent_either_side() -> None:
    (share,) = figures("un tiers des communes", "fr")
    low, high, why = claim_interval(share)
    assert low == pytest.approx(30)
    assert high == pytest.approx(110 / 3)
    assert "share in words" in why


def test_a_multiplier_below_one_stays_a_factor_not_a_percent() -> None:
    checks = crosscheck(
        figures("Half as many buses ran this year.", "en"), "Only 50% of buses ran.", "en"
    )
    assert [c.result for c in checks] == ["not_comparable"]
