"""Page text to main article text plus metadata.

``extract_article(text, media_type=..., url=..., lang_hint=...)`` is the one
entry point: HTML (``text/html``, ``application/xhtml+xml``) goes through
``html`` (trafilatura, tuned, with a BeautifulSoup fallback) and
``metadata``/``jsonld``; plain text through ``plaintext``'s line rules.
Language comes from ``language``. It never raises on odd input: random or
truncated markup gives an ``Article`` whose text may be empty.

Decode bytes first with ``sources.decoding.decode_body``.
"""

from __future__ import annotations

import re

from sources.extraction.article import Article
from sources.extraction.language import (
    detect_language,
    first_declared,
    jsonld_languages,
)
from sources.extraction.plaintext import extract_plaintext

# Lone surrogates cannot be encoded and NUL cannot be stored (PostgreSQL text):
# both become U+FFFD, as undecodable bytes do in sources.decoding.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

PLAINTEXT_EXTRACTOR = "factdesk-extract/1 plaintext"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
# A feed or sitemap served as XML (a watch's source) has no article to find:
# its text is kept as plain text, so that refreshing it stores a snapshot.
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]")

__all__ = ["Article", "extract_article"]


def extract_article(
    text: str,
    *,
    media_type: str = "text/html",
    url: str | None = None,
    lang_hint: str | None = None,
) -> Article:
    """Main text and metadata of a page already decoded to ``text``.

    ``media_type`` picks the reader (parameters after ``;`` are ignored; types
    other than HTML are read as plain text). ``url`` resolves a relative
    canonical link. ``lang_hint`` (e.g. the Content-Language header) is used
    when the page declares no language itself.
    """
    text = _storable(text)
    kind = media_type.split(";", 1)[0].strip().lower()
    is_feed = kind in {"application/xml", "text/xml"} and _FEED_START.search(text[:2048])
    if kind in HTML_TYPES and not is_feed:
        return _from_html(text, url, lang_hint)
    body = extract_plaintext(text)
    language = first_declared([lang_hint]) or detect_language(body)
    return Article(text=body, language=language, extractor=PLAINTEXT_EXTRACTOR)


def _from_html(text: str, url: str | None, lang_hint: str | None) -> Article:
    # Here, not at the top: trafilatura and lxml cost a third of a second of CPU,
    # which what only needs the language detector (``factdesk extract``) need not pay.
    from sources.extraction.html import extract_html_text, parse_html
    from sources.extraction.metadata import html_language_attributes, read_metadata

    tree = parse_html(text)
    body, extractor = extract_html_text(text, url, parsed=tree is not None)
    if tree is None:
        language = first_declared([lang_hint]) or detect_language(body)
        return Article(text=body, language=language, extractor=extractor)
    meta = read_metadata(tree, url)
    declared = [
        *html_language_attributes(tree),
        meta.meta.get("og:locale"),
        meta.meta.get("content-language"),
        meta.meta.get("language"),
        meta.meta.get("dc.language"),
        *jsonld_languages(meta.jsonld),
        lang_hint,
    ]
    return Article(
        text=body,
        title=meta.title,
        byline=meta.byline,
        published=meta.published,
        site_name=meta.site_name,
        language=first_declared(declared) or detect_language(body),
        canonical_url=meta.canonical_url,
        jsonld=meta.jsonld,
        extractor=extractor,
    )


def _storable(text: str) -> str:
    return _UNSTORABLE.sub("\ufffd", text)
