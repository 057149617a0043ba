"""Spans of idioms whose number words are no figures ("au premier plan",
"first of all", "one more minute"); the phrases are data in
the language's `NumberGrammar.idioms`."""

from __future__ import annotations

import re
from typing import Final

from claims.text.quantities.grammar import NumberGrammar, PerGrammar


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(
        re.escape(p)
        .replace(r"\ ", r"[\s\u00a0]+")
        .replace(r"\-", r"[-\s\u00a0]")
        .replace("'", "['’]")
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?<![\w])(?:" + alt + r")(?![\w])")


_IDIOM: Final = PerGrammar(lambda grammar: _pattern(grammar.idioms))


def idiom_spans(text: str, grammar: NumberGrammar) -> list[tuple[int, int]]:
    """(start, end) of every idiom of `grammar` in `text`, in order."""
    return [m.span() for m in _IDIOM[grammar].finditer(text)]
