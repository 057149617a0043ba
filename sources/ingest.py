"""Ingest: read a target (web address, local file or stdin), keep an immutable
snapshot of it with its provenance, and report what was stored.

One write transaction per target: either the source, body, snapshot and fetch
record are all stored, or (on failure) only the failed fetch record is.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

import httpx
from sqlmodel import Session

from db.engine import Database
from sources.decoding import DecodedText
from sources.errors import FetchError, SourceError
from sources.extraction import Article
from sources.extraction.language import detect_language, language_name, normalize_language_tag
from sources.fetching import FetchPolicy, fetch
from sources.reading import (
    NoArticleText,
    PageProgress,
    Reading,
    read,
    read_content,
    resolve_target,
)
from sources.snapshots import Fetched, Stored, hop_records, record_failure, store_fetch

__all__ = [
    "IngestOptions",
    "LanguageMismatch",
    "NoArticleText",
    "check_language",
    "fetch_web",
    "ingest",
    "page_article",
    "worker_name",
]


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
    fetched: Fetched, *, url: str | None, lang: str | None, max_bytes: int | None = None
) -> tuple[DecodedText, Article]:
    """Decode and extract the main text (HTML, text or PDF); refuse a page with none.

    What refresh calls on the body its conditional fetch returned: the same
    ``sources.reading.read_content`` that ingest reads through.
    """
    cap = max_bytes if max_bytes is not None else FetchPolicy().max_body_bytes
    content = read_content(fetched, url=url, lang=lang, max_bytes=cap)
    return content.decoded, content.article


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
    on_page: PageProgress | None = None,
) -> Stored:
    """Ingest one target; raises a :class:`SourceError` after recording the failure.

    ``after_store`` runs inside the storing transaction, so what a higher
    layer derives from the snapshot (claims) is stored with it or not at all.
    """
    worker = worker or worker_name("ingest")
    started = datetime.now(UTC)
    clock = time.monotonic()
    where = resolve_target(target, url=options.url)
    source_url = where.requested
    try:
        source_url = where.source_url()
        reading = read(
            where, policy=policy, lang=options.lang, client=client, stdin=stdin, on_page=on_page
        )
        check_language(reading.text, options, where.name)
    except FetchError as exc:
        _record(database, source_url, where.via, exc, worker, exc.attempt.started_at)
        raise
    except SourceError as exc:
        _record(
            database, source_url, where.via, exc, worker, started, elapsed=time.monotonic() - clock
        )
        raise
    with database.write() as session:
        stored = store_reading(session, source_url, reading, options, worker)
        if after_store is not None:
            after_store(session, stored)
        return stored


def store_reading(
    session: Session, source_url: str, reading: Reading, options: IngestOptions, worker: str
) -> Stored:
    """Store what was read, and record the source's kind (the latest reading's)."""
    stored = store_fetch(
        session,
        source_url=source_url,
        fetched=reading.fetched,
        decoded=reading.decoded,
        article=reading.article,
        title=options.title,
        language=options.lang,
        worker=worker,
    )
    if stored.source.kind != reading.kind:
        stored.source.kind = reading.kind.value
        session.add(stored.source)
        session.flush()
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
