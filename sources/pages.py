"""Page numbers of paged text (PDF): where each page starts, and "p. 12".

A PDF's extracted text keeps its page boundaries in the text itself, as a
form feed on a line of its own between pages (the convention of pdftotext
and pdfminer). Offsets into the text (claims' spans, quote anchors) then
give their page without any other column: the page of an offset is one
more than the form feeds before it. The sentence splitter skips a line
that holds only blanks, so a page break never becomes part of a claim.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

PAGE_BREAK = "\f"
PAGE_SEPARATOR = "\n" + PAGE_BREAK + "\n"
PAGED_TYPES = frozenset({"application/pdf"})


def is_paged(media_type: str | None) -> bool:
    """Whether text extracted from this media type carries page breaks."""
    return (media_type or "").split(";", 1)[0].strip().lower() in PAGED_TYPES


def page_at(text: str, offset: int) -> int:
    """The 1-based page of ``text`` that character ``offset`` falls on."""
    return page_in(page_starts(text), offset)


def page_starts(text: str) -> tuple[int, ...]:
    """The offset each page starts at (the first is 0)."""
    starts = [0]
    at = text.find(PAGE_BREAK)
    while at != -1:
        starts.append(at + 1)
        at = text.find(PAGE_BREAK, at + 1)
    return tuple(starts)


def page_in(starts: Sequence[int], offset: int) -> int:
    """The 1-based page that ``offset`` falls on, given ``starts`` from
    :func:`page_starts`: a text paged once and looked up for many offsets.

    A form feed belongs to the page it ends. An offset before the text is on
    the first page and one past its end on the last, as a span's clamped end
    would be.
    """
    return bisect_right(starts, offset) or 1


def page_of(media_type: str | None, text: str, offset: int | None) -> int | None:
    """The page of ``offset`` in a snapshot's text, or None when the text has no pages."""
    if offset is None or not is_paged(media_type):
        return None
    return page_at(text, offset)


def page_label(page: int | None) -> str:
    """How a page is cited beside a quote: "p. 12" (empty when there is none)."""
    return f"p. {page}" if page is not None else ""
