"""JSON-LD blocks of a page, parsed leniently and flattened to a tuple of objects.

Publishers' JSON-LD is often slightly broken: HTML comments or CDATA around
it, trailing commas, raw newlines inside strings, several objects glued
together. Each ``<script type="application/ld+json">`` is tried strictly, then
repaired; a block that still does not parse is skipped (the page's other
blocks are kept). Objects inside ``@graph`` are listed one by one, each given
the graph's ``@context`` when it has none, so a ClaimReview in a graph comes
out whole like one at top level.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")


def parse_jsonld_blocks(blocks: Iterable[str]) -> tuple[dict[str, Any], ...]:
    """Every JSON-LD object in the given script bodies, in page order."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        for value in _load(block):
            found.extend(_objects(value))
    return tuple(found)


def _load(block: str) -> list[Any]:
    text = _WRAPPERS.sub("", block.strip()).strip()
    if not text:
        return []
    try:
        return [json.loads(text)]
    except ValueError:
        pass
    # Raw control characters (newlines in strings, mostly) are what breaks most blocks.
    repaired = _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))
    decoder = json.JSONDecoder()
    values: list[Any] = []
    position = 0
    # raw_decode also reads several objects written one after another.
    while position < len(repaired):
        while position < len(repaired) and repaired[position] in " \t\n\r,;":
            position += 1
        if position >= len(repaired):
            break
        try:
            value, position = decoder.raw_decode(repaired, position)
        except ValueError:
            break
        values.append(value)
    return values


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [obj for item in value for obj in _objects(item)]
    if not isinstance(value, dict):
        return []
    graph = value.get("@graph")
    if isinstance(graph, list):
        context = value.get("@context")
        members: list[dict[str, Any]] = []
        for item in graph:
            for obj in _objects(item):
                if context is not None and "@context" not in obj:
                    obj = {"@context": context, **obj}
                members.append(obj)
        return members
    return [value]


def types_of(obj: dict[str, Any]) -> set[str]:
    """The ``@type`` names of an object, without a vocabulary prefix."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {str(name).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if name}


def first_article(objects: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The object that describes the page's article, if one does."""
    article_types = {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report",
        "ScholarlyArticle", "TechArticle", "LiveBlogPosting", "SocialMediaPosting",
    }
    fallback: dict[str, Any] | None = None
    for obj in objects:
        kinds = types_of(obj)
        if kinds & article_types:
            return obj
        if fallback is None and "WebPage" in kinds:
            fallback = obj
    return fallback
