"""Which media types factdesk reads, Content-Type parsing, and sniffing unlabelled bodies.

A body sent without Content-Type is sniffed, after a narrow subset of the WHATWG
MIME sniffing rules: a PDF signature makes it application/pdf (read as a
document); other known binary signatures (images, archives) are named and
refused; a body that starts, after blanks, with an HTML tag is text/html; any other
body without binary control bytes in its first 1 KiB is text/plain; the rest is
refused as application/octet-stream. A declared type is trusted, never second-guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

READABLE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "application/pdf"}
)

_CHARSET = re.compile(r"""(?:^|;)\s*charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class ContentType:
    media_type: str
    charset: str | None


def parse_content_type(header: str | None) -> ContentType | None:
    """The media type (lowercase, no parameters) and charset of a Content-Type header.

    None when the header is missing or blank. A malformed type is returned as written
    (lowercased) so that the refusal can name it.
    """
    if header is None or not header.strip():
        return None
    essence, _, params = header.partition(";")
    media_type = essence.strip().lower()
    match = _CHARSET.search(";" + params)
    charset = match.group(1).strip().lower() if match else None
    return ContentType(media_type, charset)


FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}
)
"""What feeds and sitemaps are served as; read only where a policy's ``also_read`` says."""


def is_readable(media_type: str, also: frozenset[str] = frozenset()) -> bool:
    """Whether factdesk reads pages of this (lowercase, parameterless) media type."""
    return media_type in READABLE_TYPES or media_type in also


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"RIFF", "application/octet-stream"),  # WebP, WAV, AVI: all binary to us
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b\x08", "application/gzip"),
    (b"%!PS-Adobe-", "application/postscript"),
)

# Tags that make an unlabelled body HTML (WHATWG "text/html" sniffing patterns),
# each to be followed by a space or ">".
_HTML_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div",
    b"<font", b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p",
    b"<!--",
)
_TAG_ENDS = b" >\t\n\r\x0c"
# Bytes that never appear in text (WHATWG "binary data byte").
_BINARY = frozenset(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\x13"
                    b"\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f")
_BOMS = (b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe")


def sniff(body: bytes) -> str:
    """The media type of a body that came without Content-Type."""
    head = body[:1024]
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    for bom in _BOMS:
        if head.startswith(bom):
            # A byte order mark: text in some Unicode encoding.
            stripped = head[len(bom):]
            return "text/html" if _starts_like_html(stripped) else "text/plain"
    if _starts_like_html(head):
        return "text/html"
    if any(byte in _BINARY for byte in head):
        return "application/octet-stream"
    return "text/plain"


def _starts_like_html(head: bytes) -> bool:
    lowered = head.lstrip(b" \t\n\r\x0c").lower()
    for start in _HTML_STARTS:
        if lowered.startswith(start):
            after = lowered[len(start):len(start) + 1]
            if after and after in _TAG_ENDS:
                return True
    return False
