"""Where direct quotations open and close in a text.

Guillemets « » and curly quotes “ ” pair up like brackets; straight double
quotes toggle. A quotation left open ends at the end of its line, as a quoted
paragraph does in print, unless the next paragraph opens with the same mark:
that is how print carries one quotation over several paragraphs (an opening
mark at each, a closing mark at the last only). Single quotes are apostrophes
far more often than quotation marks, so they are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = {"«": "»", "“": "”"}
_MARKS = re.compile(r'[«»“”"\n]')
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
# A paragraph break, then the mark that opens the next paragraph.
_NEXT_PARAGRAPH = re.compile(r'\n\s*([«“"])')


@dataclass(frozen=True)
class Quote:
    """A quotation: `start` is its opening mark, `end` is just past its closing mark."""

    start: int
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, ordered by opening offset."""
    quotes: list[Quote] = []
    open_at: dict[str, list[int]] = {mark: [] for mark in _PAIRS}
    straight: int | None = None
    carried: int | None = None  # a paragraph's opening mark that continues a quotation
    # Only marks and line ends matter: the regex skips the rest at C speed.
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if i == carried:
            continue
        if ch == "\n":
            if straight is None and not any(open_at.values()):
                continue  # nothing open to close or carry over
            following = _NEXT_PARAGRAPH.match(text, i)
            carry = following.group(1) if following else None
            for opener, stack in open_at.items():
                if carry == opener and len(stack) == 1:
                    carried = following.start(1) if following else None
                    continue
                quotes.extend(Quote(start, i) for start in stack)
                stack.clear()
            if straight is not None:
                if carry == '"':
                    carried = following.start(1) if following else None
                    continue
                quotes.append(Quote(straight, i))
                straight = None
        elif ch in _PAIRS:
            open_at[ch].append(i)
        elif ch in _CLOSING:
            stack = open_at[_CLOSING[ch]]
            if stack:
                quotes.append(Quote(stack.pop(), i + 1))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                quotes.append(Quote(straight, i + 1))
                straight = None
    end = len(text)
    for stack in open_at.values():
        quotes.extend(Quote(start, end) for start in stack)
    if straight is not None:
        quotes.append(Quote(straight, end))
    return sorted(quotes, key=lambda q: q.start)
