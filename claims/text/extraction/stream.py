"""Claims of a very large text, block by block, in bounded memory.

``extract_claims`` holds every sentence of a text at once, fine for an
article, linear in memory for a 50 MB dump. ``iter_claims`` cuts the text
into blocks of about ``BLOCK_CHARS`` at paragraph (else line, else space)
breaks, extracts each block with ``extract_claims`` and yields its claims
with offsets into the whole text. What carries over from block to block is
a set of fingerprints: a claim repeated in a later block is not yielded
again, but its later spans are not added to the claim already yielded, and
a speaker named in one block is not known in the next. Texts of one block
get exactly what ``extract_claims`` gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Final

from claims.text.extraction.extract import extract_claims
from claims.text.extraction.model import ExtractedClaim, Span
from claims.text.languages import Language, language

BLOCK_CHARS: Final = 200_000
"""About this many characters per block (an article is far below it)."""


def blocks(text: str, size: int = BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive blocks covering ``text``, cut at a break."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for mark in ("\n\n", "\n", " "):
                cut = text.rfind(mark, start + size // 2, end)
                if cut > start:
                    end = cut + len(mark)
                    break
        yield start, end
        start = end


def iter_claims(
    text: str, lang: str | Language, *, size: int = BLOCK_CHARS
) -> Iterator[ExtractedClaim]:
    """The claims of ``text`` in order, offsets into ``text``, block by block."""
    reading = language(lang)
    if len(text) <= size:
        yield from extract_claims(text, reading)
        return
    seen: set[str] = set()
    for start, end in blocks(text, size):
        for claim in extract_claims(text[start:end], reading):
            if claim.fingerprint in seen:
                continue
            seen.add(claim.fingerprint)
            yield _shifted(claim, start)


def _shifted(claim: ExtractedClaim, offset: int) -> ExtractedClaim:
    if offset == 0:
        return claim
    return replace(
        claim,
        start=claim.start + offset,
        end=claim.end + offset,
        spans=tuple(Span(s.start + offset, s.end + offset) for s in claim.spans),
        quantities=tuple(
            replace(q, start=q.start + offset, end=q.end + offset) for q in claim.quantities
        ),
    )
