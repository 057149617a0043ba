"""Fetched bytes to text, by media type: PDF through ``extraction.pdf``, pages
and text through ``decoding`` and ``extraction``. Ingest, ``text``, the
evidence preview and refresh all turn bytes into text here, so a snapshot's
text is the same whichever path read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sources.decoding import DecodedText, decode_body
from sources.errors import SourceError
from sources.extraction import Article, extract_article
from sources.extraction.pdf import PageProgress, extract_pdf
from sources.pages import is_paged
from sources.snapshots import Fetched

PDF_CHARSET = "pdf"
"""The charset recorded for a PDF's text: the PDF's own font encodings, which
the PDF reader applies page by page; there is no one charset to name."""


class NoArticleText(SourceError):
    """The page was read but holds no text to snapshot."""


@dataclass(frozen=True)
class Content:
    decoded: DecodedText
    article: Article


def read_content(
    fetched: Fetched,
    *,
    url: str | None,
    lang: str | None,
    max_bytes: int,
    name: str | None = None,
    on_page: PageProgress | None = None,
) -> Content:
    """Decode and extract what ``fetched`` holds; never empty text.

    ``name`` says which input messages are about (the URL read when not given);
    ``max_bytes`` caps what a PDF's streams may inflate to; ``on_page`` hears
    of each page of a PDF read.
    """
    where = name or url or fetched.requested_url
    if is_paged(fetched.media_type):
        pdf = extract_pdf(
            fetched.body, name=where, max_bytes=max_bytes, lang_hint=lang, on_page=on_page
        )
        decoded = DecodedText(pdf.article.text, PDF_CHARSET, "detected", False)
        return Content(decoded, pdf.article)
    decoded = decode_body(fetched.body, charset=fetched.charset, media_type=fetched.media_type)
    article = extract_article(decoded.text, media_type=fetched.media_type, url=url, lang_hint=lang)
    if not article.text.strip():
        raise NoArticleText(
            f"{where}: no article text found in the page; check the address, "
            "or save the text as .txt and ingest the file"
        )
    return Content(decoded, article)


def extract_text(
    body: bytes, *, media_type: str, charset: str | None, url: str | None, max_bytes: int
) -> str:
    """A stored body's text extracted again as ingest did (for archive checks).

    ``charset`` is the one the header named, if any.
    """
    if is_paged(media_type):
        return extract_pdf(body, name=url or "snapshot", max_bytes=max_bytes).article.text
    decoded = decode_body(body, charset=charset, media_type=media_type)
    return extract_article(decoded.text, media_type=media_type, url=url).text
