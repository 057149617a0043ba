"""The source-reading seam: one ``read(target)`` for every kind of target.

    read(target, policy=..., url=..., lang=...) -> Reading
        resolve_target   "-", an http(s) URL or a path -> Target
        readers          one reader per way of reading (http, file, stdin) -> Fetched
        content          bytes -> decoded text -> article, by media type (HTML,
                         text, PDF)

A ``Reading`` holds what was fetched (bytes and provenance), how it was
decoded, what was extracted, and the kind of source it is. Ingest, the
``text`` command, the evidence preview and refresh (``read_content`` on what
its conditional fetch returned) all go through here; a new kind of source is
a reader in ``readers`` or an extractor in ``content``, nowhere else.
Nothing here writes to the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

import httpx

from sources.decoding import DecodedText
from sources.extraction import Article
from sources.extraction.pdf import PageProgress
from sources.fetching import FetchPolicy
from sources.pages import is_paged
from sources.reading.content import NoArticleText, extract_text, read_content
from sources.reading.kinds import SourceKind
from sources.reading.readers import READERS, ReadContext
from sources.reading.target import Target, resolve_target
from sources.snapshots import Fetched

__all__ = [
    "NoArticleText",
    "PageProgress",
    "Reading",
    "SourceKind",
    "Target",
    "extract_text",
    "read",
    "read_content",
    "resolve_target",
]


@dataclass(frozen=True)
class Reading:
    """One target, read: its bytes and provenance, decoded text and article."""

    target: Target
    fetched: Fetched
    decoded: DecodedText
    article: Article

    @property
    def kind(self) -> SourceKind:
        if is_paged(self.fetched.media_type):
            return SourceKind.PDF
        return SourceKind(self.target.via)

    @property
    def text(self) -> str:
        return self.article.text


def read(
    target: str | Target,
    *,
    policy: FetchPolicy,
    url: str | None = None,
    lang: str | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    on_page: PageProgress | None = None,
) -> Reading:
    """Read ``target`` (``-``, an http(s) URL or a path) and extract its text.

    ``url`` is the original web address of a file or stdin; ``lang`` a
    language hint; ``on_page`` hears of each page of a PDF read. Raises a
    ``SourceError`` (``FetchError`` for the web, ``TargetError`` for local
    input, ``PdfRefused``, ``NoArticleText``).
    """
    where = target if isinstance(target, Target) else resolve_target(target, url=url)
    fetched = READERS[where.via](where, ReadContext(policy, client, stdin))
    content = read_content(
        fetched,
        url=where.url or fetched.final_url,
        lang=lang,
        max_bytes=policy.max_body_bytes,
        name=where.name,
        on_page=on_page,
    )
    return Reading(where, fetched, content.decoded, content.article)
