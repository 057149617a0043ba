"""Factual sentences are kept and scored; opinions, promises and questions are not."""

from __future__ import annotations

import pytest

from claims.text.extraction import explain_claim, extract_claims


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le sommet a été organisé mercredi à Paris par le ministère des Affaires.", "fr"),
        ("Emmanuel Macron a inauguré le premier salon de l'économie sociale à Lyon.", "fr"),
        ("The summit was hosted by the French president in Paris on Thursday.", "en"),
        ("Ana Silva was appointed director of the World Health Organization.", "en"),
    ],
)
def test_checkable_statements_without_figures_are_factual_claims(text: str, lang: str) -> None:
    claims = extract_claims(text, lang)
    assert [c.kind for c in claims] == ["factual"]
    assert claims[0].checkworthiness >= 0.5


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nous pensons que cette idée est remarquable et importante.", "fr"),
        ("Nous allons nous engager pleinement dans cette ambitieuse initiative.", "fr"),
        ("Le gouvernement a-t-il vraiment organisé ce sommet à Paris ?", "fr"),
        ("I think this is a wonderful idea for everyone.", "en"),
        ("We will pledge to build a better future together.", "en"),
        ("Abonnez-vous à nos newsletters et alertes.", "fr"),
    ],
)
def test_opinions_promises_questions_and_boilerplate_are_not_claims(text: str, lang: str) -> None:
    assert extract_claims(text, lang) == []


def test_a_factual_statement_outscores_an_opinion_on_the_same_topic() -> None:
    fact = extract_claims("Le sommet a été organisé jeudi par le Maroc à Rabat.", "fr")
    opinion = "Ce sommet remarquable est une idée importante pour nous."
    assert fact
    assert fact[0].kind == "factual"
    assert extract_claims(opinion, "fr") == []


def test_a_sentence_whose_only_figure_is_a_date_is_not_numeric() -> None:
    claims = extract_claims("Le traité a été signé par le Maroc et la France en 2019.", "fr")
    assert [c.kind for c in claims] == ["factual"]
    assert [q.kind for q in claims[0].quantities] == ["date"]


def test_sentences_with_figures_are_numeric_and_kept_even_when_plain() -> None:
    claims = extract_claims("Il a tenu des rencontres avec 12 délégations.", "fr")
    assert [c.kind for c in claims] == ["numeric"]


def test_numbers_glued_to_names_are_not_figures() -> None:
    claims = extract_claims("COVID-19 cases fell sharply in the G20 countries last spring.", "en")
    values = [q.value for c in claims for q in c.quantities]
    assert 19 not in values
    assert 20 not in values


def _score(text: str, lang: str) -> float:
    # A derived total is scored apart, by its own rules.
    claims = [c for c in extract_claims(text, lang) if c.kind != "derived"]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0].checkworthiness


@pytest.mark.parametrize(
    ("statistic", "lesser", "lang"),
    [
        # a plan with its time frame: the seed's class
        (
            "Le nombre des coopératives a atteint 20.000, soit 50 pc de l'ensemble des "
            "coopératives du monde arabe, a affirmé la secrétaire d'État.",
            "La secrétaire d'État a présenté la nouvelle stratégie pour les dix prochaines "
            "années, qui porte sur d'importants aspects.",
            "fr",
        ),
        # a target
        (
            "Le chômage des jeunes a reculé à 31,2 % au troisième trimestre, selon le HCP.",
            "Le programme doit permettre de créer 250.000 emplois en deux ans.",
            "fr",
        ),
        # a meeting
        (
            "Cargo handled at the port rose from 4.1 million tonnes in 2010 to 9.6 million "
            "tonnes in 2025.",
            "The minister met union leaders on Tuesday for talks on the port's future.",
            "en",
        ),
        # an announcement of a plan
        (
            "Energy bills have risen by 54% since April 2022, according to the regulator.",
            "The government announced a plan to insulate 600,000 homes over the next decade.",
            "en",
        ),
    ],
)
def test_statistics_rank_above_plans_meetings_and_announcements(
    statistic: str, lesser: str, lang: str
) -> None:
    assert _score(statistic, lang) > _score(lesser, lang)


def test_the_score_is_the_sum_of_its_parts_and_names_its_words() -> None:
    text = "Le port de Kénitra emploie désormais 12 500 personnes, selon le rapport annuel."
    (claim,) = extract_claims(text, "fr")
    why = explain_claim(claim.text, "fr", claim.claimant)
    assert why.score == claim.checkworthiness
    assert why.score == round(min(1.0, max(0.0, why.total)), 3)
    parts = {c.feature: c.evidence for c in why.contributions}
    assert parts["numeric claim"] == ""
    assert parts["figure"] == "12 500 personnes"
    assert parts["statistic"] == "emploie"
    assert parts["named entity"] == "Kénitra"


def test_a_plan_says_so_in_its_explanation() -> None:
    why = explain_claim("Le programme doit permettre de créer 250.000 emplois.", "fr", None)
    weights = {c.feature: c.weight for c in why.contributions}
    assert weights["future"] < 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The summit is due to close on Thursday with the adoption of a roadmap.", "en"),
        ("Un guichet ouvrira à Agadir en septembre pour accompagner les agriculteurs.", "fr"),
        ("Le rapport annuel sera présenté au conseil d'administration le 16 février.", "fr"),
    ],
)
def test_a_schedule_without_a_figure_is_not_a_claim(text: str, lang: str) -> None:
    assert extract_claims(text, lang) == []


def test_a_first_announced_for_the_future_is_still_a_claim() -> None:
    claims = extract_claims("Le premier forum régional se tiendra à Rabat.", "fr")
    assert [c.kind for c in claims] == ["factual"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('Analysts at Berenberg said the results were "solid but unspectacular".', "en"),
        ('Chief executive Sarah Lowe said trading on Monday had been "encouraging".', "en"),
        ("L'opposition au conseil régional juge le calendrier « irréaliste ».", "fr"),
    ],
)
def test_a_reported_judgement_is_not_a_claim(text: str, lang: str) -> None:
    assert extract_claims(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le Premier ministre a reçu mardi les syndicats à Matignon.", "fr"),
        ("Exports rose last year, and at least four ports reported record traffic.", "en"),
    ],
)
def test_names_periods_and_idioms_are_not_firsts(text: str, lang: str) -> None:
    why = explain_claim(text, lang, None)
    firsts = [c.evidence for c in why.contributions if c.feature == "superlative"]
    assert firsts in ([], ["record"])


def test_a_quote_a_name_and_a_role_alone_do_not_make_a_fact() -> None:
    text = '"We have reached villages that had not seen a team for years," said Dr Amara Lind.'
    assert extract_claims(text, "en") == []
