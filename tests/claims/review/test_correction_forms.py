"""Reading a correction as a reviewer types it (the TUI's dialogs and the CLI's options)."""

from __future__ import annotations

import pytest

from claims.errors import ClaimError
from claims.review.corrections import (
    FigureEdit,
    figure_edit_from_form,
    figure_kind,
    figure_number,
    span_bounds,
)

CURRENT = {"value": 20000.0, "kind": "count", "unit": "coopératives", "low": None, "high": None}


def test_only_the_fields_that_differ_become_the_edit() -> None:
    typed = {"value": "20000", "kind": "count", "unit": " coopératives  actives ", "low": ""}
    assert figure_edit_from_form(1, typed, CURRENT) == FigureEdit(1, unit="coopératives actives")


def test_a_decimal_comma_reads_as_a_point() -> None:
    assert figure_edit_from_form(0, {"high": "1,5"}, CURRENT) == FigureEdit(0, high=1.5)


def test_an_unchanged_form_asks_for_nothing() -> None:
    assert (
        figure_edit_from_form(0, {"value": "20000", "kind": "count", "hedge": ""}, CURRENT) is None
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"value": "vingt"}, "'vingt' is not a number; give a figure such as 20000 or 1.5"),
        ({"low": "inf"}, "'inf' is not a number"),
        ({"kind": "people"}, "'people' is not a figure kind; use one of: count, percent"),
    ],
)
def test_bad_fields_are_refused_with_the_fix(typed: dict[str, str], message: str) -> None:
    with pytest.raises(ClaimError, match=message):
        figure_edit_from_form(0, typed, CURRENT)


def test_parsers() -> None:
    assert figure_number(" 2,5 ") == 2.5
    assert figure_kind(" Percent ") == "percent"
    assert span_bounds("120:245") == (120, 245)
    for text in ("245:120", "12-40", "a:b", ":4"):
        with pytest.raises(ClaimError, match="START"):
            span_bounds(text)
