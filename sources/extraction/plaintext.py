"""Main text of a plain-text page scrape: paragraphs kept, chrome and repeats dropped.

A scrape saved as ``.txt`` has lost its markup, so the only evidence left is
the lines themselves. The steps:

1. Normalise line breaks (CRLF, CR, U+2028/2029) to ``\\n``.
2. Cut into paragraphs: a blank-line separated block whose lines are
   hard-wrapped (long, similar lengths) is one paragraph, its inner line
   breaks kept; otherwise each line is its own paragraph.
3. Drop chrome (``boilerplate.is_chrome``): subscribe boxes, cookie lines,
   share buttons, "read also", rights lines, bare menu labels.
4. Drop a paragraph already kept (verbatim, or contained in a kept one):
   scrapes often hold the article twice.
5. Drop the footer: from the end backwards, paragraphs in which the site
   describes itself (``boilerplate.is_self_description``).

The characters of every kept paragraph are the source's: only line breaks
and whitespace at paragraph edges change, because claims point at character
spans in this text.
"""

from __future__ import annotations

import re

from sources.extraction.boilerplate import is_chrome, is_self_description

# A repeat shorter than this may be a coincidence ("Photo: AFP"), not a copy.
MIN_REPEAT_CHARS = 40
# Lines at least this long, of similar lengths, are a hard-wrapped paragraph.
WRAP_MIN_CHARS = 40
WRAP_MAX_CHARS = 120
WRAP_MAX_SPREAD = 0.35

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n")
_SPACES = re.compile(r"\s+")


def normalize_newlines(text: str) -> str:
    """Every kind of line break as ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text, edges stripped, inner characters untouched."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(normalize_newlines(text)):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append("\n".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = [len(line) for line in lines[:-1]]
    if min(body) < WRAP_MIN_CHARS or max(len(line) for line in lines) > WRAP_MAX_CHARS:
        return False
    return (max(body) - min(body)) <= WRAP_MAX_SPREAD * max(body)


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep the first of paragraphs that repeat, verbatim or inside a longer one."""
    kept: list[str] = []
    seen: set[str] = set()
    joined = ""
    for paragraph in paragraphs:
        key = _SPACES.sub(" ", paragraph).strip().casefold()
        if key in seen:
            continue
        if len(key) >= MIN_REPEAT_CHARS and key in joined:
            continue
        seen.add(key)
        joined += "\x00" + key
        kept.append(paragraph)
    return kept


def drop_footer(paragraphs: list[str]) -> list[str]:
    """Remove the site's self-description and chrome from the end of the text."""
    end = len(paragraphs)
    while end > 0 and (is_self_description(paragraphs[end - 1]) or is_chrome(paragraphs[end - 1])):
        end -= 1
    return paragraphs[:end]


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Chrome, repeats and footer removed, in that order."""
    return drop_footer(drop_repeats([p for p in paragraphs if not is_chrome(p)]))


def extract_plaintext(text: str) -> str:
    """Main text of a plain-text scrape, paragraphs separated by a blank line."""
    return "\n\n".join(clean_paragraphs(split_paragraphs(text)))
