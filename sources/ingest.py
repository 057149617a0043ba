"""Ingest: read a target (web address, local file or stdin), keep an immutable
snapshot of it with its provenance, and report what was stored.

One write transaction per target: either the source, body, snapshot and fetch
record are all stored, or (on failure) only the failed fetch record is.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import httpx
from sqlmodel import Session

from db.engine import Database
from sources.decoding import DecodedText, decode_body
from sources.errors import FetchError, SourceError
from sources.extraction import Article, extract_article
from sources.extraction.language import detect_language, language_name, normalize_language_tag
from sources.fetching import FetchPolicy, fetch
from sources.local import read_file, read_stdin
from sources.snapshots import Fetched, Stored, hop_records, record_failure, store_fetch
from sources.urls import canonical_url, file_url, is_web_url, looks_like_url, require_web_url


class NoArticleText(SourceError):
    """The page was read but holds no text to snapshot."""


class LanguageMismatch(SourceError):
    """The text reads as another language than the one the user named."""


@dataclass(frozen=True)
class IngestOptions:
    """What the user says about a target beyond its bytes."""

    lang: str | None = None
    url: str | None = None
    """Original web address of a local file or stdin."""
    title: str | None = None
    force_lang: bool = False
    """Keep ``lang`` even when the text reads as another language."""


def worker_name(command: str) -> str:
    """Who fetched, for provenance: the command, host and process."""
    return f"{command}@{socket.gethostname()}:{os.getpid()}"


def fetch_web(url: str, *, policy: FetchPolicy, client: httpx.Client | None = None) -> Fetched:
    return Fetched.from_result(fetch(url, policy=policy, client=client))


def page_article(
    fetched: Fetched, *, url: str | None, lang: str | None
) -> tuple[DecodedText, Article]:
    """Decode and extract the main text; refuse a page with none."""
    decoded = decode_body(fetched.body, charset=fetched.charset, media_type=fetched.media_type)
    article = extract_article(decoded.text, media_type=fetched.media_type, url=url, lang_hint=lang)
    if not article.text.strip():
        where = url or fetched.requested_url
        raise NoArticleText(
            f"{where}: no article text found in the page; check the address, "
            "or save the text as .txt and ingest the file"
        )
    return decoded, article


def check_language(text: str, options: IngestOptions, where: str) -> None:
    """Refuse a text that reads as another language than ``options.lang`` says.

    Claims read with the wrong language's word lists are junk (numbers read
    with the wrong decimal mark, no speaker found), so a mismatch stops the
    ingest unless ``force_lang`` is set. A text too short or too mixed for
    the detector to be sure passes.
    """
    if options.lang is None or options.force_lang:
        return
    said = normalize_language_tag(options.lang) or options.lang
    found = detect_language(text)
    if found is None or found == said:
        return
    raise LanguageMismatch(
        f"{where}: the text reads as {language_name(found)} ({found}), not {said} as "
        f"--lang says; ingest it with --lang {found}, or add --force-lang to keep {said}"
    )


def ingest(
    database: Database,
    target: str,
    *,
    options: IngestOptions = IngestOptions(),
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    worker: str | None = None,
    after_store: Callable[[Session, Stored], None] | None = None,
) -> Stored:
    """Ingest one target; raises a :class:`SourceError` after recording the failure.

    ``after_store`` runs inside the storing transaction, so what a higher
    layer derives from the snapshot (claims) is stored with it or not at all.
    """
    worker = worker or worker_name("ingest")
    started = datetime.now(UTC)
    clock = time.monotonic()
    if options.url is not None:
        require_web_url(options.url)  # a page's original address, never javascript: or file:
    if target == "-":
        requested, via = options.url or "stdin:", "stdin"
    elif looks_like_url(target):
        requested, via = target, "http"
    else:
        requested, via = options.url or file_url(Path(target)), "file"
    source_url = requested
    cap = policy.max_body_bytes
    try:
        if is_web_url(requested):
            source_url = canonical_url(requested)
        if via == "stdin":
            fetched = read_stdin(stdin or sys.stdin.buffer, url=options.url, max_bytes=cap)
        elif via == "http":
            fetched = fetch_web(target, policy=policy, client=client)
        else:
            fetched = read_file(Path(target), url=options.url, max_bytes=cap)
        decoded, article = page_article(
            fetched, url=options.url or fetched.final_url, lang=options.lang
        )
        check_language(article.text, options, "stdin" if via == "stdin" else target)
    except FetchError as exc:
        _record(database, source_url, via, exc, worker, exc.attempt.started_at)
        raise
    except SourceError as exc:
        _record(database, source_url, via, exc, worker, started, elapsed=time.monotonic() - clock)
        raise
    with database.write() as session:
        stored = store_fetch(
            session,
            source_url=source_url,
            fetched=fetched,
            decoded=decoded,
            article=article,
            title=options.title,
            language=options.lang,
            worker=worker,
        )
        if after_store is not None:
            after_store(session, stored)
        return stored


def _record(
    database: Database,
    url: str,
    via: str,
    exc: SourceError,
    worker: str,
    started: datetime,
    elapsed: float = 0.0,
) -> None:
    attempt = exc.attempt if isinstance(exc, FetchError) else None
    with database.write() as session:
        record_failure(
            session,
            url=url,
            via=via,
            started_at=started,
            elapsed_ms=attempt.elapsed_ms if attempt else int(elapsed * 1000),
            error=str(exc),
            final_url=attempt.final_url if attempt else None,
            http_status=attempt.status if attempt else None,
            redirects=hop_records(attempt.redirects) if attempt else (),
            worker=worker,
        )
