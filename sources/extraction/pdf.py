"""PDF bytes to paged text: pypdf's layout-preserving extraction, within caps.

pypdf (BSD-3-Clause, pure Python, no native code to build) was chosen over
pdfminer.six (MIT) for its layout mode: it keeps a table row's label and
figures on one line ("Coopératives actives   25.100   27.262"), where
pdfminer's default layout analysis files each column as its own text box,
so the figures end up far from their label and the cross-check cannot pair
them. pypdf also takes its decompression limits per call (``apply_configuration``),
which is how a compression bomb is held to the body cap here.

Pages are joined by :data:`sources.pages.PAGE_SEPARATOR`, so an
offset into the text tells its page. A table row (a label, then columns of
figures) becomes one "label figure figure" line of its own, its column gaps
closed up; prose lines are kept as laid out, so wrapped sentences are joined
again by the sentence splitter.

Refused, each with a one-line reason (:class:`PdfRefused`): a PDF that needs
a password, one whose pages hold no text (scanned images), one pypdf cannot
parse, and one whose streams inflate past the body cap.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from sources.errors import SourceError
from sources.extraction.article import Article
from sources.extraction.language import detect_language, first_declared
from sources.pages import PAGE_BREAK, PAGE_SEPARATOR

MiB = 1024 * 1024
PageProgress = Callable[[int, int], object]
"""Called after each page with (pages read, pages in all): layout extraction
takes tens of milliseconds a page, so a long report is long work."""

MAX_PAGES = 5000
"""Pages read of one PDF: official reports run to hundreds, never to thousands."""

# A table row as layout mode prints it: a label, a gap of two or more spaces,
# then only figures (digits, separators, signs, percent) and gaps.
_TABLE_ROW = re.compile(r"^(?P<label>\S.*?)\s{2,}(?P<figures>[-+−–(]?\d[\d\s.,%()−–+-]*)$")
_GAP = re.compile(r"[ \t\u00a0]{2,}")
_BLANK_RUN = re.compile(r"\n{3,}")
# Lone surrogates and NUL cannot be stored; everything else is kept as text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Form feeds inside a page would be read as page breaks.
_STRAY_BREAKS = re.compile("[\f\v]")


class PdfRefused(SourceError):
    """A PDF that factdesk cannot take text from; the message says why and what to do."""


class EncryptedPdf(PdfRefused):
    """The PDF needs a password to open."""


class NoTextLayer(PdfRefused):
    """The PDF's pages hold no text (scanned images)."""


class MalformedPdf(PdfRefused):
    """pypdf cannot parse the file."""


class PdfBomb(PdfRefused):
    """A stream of the PDF inflates past the body cap."""


@dataclass(frozen=True)
class PdfText:
    article: Article
    pages: int


def extractor_name() -> str:
    """What produced a PDF's text, with its version, for provenance."""
    return f"pypdf/{metadata.version('pypdf')} layout"


