"""What a page says about itself: title, byline, date, site, canonical URL, JSON-LD.

Read from the parsed tree in the order publishers are most careful with:
JSON-LD article objects and Open Graph / article:* meta tags first, then
generic meta tags (``author``, ``date``, Dublin Core, Twitter cards), then the
document itself (``<title>``, ``<h1>``, ``rel=author`` links, ``<time>``).
Every value is trimmed text or None: a field the page does not give is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from sources.extraction.jsonld import first_article, parse_jsonld_blocks, types_of

_SPACES = re.compile(r"\s+")
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:-]\s+")
_BYLINE_PREFIX = re.compile(r"^(?:by|par|de|written by|écrit par)\s+", re.IGNORECASE)

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "title", "headline")
_AUTHOR_KEYS = (
    "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author",
)
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished",
    "dc.date.issued", "dc.date", "dcterms.created", "date", "pubdate", "publishdate",
    "publish-date", "sailthru.date", "parsely-pub-date", "article.published",
)
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")


@dataclass(frozen=True)
class PageMetadata:
    """Metadata fields of a page (see module docstring for where each comes from)."""

    title: str | None
    byline: str | None
    published: str | None
    site_name: str | None
    canonical_url: str | None
    jsonld: tuple[dict[str, Any], ...]
    meta: dict[str, str]


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Metadata of a parsed page; ``url`` resolves a relative canonical link."""
    meta = meta_tags(tree)
    jsonld = parse_jsonld_blocks(
        str(script.text or "")
        for script in tree.iter("script")
        if "ld+json" in (script.get("type") or "").lower()
    )
    article = first_article(jsonld) or {}
    return PageMetadata(
        title=_title(tree, meta, article),
        byline=_byline(tree, meta, article),
        published=_published(tree, meta, article),
        site_name=_site_name(meta, article, jsonld),
        canonical_url=_canonical(tree, meta, url),
        jsonld=jsonld,
        meta=meta,
    )


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name/property/itemprop/http-equiv; first wins."""
    found: dict[str, str] = {}
    for tag in tree.iter("meta"):
        content = tag.get("content")
        if content is None:
            continue
        value = clean(content)
        if not value:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (tag.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = value
    return found


def clean(value: Any) -> str | None:
    """Whitespace-collapsed text, or None for empty and non-text values."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    return text or None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _text_of(tree: HtmlElement, tag: str) -> str | None:
    for element in tree.iter(tag):
        text = clean(element.text_content())
        if text:
            return text
    return None


def _title(tree: HtmlElement, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    for candidate in (clean(article.get("headline")), _first(meta, _TITLE_KEYS)):
        if candidate:
            return candidate
    heading = _text_of(tree, "h1")
    document_title = _text_of(tree, "title")
    if document_title:
        # "Headline | Site name": keep the longest part, unless the <h1> and the
        # <title> are one the other's shortened form.
        if heading and (heading in document_title or document_title in heading):
            return heading
        parts = _TITLE_SEPARATORS.split(document_title)
        return max(parts, key=len) if len(parts) > 1 else document_title
    return heading


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        name = clean(value.get("name"))
        return [name] if name else []
    name = clean(value)
    return [name] if name else []


def _byline(tree: HtmlElement, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    names = _names(article.get("author"))
    if names:
        return ", ".join(dict.fromkeys(names))
    candidate = _first(meta, _AUTHOR_KEYS)
    if candidate and not candidate.startswith(("http://", "https://")):
        return _BYLINE_PREFIX.sub("", candidate)
    for link in tree.xpath('//a[@rel="author"] | //*[@itemprop="author"]'):
        text = clean(link.text_content())
        if text and len(text) < 100:
            return _BYLINE_PREFIX.sub("", text)
    return None


def _published(tree: HtmlElement, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    candidates = [clean(article.get("datePublished")), _first(meta, _DATE_KEYS)]
    candidates += [clean(t.get("datetime")) for t in tree.xpath("//time[@datetime]")[:3]]
    candidates.append(clean(article.get("dateCreated")))
    for candidate in candidates:
        if candidate:
            found = _ISO_DATE.match(candidate)
            if found:
                return found.group(0).replace(" ", "T", 1)
    return None


def _site_name(
    meta: dict[str, str], article: dict[str, Any], jsonld: tuple[dict[str, Any], ...]
) -> str | None:
    names = _names(article.get("publisher"))
    if names:
        return names[0]
    candidate = _first(meta, _SITE_KEYS)
    if candidate:
        return candidate
    for obj in jsonld:
        if types_of(obj) & {"WebSite", "NewsMediaOrganization", "Organization"}:
            name = clean(obj.get("name"))
            if name:
                return name
    return None


def _canonical(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    hrefs = [
        link.get("href")
        for link in tree.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    hrefs.append(meta.get("og:url"))
    for href in hrefs:
        href = clean(href)
        if not href:
            continue
        absolute = urljoin(url, href) if url else href
        if urlsplit(absolute).scheme in ("http", "https"):
            return absolute
    return None


def html_language_attributes(tree: HtmlElement) -> list[str]:
    """Language tags the page declares: ``<html lang>``, ``xml:lang``, then ``<body lang>``."""
    tags: list[str] = []
    root = tree.getroottree().getroot()
    for element in (root, root.find("body")):
        if element is None:
            continue
        for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
            value = element.get(attribute)
            if value:
                tags.append(value)
    return tags

