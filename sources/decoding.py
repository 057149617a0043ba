"""Fetched bytes to text: which charset, and where that choice came from.

The order is the one browsers follow (WHATWG "encoding sniffing"), with the
HTTP header and the byte-order mark swapped into the order the design names:

1. a byte-order mark, which cannot lie (a UTF-8 BOM under a header that says
   ISO-8859-1 is UTF-8: browsers let the BOM win, and so do we);
2. the ``charset`` parameter of the HTTP Content-Type header;
3. for HTML, ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` (or an
   XML declaration) in the first bytes of the page;
4. detection: strict UTF-8 first (cheap and right for most of the web), then
   charset-normalizer;
5. UTF-8.

A charset name Python does not know is ignored and the next step is tried.
Decoding never fails: bytes invalid in the chosen charset become U+FFFD and
``replaced_errors`` says so, because a snapshot must always yield some text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

import charset_normalizer

CharsetSource = Literal["header", "bom", "meta", "detected", "default"]

# How far into an HTML page a <meta charset> may sit (browsers scan 1024 bytes;
# real pages put long <head> preambles first, so look further).
META_SCAN_BYTES = 8192
# charset-normalizer is quadratic-ish on big inputs; a sample decides as well.
DETECTION_SAMPLE_BYTES = 65536

# Labels browsers decode differently from Python's codec of the same name:
# pages labelled latin-1/ascii are written in windows-1252 in practice.
_WHATWG_ALIASES = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:+-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:+-]+)""")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from a body, with the charset used and why it was chosen."""

    text: str
    charset: str
    charset_source: CharsetSource
    replaced_errors: bool


def normalize_charset(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when no codec knows it."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").lower()
    if not cleaned:
        return None
    try:
        name = codecs.lookup(cleaned).name
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    name = name.replace("-", "_")
    name = _WHATWG_ALIASES.get(name, name)
    # A page cannot declare UTF-16 in its own ASCII-compatible bytes and mean it.
    if name.startswith("utf_16") or name.startswith("utf_32"):
        return None
    return codecs.lookup(name).name


def decode_body(
    body: bytes, *, charset: str | None = None, media_type: str = "text/html"
) -> DecodedText:
    """Decode a fetched body; ``charset`` is the HTTP header's parameter, if any.

    ``media_type`` may carry parameters (``"text/html; charset=utf-8"``); its
    charset counts as the header's when ``charset`` is not given.
    """
    kind, _, params = media_type.partition(";")
    if charset is None and params:
        charset = _charset_param(params)

    for bom, name in _BOMS:
        if body.startswith(bom):
            return _decode(body[len(bom) :], name, "bom")

    declared = normalize_charset(charset)
    if declared is not None:
        return _decode(body, declared, "header")

    if kind.strip().lower() in _HTML_TYPES:
        meta = normalize_charset(sniff_meta_charset(body))
        if meta is not None:
            return _decode(body, meta, "meta")

    if not body:
        return DecodedText("", "utf-8", "default", False)
    try:
        return DecodedText(body.decode("utf-8"), "utf-8", "detected", False)
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(body[:DETECTION_SAMPLE_BYTES]).best()
    detected = normalize_charset(guess.encoding) if guess is not None else None
    if detected is not None:
        return _decode(body, detected, "detected")
    return _decode(body, "utf-8", "default")


def sniff_meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if it declares one."""
    head = body[:META_SCAN_BYTES]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    return found.group(1).decode("ascii", errors="replace")


def _charset_param(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _decode(body: bytes, charset: str, source: CharsetSource) -> DecodedText:
    try:
        return DecodedText(body.decode(charset), charset, source, False)
    except UnicodeDecodeError:
        return DecodedText(body.decode(charset, errors="replace"), charset, source, True)
