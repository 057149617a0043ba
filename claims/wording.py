"""Counts as people read them: "1 claim", "2 claims" (the CLI, the TUI and reports)."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: ``counted(1, "claim")`` is "1 claim".

    Thousands are grouped ("12,500 claims"); ``plural`` for a noun that does not
    take an "s" ("1 match", ``counted(2, "match", "matches")``).
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
