"""Main text of an HTML page: trafilatura, tuned, with a BeautifulSoup fallback.

Tuning, measured with ``bench/extraction.py`` on the 181 pages of the
scrapinghub article-extraction benchmark (4-shingle F1; trafilatura's defaults
score 0.960 there):

- ``favor_precision=True`` and ``fast=True`` (no internal readability/jusText
  comparison: the retry below covers the pages where that mattered),
  comments excluded, tables kept;
- when that answer is short (``RETRY_BELOW_CHARS``), trafilatura's balanced
  mode with its internal fallbacks runs too and wins if it finds at least
  ``RETRY_MIN_GAIN`` times more text: precision mode sometimes keeps a
  caption and loses the article;
- trafilatura's lines become paragraphs joined by a blank line; short chrome
  lines (``boilerplate.matches_chrome_pattern``) are dropped, and a long
  paragraph repeated verbatim is kept once. Short repeats are structure
  (table headers, recurring sub-headings, bullet lists) and stay. Trafilatura's
  own ``deduplicate`` is not used: its cache is shared across documents, so
  extracting the same page twice would lose the second one.

Result there: F1 0.970 (precision 0.966, recall 0.973) at 0.89x trafilatura's
median time per page; readability-lxml scores 0.954.

When trafilatura finds nothing or very little, ``fallback_paragraphs`` reads
the page with BeautifulSoup: the container holding the most paragraph text,
its paragraphs and headings in order. The longer result wins.

Metadata and JSON-LD are read from a tree parsed here (``parse_html``);
trafilatura is handed the page text rather than that tree because it copies
any tree it is given, which costs more than parsing the text again.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from importlib.metadata import PackageNotFoundError, version

import lxml.html
import trafilatura
from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from lxml import etree
from lxml.html import HtmlElement

from sources.extraction.boilerplate import matches_chrome_pattern

# Below this many characters trafilatura's answer is worth a second opinion.
FALLBACK_BELOW_CHARS = 250
RETRY_BELOW_CHARS = 500
RETRY_MIN_GAIN = 2.0
# Repeats shorter than this are page structure, not a duplicated block.
DEDUP_MIN_CHARS = 100
# A fallback paragraph shorter than this is a caption or a button, not prose.
FALLBACK_MIN_PARAGRAPH_CHARS = 40

_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True,
    encoding="utf-8",
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLOCK_TAGS = ("p", "h2", "h3", "h4", "blockquote", "li", "pre")


def extractor_name() -> str:
    """Name and version of the HTML extraction, for provenance."""
    return f"factdesk-extract/1 trafilatura/{_version('trafilatura')}"


def fallback_name() -> str:
    """Name and version of the BeautifulSoup fallback, for provenance."""
    return f"factdesk-extract/1 bs4-paragraphs/{_version('beautifulsoup4')}"


@cache
def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def parse_html(text: str) -> HtmlElement | None:
    """The page's lxml tree, or None when there is no markup or text to parse."""
    # Bytes with the parser's encoding fixed: the page's own <?xml encoding?> or
    # lone surrogates in the str cannot then derail lxml.
    data = text.encode("utf-8", errors="replace")
    if not data.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def trafilatura_text(text: str, url: str | None, *, precision: bool) -> str:
    """trafilatura's text for the page ("" when it finds none)."""
    try:
        found = trafilatura.extract(
            text,
            url=url,
            favor_precision=precision,
            fast=precision,
            include_comments=False,
            include_tables=True,
        )
    except (ValueError, TypeError, etree.LxmlError):
        # trafilatura signals "nothing here" with these on odd trees.
        return ""
    return found or ""


def trafilatura_paragraphs(text: str, url: str | None) -> list[str]:
    """Paragraphs trafilatura finds, tuned as the module docstring says."""
    found = trafilatura_text(text, url, precision=True)
    if len(found) < RETRY_BELOW_CHARS:
        balanced = trafilatura_text(text, url, precision=False)
        if len(balanced) >= RETRY_MIN_GAIN * len(found):
            found = balanced
    return [line.strip() for line in found.split("\n") if line.strip()]


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Short chrome dropped, each long repeated paragraph kept once."""
    kept: list[str] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        if matches_chrome_pattern(paragraph):
            continue
        key = _SPACES.sub(" ", paragraph).casefold()
        if key in seen and len(key) >= DEDUP_MIN_CHARS:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def fallback_paragraphs(text: str) -> list[str]:
    """Paragraphs of the container holding the most paragraph text (BeautifulSoup)."""
    with warnings.catch_warnings():
        # XHTML served as HTML is what this reader expects; bs4's advice does not apply.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "aside",
                     "form", "header", "iframe", "svg", "button"]):
        tag.decompose()
    scores: dict[int, float] = {}
    by_id: dict[int, Tag] = {}
    for paragraph in soup.find_all("p"):
        size = len(paragraph.get_text(" ", strip=True))
        if size < FALLBACK_MIN_PARAGRAPH_CHARS:
            continue
        # Credit the parent fully and the grandparent half, as readability does.
        for weight, ancestor in zip((1.0, 0.5), paragraph.parents, strict=False):
            if isinstance(ancestor, Tag):
                scores[id(ancestor)] = scores.get(id(ancestor), 0.0) + weight * size
                by_id[id(ancestor)] = ancestor
    if not scores:
        return []
    best = by_id[max(scores, key=lambda key: scores[key])]
    found: list[str] = []
    for block in best.find_all(_BLOCK_TAGS):
        if block.find(_BLOCK_TAGS):
            continue  # its inner blocks are listed on their own
        line = _SPACES.sub(" ", block.get_text(" ", strip=True)).strip()
        if line:
            found.append(line)
    return found


def extract_html_text(text: str, url: str | None, *, parsed: bool = True) -> tuple[str, str]:
    """Main text of a page and the name of what extracted it.

    ``parsed`` False says lxml found no document in ``text``: trafilatura, which
    parses with lxml too, would only log an error, so it is not asked.
    """
    paragraphs = clean_paragraphs(trafilatura_paragraphs(text, url)) if parsed else []
    name = extractor_name()
    if sum(len(p) for p in paragraphs) < FALLBACK_BELOW_CHARS:
        fallback = clean_paragraphs(fallback_paragraphs(text))
        if sum(len(p) for p in fallback) > sum(len(p) for p in paragraphs):
            paragraphs, name = fallback, fallback_name()
    return "\n\n".join(paragraphs), name
