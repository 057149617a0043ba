"""Matching a claim against earlier fact-checks: what a reader sees flagged, and why."""

from __future__ import annotations

from claims.text.matching import THRESHOLD, prepare, score_pair
from claims.text.matching.keys import key_terms

SEED = (
    "A cette occasion, la Secrétaire d'Etat a expliqué à son interlocutrice coréenne que "
    "grâce à l'INDH, le nombre des coopératives a explosé au Maroc pour atteindre "
    "actuellement les 20.000 coopératives ce qui représente 50 pc de l'ensemble des "
    "coopératives actives dans le monde arabe."
)
COOPERATIVES = "Morocco has 20,000 cooperatives, half of all active cooperatives in the Arab world."
TOURISM = "Le Maroc a accueilli 13 millions de touristes en 2019, un record."


def test_a_french_claim_matches_the_english_fact_check_of_its_figure() -> None:
    result = score_pair(prepare(SEED, "fr"), prepare(COOPERATIVES, "en"))
    assert result.matches()
    assert "cooperative" in result.shared
    assert any("20.000 coopératives = 20,000 cooperatives" in why for why in result.reasons)


def test_the_same_country_with_another_topic_is_no_match() -> None:
    result = score_pair(prepare(SEED, "fr"), prepare(TOURISM, "fr"))
    assert result.score < THRESHOLD
    assert "their figures count different things" in result.reasons


def test_the_same_figure_about_another_country_is_no_match() -> None:
    result = score_pair(
        prepare("Le Maroc compte 20.000 coopératives.", "fr"),
        prepare("La Tunisie compte 20.000 coopératives.", "fr"),
    )
    assert not result.matches()
    assert any(why.startswith("other places: morocco vs tunisia") for why in result.reasons)


def test_the_same_thing_counted_otherwise_loses_points() -> None:
    same = score_pair(
        prepare("Le Maroc compte 20.000 coopératives.", "fr"), prepare(COOPERATIVES, "en")
    )
    other = score_pair(
        prepare("Le Maroc compte 45.000 coopératives.", "fr"), prepare(COOPERATIVES, "en")
    )
    assert other.score < same.score
    assert any(why.startswith("other figure: 45.000") for why in other.reasons)


def test_an_open_bound_does_not_take_in_any_larger_figure() -> None:
    result = score_pair(
        prepare("Half of French teachers are over 50.", "en"),
        prepare("France will recruit 10,000 new teachers next year.", "en"),
    )
    assert not any(why.startswith("same figure") for why in result.reasons)


def test_the_same_figure_in_another_year_is_another_claim() -> None:
    result = score_pair(
        prepare("China built 3,000 km of high-speed rail in 2023.", "en"),
        prepare("China built 3,000 km of motorways in 1998.", "en"),
    )
    assert "other years" in result.reasons
    assert not result.matches()


def test_key_terms_pair_french_and_english_and_drop_filler() -> None:
    assert key_terms("Le Maroc compte 20.000 coopératives") == key_terms(
        "Morocco has 20,000 cooperatives"
    )
    assert "usa" in key_terms("L'inflation aux États-Unis") & key_terms("US inflation")


def test_hostile_text_is_only_text() -> None:
    result = score_pair(prepare("[bold]\x1b[31m 0 %", "en"), prepare("", "fr"))
    assert result.score == 0.0
