"""The one language detector: py3langid, over all languages or among some."""

from __future__ import annotations

from sources.extraction.language import detect_language

GERMAN = "Der Minister sagte, dass die Exporte in der Region das dritte Jahr in Folge stiegen."


def test_unrestricted_it_names_any_language() -> None:
    assert detect_language(GERMAN) == "de"
    assert detect_language("Le ministre a déclaré que les exportations sont en hausse.") == "fr"


def test_among_some_it_answers_one_of_them() -> None:
    assert detect_language(GERMAN, among=("fr", "en")) in ("fr", "en")
    assert detect_language("The minister said exports rose.", among=("fr", "en")) == "en"


def test_among_some_a_short_text_is_tried() -> None:
    assert detect_language("Il y a 20 %", among=("fr", "en")) == "fr"
    assert detect_language("Il y a 20 %") is None  # too short to say without a choice


def test_without_letters_there_is_no_answer() -> None:
    assert detect_language("12 345 678 — 90 %", among=("fr", "en")) is None


def test_among_languages_it_does_not_know_it_answers_none_of_them() -> None:
    assert detect_language(GERMAN, among=("xx",)) is None