def extract_pdf(
    body: bytes,
    *,
    name: str,
    max_bytes: int,
    lang_hint: str | None = None,
    on_page: PageProgress | None = None,
) -> PdfText:
    """The text of a PDF's pages, page breaks kept; :class:`PdfRefused` when it has none.

    ``name`` says which input a message is about; ``max_bytes`` caps what any
    one stream may inflate to (the fetch's body cap).
    """
    # Imported here: pypdf costs import time that commands reading no PDF should not pay.
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    _quiet_pypdf()

    # Every decoder's output, and every stream's declared length, held to the body cap.
    limits = pypdf.get_configuration().with_overwrites(
        zlib_maximum_output_length=max_bytes,
        lzw_maximum_output_length=max_bytes,
        run_length_maximum_output_length=max_bytes,
        brotli_maximum_output_length=max_bytes,
        jbig2_maximum_output_length=max_bytes,
        array_based_stream_maximum_output_length=max_bytes,
        maximum_declared_stream_length=max_bytes,
        image_maximum_buffer_size=max_bytes,
    )
    try:
        with pypdf.apply_configuration(limits):
            reader = pypdf.PdfReader(io.BytesIO(body))
            if reader.is_encrypted and not _opens_without_password(reader):
                raise EncryptedPdf(
                    f"{name}: the PDF is encrypted and needs a password; save an "
                    "unprotected copy (print to PDF) and ingest that"
                )
            pages = reader.pages
            if len(pages) > MAX_PAGES:
                raise MalformedPdf(
                    f"{name}: the PDF has {len(pages):,} pages, over the {MAX_PAGES:,} "
                    "factdesk reads; split it and ingest the part you need"
                )
            texts = _page_texts(pages, name=name, max_chars=max_bytes, on_page=on_page)
            title = _title(reader)
    except PdfRefused:
        raise
    except LimitReachedError as exc:
        raise PdfBomb(
            f"{name}: a stream of the PDF inflates past the {max_bytes / MiB:.3g} MiB cap "
            "on a body (a compression bomb?); factdesk stopped reading it"
        ) from exc
    except FileNotDecryptedError:
        raise EncryptedPdf(
            f"{name}: the PDF is encrypted and needs a password; save an unprotected "
            "copy and ingest that"
        ) from None
    # A hostile file can break a parser in more ways than its own error class
    # covers; every one of them means the same thing to the user.
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            AssertionError, RecursionError, OverflowError, ZeroDivisionError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise MalformedPdf(
            f"{name}: not a readable PDF ({reason}); check that the file is complete, "
            "or save it again from a PDF viewer"
        ) from None
    if not any(text.strip() for text in texts):
        raise NoTextLayer(
            f"{name}: the PDF has no text layer (scanned pages?); run OCR on it "
            "(e.g. ocrmypdf) and ingest the result"
        )
    text = PAGE_SEPARATOR.join(texts)
    article = Article(
        text=text,
        title=title,
        language=first_declared([lang_hint]) or detect_language(text.replace(PAGE_BREAK, "")),
        extractor=extractor_name(),
    )
    return PdfText(article=article, pages=len(texts))


def _quiet_pypdf() -> None:
    """pypdf logs every repair it makes to a damaged file ("EOF marker not
    found"); with no handler configured, Python would print each one on
    stderr beside factdesk's one-line error. A NullHandler on its logger
    keeps them for an application that configures logging, and off the
    terminal otherwise."""
    logger = logging.getLogger("pypdf")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _opens_without_password(reader: object) -> bool:
    """Many official PDFs are encrypted with an empty user password (only
    printing or copying is restricted): those open, and are read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    assert isinstance(reader, PdfReader)
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, NotImplementedError, ValueError):
        return False


def _page_texts(
    pages: Sequence[Any], *, name: str, max_chars: int, on_page: PageProgress | None
) -> list[str]:
    out: list[str] = []
    total = 0
    for page in pages:
        raw = page.extract_text(extraction_mode="layout")
        text = tidy_page(raw)
        total += len(text)
        if total > max_chars:
            raise PdfBomb(
                f"{name}: the PDF's text runs past the {max_chars / MiB:.3g} MiB cap on a "
                "body; split it and ingest the part you need"
            )
        out.append(text)
        if on_page is not None:
            on_page(len(out), len(pages))
    return out


def tidy_page(raw: str) -> str:
    """One page's layout text as lines factdesk reads: table rows as "label figures"."""
    raw = _STRAY_BREAKS.sub("\n", _UNSTORABLE.sub("\ufffd", raw))
    lines: list[str] = []
    for line in raw.splitlines():
        stripped = line.strip()
        row = _TABLE_ROW.match(stripped)
        if row is not None:
            figures = _GAP.sub(" ", row.group("figures").strip())
            label = _GAP.sub(" ", row.group("label"))
            # A blank line either side: a row is its own block, never glued to prose.
            lines.extend(["", f"{label} {figures}", ""])
        else:
            lines.append(_GAP.sub(" ", stripped))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def _title(reader: object) -> str | None:
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    info = reader.metadata
    title = info.title if info is not None else None
    return str(title).strip() or None if title else None
