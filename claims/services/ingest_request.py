"""Ingest as the app asks for it: a URL, a file path or pasted text, and a language.

A wrapper over ``claims.services.ingest.ingest_with_claims`` (which the
command line uses too): it says which kind of target the reviewer gave,
checks the language, reports coarse progress and returns a summary a screen
can show without holding database rows.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims.errors import ClaimError

if TYPE_CHECKING:
    from db.engine import Database
    from sources.fetching import FetchPolicy

INGEST_STEPS = 2


class BadIngestRequest(ClaimError):
    """What the reviewer typed cannot be ingested as it stands."""


@dataclass(frozen=True)
class IngestRequest:
    """One target: ``target`` is a URL or a file path; ``text`` is pasted text instead."""

    target: str = ""
    text: str = ""
    lang: str = ""
    """fr, en, or empty for "read it from the page"."""
    url: str = ""
    """Original web address of a file or of pasted text (optional)."""

    def describe(self) -> str:
        return self.target.strip() or "pasted text"


@dataclass(frozen=True)
class IngestSummary:
    """What was stored, in words a notice can use."""

    source_id: int
    snapshot_id: int
    source_url: str
    unchanged: bool
    claim_ids: tuple[int, ...]


def ingest_request(
    database: Database,
    request: IngestRequest,
    *,
    policy: FetchPolicy,
    step: Callable[[str, int], object] = lambda _label, _done: None,
) -> IngestSummary:
    """Ingest the request's target (or text) with its claims, in one transaction."""
    # Here, not at the top: the queue imports this module, and must open
    # without the fetcher and the extractor (tests/tui/test_startup.py).
    from claims.services.ingest import ingest_with_claims
    from sources.ingest import IngestOptions, worker_name

    target, text = request.target.strip(), request.text
    if bool(target) == bool(text.strip()):
        raise BadIngestRequest("give a URL or a file path, or paste a text (one of them, not both)")
    lang = _language(request.lang)
    options = IngestOptions(lang=lang, url=request.url.strip() or None)
    stdin = io.BytesIO(pasted_page(text)) if text.strip() else None
    step(f"reading {request.describe()}", 0)
    ingested = ingest_with_claims(
        database,
        "-" if stdin is not None else target,
        options=options,
        policy=policy,
        stdin=stdin,
        worker=worker_name("tui"),
    )
    step("stored", INGEST_STEPS)
    stored = ingested.stored
    assert stored.source.id is not None
    assert stored.snapshot.id is not None
    return IngestSummary(
        source_id=stored.source.id,
        snapshot_id=stored.snapshot.id,
        source_url=stored.source.url,
        unchanged=stored.unchanged,
        claim_ids=tuple(c.id for c in ingested.claims if c.id is not None),
    )


def pasted_page(text: str) -> bytes:
    """Pasted text as the page that is stored: one paragraph per blank-line-separated block.

    The stdin reader takes HTML; the text is escaped, so nothing pasted is ever
    read as markup, and the snapshot shows exactly the words the reviewer gave.
    """
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = "".join(f"<p>{html.escape(block)}</p>\n" for block in blocks if block)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>pasted text</title></head>'
        f"<body><article>\n{paragraphs}</article></body></html>\n"
    ).encode()


def _language(typed: str) -> str | None:
    from sources.extraction.language import normalize_language_tag

    if not typed.strip():
        return None
    code = normalize_language_tag(typed.strip())
    if code is None:
        raise BadIngestRequest(
            f"{typed.strip()!r} is not a language tag; type fr, en, or leave it empty"
        )
    return code
