"""Local input: files and stdin, read as if they had been fetched.

A page from disk or a pipe is held to the cap a fetched page is held to
(``FetchPolicy.max_body_bytes``, the ``fetch.max_body_mib`` setting): reading
stops one byte past it, so a huge file costs no more memory than the cap.
What is not text is refused before it is decoded: a file that opens like an
image or an archive, or that is full of bytes no text holds, would otherwise
come out of charset detection as plausible-looking junk. A PDF (a .pdf file,
or stdin that opens with the PDF signature) is read as the document it is.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sources.errors import SourceError
from sources.fetching.media import is_readable, sniff
from sources.snapshots import Fetched
from sources.urls import file_url

PDF = "application/pdf"
FILE_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain",
    ".pdf": PDF,
}
MiB = 1024 * 1024

# WHATWG's "binary data bytes": control bytes that no text encoding uses
# (tab, line feed, form feed, carriage return and escape are text).
_BINARY = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
# UTF-16 and UTF-32 text is full of NUL bytes; a byte order mark says which it is.
_WIDE_BOMS = (b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff")
BLOCK = 1024
MAX_BINARY_PER_BLOCK = 16
"""Binary data bytes tolerated in any 1 KiB of text: a scrape may carry a stray
NUL or a terminal's BEL (the display strips them), random bytes hold ~100."""


class TargetError(SourceError):
    """A local target (file or stdin) that cannot be ingested."""


def read_file(path: Path, *, url: str | None, max_bytes: int) -> Fetched:
    """Read a local .html/.htm/.txt/.pdf file as if it had been fetched."""
    started = datetime.now(UTC)
    media_type = FILE_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise TargetError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
            "ingest .html, .htm, .txt or .pdf files, or an http(s) URL"
        )
    try:
        with path.open("rb") as stream:
            body = read_capped(stream, max_bytes, name=str(path))
    except FileNotFoundError:
        raise TargetError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise TargetError(
            f"{path}: cannot read the file ({exc.strerror}); check its permissions"
        ) from None
    return _local(
        body,
        name=str(path),
        requested=file_url(path),
        final=url,
        via="file",
        media_type=media_type,
        started=started,
    )


def read_stdin(
    stream: BinaryIO, *, url: str | None, max_bytes: int, media_type: str = "text/html"
) -> Fetched:
    started = datetime.now(UTC)
    body = read_capped(stream, max_bytes, name="stdin")
    return _local(
        body,
        name="stdin",
        requested="stdin:",
        final=url,
        via="stdin",
        media_type=_piped_type(body, media_type),
        started=started,
    )


_TAG = re.compile(rb"<[A-Za-z!/?]")


def _piped_type(body: bytes, default: str) -> str:
    """What a pipe carries: it has no file name to say so. A PDF says so itself;
    text with no tag anywhere (`cat notes.txt | factdesk ingest -`) is plain text,
    which the HTML reader would find no article in; anything else is ``default``."""
    sniffed = sniff(body)
    if sniffed == PDF:
        return PDF
    if sniffed == "text/plain" and _TAG.search(body) is None:
        return "text/plain"
    return default


def read_capped(stream: BinaryIO, max_bytes: int, *, name: str) -> bytes:
    """All of ``stream``, or :class:`TargetError` as soon as it holds more than ``max_bytes``."""
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise TargetError(
            f"{name}: larger than the {max_bytes / MiB:.3g} MiB cap on a page; ingest a "
            "smaller file, or raise the cap (setting fetch.max_body_mib)"
        )
    return body


def not_text(body: bytes) -> str | None:
    """Why ``body`` is not text, or None when it may be."""
    kind = sniff(body)
    # A PDF is readable, but not as text: a .txt holding one is mislabelled.
    if (not is_readable(kind) or kind == PDF) and kind != "application/octet-stream":
        return f"it is {kind}, not text"  # a PDF, an image, an archive…
    if body.startswith(_WIDE_BOMS):
        return None
    for start in range(0, len(body), BLOCK):
        block = body[start : start + BLOCK]
        binary = len(block) - len(block.translate(None, _BINARY))
        if binary > MAX_BINARY_PER_BLOCK:
            return (
                f"it holds binary data, not text ({binary} control bytes in the "
                f"{len(block):,} bytes from offset {start:,})"
            )
    return None


def _local(
    body: bytes,
    *,
    name: str,
    requested: str,
    final: str | None,
    via: str,
    media_type: str,
    started: datetime,
) -> Fetched:
    if not body.strip():
        raise TargetError(f"{requested}: the input is empty; give a page with text in it")
    if media_type == PDF:
        if sniff(body) != PDF:
            raise TargetError(f"{name}: not a PDF (it does not start with %PDF-); check the file")
        reason = None
    else:
        reason = not_text(body)
    if reason is not None:
        raise TargetError(f"{name}: {reason}; factdesk ingests web pages, text files and PDFs")
    return Fetched(
        requested_url=requested,
        final_url=final or requested,
        via=via,
        started_at=started,
        elapsed_ms=int((datetime.now(UTC) - started).total_seconds() * 1000),
        http_status=None,
        headers=(),
        redirects=(),
        body=body,
        media_type=media_type,
        charset=None,
    )
