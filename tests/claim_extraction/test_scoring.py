"""Factual sentences are kept and scored; opinions, promises and questions are not."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims


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
