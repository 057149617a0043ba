"""Quote anchoring: W3C Web Annotation selectors over a snapshot's text.

A reviewer's quote is tied to a snapshot's extracted text by two selectors
(https://www.w3.org/TR/annotation-model/#selectors), both in code points:

    TextPositionSelector  start, end            exact = text[start:end]
    TextQuoteSelector     exact, prefix, suffix  32 characters either side

`anchor_quote` finds a quote typed or pasted by a reviewer: the exact string
first (the FIRST occurrence when there are several: a reviewer who means a later
one quotes more of it); then the same match ignoring whitespace runs, no-break
and narrow spaces, typographic vs straight quotes and apostrophes, dashes and
case, mapped back to the original offsets so the stored `exact` is always the
snapshot's own text. Failing both it raises `QuoteNotFound`, naming the closest
passage and its similarity (rapidfuzz).

`reanchor` finds an old anchor again in a newer snapshot (the refresh job):

    1. position   the same exact text and context at the same offsets -> unchanged
    2. exact      the exact text elsewhere; several occurrences are told apart
                  by prefix/suffix similarity, then nearness       -> moved
                  (unchanged when that is still the old offset: only the context changed)
    3. fuzzy      between the old prefix and suffix when both are still there,
                  else the best partial alignment over the text;
                  score >= min_similarity                          -> changed
    4. otherwise                                                  -> vanished
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from rapidfuzz import fuzz

from claims.errors import ClaimError

CONTEXT_CHARS: Final = 32

# Characters folded before a whitespace/quote/dash/case-insensitive match.
_SPACES: Final = frozenset(
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
_FOLD: Final[dict[str, str]] = {
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    "\u2026": "...",
    "\u00ad": "",  # soft hyphen: invisible, never quoted
    "\u200b": "",  # zero-width space
}


class QuoteNotFound(ClaimError):
    """A reviewer's quote is not in the evidence text, even loosely."""

    def __init__(self, quote: str, closest: str, similarity: float) -> None:
        super().__init__(
            f'quote "{shorten(quote)}" is not in the evidence text; closest passage '
            f'({round(similarity * 100)}% similar): "{shorten(closest)}"; quote it exactly'
        )
        self.quote = quote
        self.closest = closest
        self.similarity = similarity


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted text and up to 32 characters before and after it."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class TextPositionSelector:
    """Code-point offsets of the quote in the snapshot's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    """Both selectors, how they were found and how well (1.0 for an exact match)."""

    position: TextPositionSelector
    quote: TextQuoteSelector
    method: Literal["position", "exact", "fuzzy"]
    score: float


@dataclass(frozen=True)
class Reanchored:
    """What became of an old anchor in a new text; `anchor` is None only when vanished."""

    status: Literal["unchanged", "moved", "changed", "vanished"]
    anchor: Anchor | None
    similarity: float


def shorten(text: str, limit: int = 80) -> str:
    """`text` on one line, cut in the middle with an ellipsis beyond `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    half = (limit - 1) // 2
    return flat[:half].rstrip() + "…" + flat[-half:].lstrip()


def selectors_for(text: str, start: int, end: int) -> Anchor:
    """The anchor of `text[start:end]` (method "position", score 1.0)."""
    return _anchor(text, start, end, "position", 1.0)


def _anchor(
    text: str, start: int, end: int, method: Literal["position", "exact", "fuzzy"], score: float
) -> Anchor:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
    return Anchor(TextPositionSelector(start, end), quote, method, score)


# --- loose matching -----------------------------------------------------------------


@dataclass(frozen=True)
class _Folded:
    """A folded text and, per folded character, its original [start, end)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _fold(text: str) -> _Folded:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACES:
            j = i + 1
            while j < n and text[j] in _SPACES:
                j += 1
            # spaces inside guillemets (« x ») are typography: '"x"' must match
            if out and out[-1] not in ' "':
                out.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        mapped = _FOLD.get(ch)
        if mapped is None:
            lowered = ch.lower()
            mapped = lowered if len(lowered) == 1 else ch
        if mapped == '"' and out and out[-1] == " ":
            out.pop()
            starts.pop()
            ends.pop()
        for m in mapped:
            out.append(m)
            starts.append(i)
            ends.append(i + 1)
        i += 1
    if out and out[-1] == " ":
        out.pop()
        starts.pop()
        ends.pop()
    return _Folded("".join(out), tuple(starts), tuple(ends))


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span so it neither starts nor ends inside a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return start, end


def closest_passage(text: str, quote: str) -> tuple[Anchor, float]:
    """The passage of `text` most like `quote` and its similarity in [0, 1].

    Compared loosely (see the module docstring), aligned with rapidfuzz's
    partial_ratio, widened to whole words.
    """
    folded_text, folded_quote = _fold(text), _fold(quote)
    if not folded_text.text or not folded_quote.text:
        return _anchor(text, 0, 0, "fuzzy", 0.0), 0.0
    hit = fuzz.partial_ratio_alignment(folded_quote.text, folded_text.text)
    if hit is None or hit.dest_end <= hit.dest_start:
        return _anchor(text, 0, 0, "fuzzy", 0.0), 0.0
    start, end = folded_text.original(hit.dest_start, hit.dest_end)
    start, end = _snap_to_words(text, start, end)
    similarity = fuzz.ratio(folded_quote.text, _fold(text[start:end]).text) / 100
    return _anchor(text, start, end, "fuzzy", similarity), similarity


def anchor_quote(text: str, quote: str) -> Anchor:
    """Anchor a reviewer's `quote` in `text`; raise QuoteNotFound when it is not there.

    An exact occurrence wins (the first of several); else the first loose match.
    """
    wanted = quote.strip()
    if not wanted:
        raise QuoteNotFound(quote, "", 0.0)
    at = text.find(wanted)
    if at >= 0:
        return _anchor(text, at, at + len(wanted), "exact", 1.0)
    folded_text, folded_quote = _fold(text), _fold(wanted)
    at = folded_text.text.find(folded_quote.text) if folded_quote.text else -1
    if at >= 0:
        start, end = folded_text.original(at, at + len(folded_quote.text))
        return _anchor(text, start, end, "exact", 1.0)
    closest, similarity = closest_passage(text, wanted)
    raise QuoteNotFound(quote, closest.quote.exact, similarity)


# --- refresh ------------------------------------------------------------------------


def _context_score(text: str, start: int, end: int, old: TextQuoteSelector) -> float:
    """How well the text around [start, end) matches the old prefix and suffix."""
    prefix = text[max(0, start - len(old.prefix)) : start]
    suffix = text[end : end + len(old.suffix)]
    return fuzz.ratio(prefix, old.prefix) + fuzz.ratio(suffix, old.suffix)


def _same_context(text: str, start: int, end: int, old: TextQuoteSelector) -> bool:
    return (
        text[max(0, start - len(old.prefix)) : start] == old.prefix
        and text[end : end + len(old.suffix)] == old.suffix
    )


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _between_context(new_text: str, old: Anchor) -> tuple[int, int] | None:
    """The stretch between the old prefix and suffix, when both survive near each other."""
    prefix, suffix = old.quote.prefix, old.quote.suffix
    if len(prefix) < 8 or len(suffix) < 8:
        return None
    length = len(old.quote.exact)
    best: tuple[int, int] | None = None
    for p in _occurrences(new_text, prefix):
        start = p + len(prefix)
        s = new_text.find(suffix, start, start + 3 * length + 64)
        if s >= 0 and length / 3 <= s - start <= 3 * length + 32:
            candidate = (start, s)
            if best is None or abs(candidate[0] - old.position.start) < abs(
                best[0] - old.position.start
            ):
                best = candidate
    return best


def reanchor(new_text: str, old: Anchor, *, min_similarity: float = 0.75) -> Reanchored:
    """Find `old` again in `new_text`: unchanged, moved, changed (fuzzy) or vanished."""
    exact = old.quote.exact
    start, end = old.position.start, old.position.end
    if exact and new_text[start:end] == exact and _same_context(new_text, start, end, old.quote):
        return Reanchored("unchanged", _anchor(new_text, start, end, "position", 1.0), 1.0)
    if exact:
        hits = _occurrences(new_text, exact)
        if hits:
            at = max(
                hits,
                key=lambda h: (
                    _context_score(new_text, h, h + len(exact), old.quote),
                    -abs(h - start),
                ),
            )
            if at == start:
                return Reanchored("unchanged", _anchor(new_text, at, end, "position", 1.0), 1.0)
            return Reanchored("moved", _anchor(new_text, at, at + len(exact), "exact", 1.0), 1.0)
    if not exact:
        return Reanchored("vanished", None, 0.0)
    span = _between_context(new_text, old)
    if span is not None:
        s, e = _snap_to_words(new_text, *span)
        similarity = fuzz.ratio(exact, new_text[s:e]) / 100
        if similarity >= min_similarity:
            return Reanchored("changed", _anchor(new_text, s, e, "fuzzy", similarity), similarity)
    candidate, similarity = closest_passage(new_text, exact)
    if similarity >= min_similarity:
        return Reanchored("changed", candidate, similarity)
    return Reanchored("vanished", None, similarity)
