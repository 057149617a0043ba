"""Values every command parses the same way: ids, source keys, counts, languages, addresses.

Each parser turns what was typed into a value the layers below can use as
is, or refuses it before anything is opened: one line on stderr naming the
parameter, the value and what to give instead, exit status 2 (bad usage).
Click would print a usage block; factdesk errors are one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

import typer

from db.errors import FactdeskError
from db.ids import MAX_ID, as_id, looks_like_id


class BadValue(typer.BadParameter):
    """A value refused while parsing; Click names the parameter it came from."""

    def show(self, file: IO[Any] | None = None) -> None:
        message = " ".join(self.format_message().split())
        typer.echo(f"factdesk: error: {message}", file=file, err=file is None)


def row_id(kind: str, listing: str) -> Callable[[str], int]:
    """A parser for the id of a ``kind`` row (claim, evidence…) that ``listing`` shows."""

    def parse(text: str) -> int:
        value = as_id(text)
        if value is None:
            raise BadValue(
                f"{text[:40]!r} is not a {kind} id: ids are whole numbers from 1 to "
                f"{MAX_ID}; `{listing}` lists them"
            )
        return value

    return parse


def id_or_text(kind: str, listing: str, otherwise: str) -> Callable[[str], str]:
    """A parser for "an id, or some text naming the row": an id must be one a database can hold."""

    def parse(text: str) -> str:
        if not looks_like_id(text):
            return text
        value = as_id(text)
        if value is None:
            raise BadValue(
                f"{text[:40]!r} is not a {kind} id: ids are whole numbers from 1 to {MAX_ID}; "
                f"give an id that `{listing}` lists, or {otherwise}"
            )
        return str(value)

    return parse


source_key = id_or_text("source", "factdesk sources", "part of the source's URL")
watch_key = id_or_text("watch", "factdesk watch list", "the feed's URL")


def whole_number(low: int, high: int) -> Callable[[str | int], int]:
    """A parser for a whole number from ``low`` to ``high``."""

    def parse(text: str | int) -> int:
        # Typer runs defaults through the parser too: they arrive as ints.
        digits = str(text).strip()
        sign = digits.startswith("-")
        if not digits.lstrip("-").isdecimal() or len(digits) > len(str(high)) + sign:
            value = None
        else:
            value = int(digits)
        if value is None or not low <= value <= high:
            raise BadValue(f"{digits[:40]!r} is not a whole number from {low} to {high}")
        return value

    return parse


def language_tag(text: str) -> str:
    """A language tag (fr, en, fr-FR…), stored as its ISO 639-1 code."""
    # Parsers import what they check when they run: every command imports this module.
    from sources.extraction.language import normalize_language_tag

    code = normalize_language_tag(text)
    if code is None:
        raise BadValue(
            f"{text[:40]!r} is not a language tag; give an ISO 639 code such as fr or en"
        )
    return code


def web_url(text: str) -> str:
    """An http(s) address (the original address of a file or of stdin)."""
    from sources.urls import require_web_url

    try:
        return require_web_url(text)
    except FactdeskError as exc:
        raise BadValue(str(exc)) from None


MAX_COUNT = 2**63 - 1
"""LIMIT and OFFSET take 64-bit integers on both engines."""

CLAIM_ID = row_id("claim", "factdesk claims")
EVIDENCE_ID = row_id("evidence", "factdesk evidence list CLAIM")
VERSION = whole_number(0, MAX_ID)
"""A claim's version: review events are numbered in a 32-bit column."""
FIGURE = whole_number(0, MAX_ID)
LIMIT = whole_number(1, MAX_COUNT)
OFFSET = whole_number(0, MAX_COUNT)
