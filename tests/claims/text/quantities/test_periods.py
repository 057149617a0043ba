"""Periods named by a word are durations: "over the next decade" is ten years."""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "surface"),
    [
        ("It will create 3,000 jobs over the next decade.", "en", 10, "years", "next decade"),
        ("Over the past century, output grew.", "en", 100, "years", "past century"),
        ("Au cours de la prochaine décennie, 500 emplois.", "fr", 10, "ans", "prochaine décennie"),
    ],
)
def test_period_words_are_durations(
    text: str, lang: str, value: float, unit: str, surface: str
) -> None:
    (period,) = [q for q in find_quantities(text, lang) if q.kind == "duration"]
    assert (period.value, period.unit, period.surface) == (value, unit, surface)
    assert text[period.start : period.end] == surface


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Decade of Action began in 2020.", "en"),
        ("Au XXe siècle, la ville a grandi.", "fr"),
        ("In the 21st century, trade grew.", "en"),
    ],
)
def test_titles_and_ordinal_centuries_are_not_durations(text: str, lang: str) -> None:
    assert [q for q in find_quantities(text, lang) if q.kind == "duration"] == []
