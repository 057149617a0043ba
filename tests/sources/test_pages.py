"""Which page an offset falls on: one rule for a single offset (claim screen,
``factdesk show``) and for many offsets over precomputed starts (reports)."""

from __future__ import annotations

import pytest

from sources.pages import PAGE_SEPARATOR, page_at, page_in, page_starts

# Three pages; the form feeds sit at offsets 7 and 15.
TEXT = "one p." + PAGE_SEPARATOR + "two p." + PAGE_SEPARATOR + "three."
FIRST_FEED = TEXT.index("\f")
SECOND_FEED = TEXT.rindex("\f")


def test_the_pages_start_just_after_each_form_feed() -> None:
    assert page_starts(TEXT) == (0, FIRST_FEED + 1, SECOND_FEED + 1)
    assert page_starts("no breaks") == (0,)
    assert page_starts("") == (0,)


@pytest.mark.parametrize(
    ("offset", "page"),
    [
        (-5, 1),  # before the first page
        (0, 1),
        (FIRST_FEED - 1, 1),
        (FIRST_FEED, 1),  # the form feed ends its page
        (FIRST_FEED + 1, 2),
        (SECOND_FEED, 2),
        (SECOND_FEED + 1, 3),
        (len(TEXT) - 1, 3),
        (len(TEXT), 3),  # a span's end, one past the last character
        (len(TEXT) + 40, 3),  # after the last page
    ],
)
def test_an_offset_falls_on_the_same_page_however_it_is_looked_up(offset: int, page: int) -> None:
    assert page_at(TEXT, offset) == page
    assert page_in(page_starts(TEXT), offset) == page


def test_text_without_breaks_is_all_page_one() -> None:
    starts = page_starts("a single page")
    assert [page_in(starts, offset) for offset in (-1, 0, 6, 13, 99)] == [1] * 5
