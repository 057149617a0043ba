"""Import fact-checks from a file or a URL into the local index.

A URL is fetched by the project's fetcher (address guard, redirects, time and
size caps) with JSON and JSON-LD accepted beside pages; a file is read under
the same size cap. Everything is parsed before anything is written, and the
reviews are stored in one transaction: a refused input changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import httpx
from sqlalchemy.exc import IntegrityError

from claims.factchecks.claimreview import read_claimreviews
from claims.factchecks.errors import FactCheckError
from claims.factchecks.store import add_factchecks
from claims.factchecks.terms import ensure_terms
from db.engine import Database
from sources.fetching import FetchPolicy, fetch
from sources.local import read_capped
from sources.urls import looks_like_url

JSON_TYPES: Final = frozenset(
    {"application/json", "application/ld+json", "text/json", "application/feed+json"}
)


@dataclass(frozen=True)
class Imported:
    """What one import did."""

    source: str
    found: int
    added: list[int]
    """Ids of the fact-checks added."""
    known: int


def _read(
    target: str, policy: FetchPolicy, client: httpx.Client | None
) -> tuple[bytes, str | None]:
    if looks_like_url(target):
        reading = dataclasses.replace(policy, also_read=policy.also_read | JSON_TYPES)
        result = fetch(target, policy=reading, client=client)
        return result.body, result.media_type
    path = Path(target)
    try:
        with path.open("rb") as stream:
            body = read_capped(stream, policy.max_body_bytes, name=target)
    except FileNotFoundError:
        raise FactCheckError(f"{target}: no such file; check the path") from None
    except IsADirectoryError:
        raise FactCheckError(f"{target}: is a directory; give a ClaimReview JSON-LD file") from None
    except OSError as exc:
        raise FactCheckError(
            f"{target}: cannot read the file ({exc.strerror}); check its permissions"
        ) from None
    media = "text/html" if path.suffix.lower() in (".html", ".htm") else None
    return body, media


def import_factchecks(
    database: Database,
    target: str,
    *,
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    progress: Callable[[str], None] | None = None,
) -> Imported:
    """Read the ClaimReviews of ``target`` (file or http(s) URL) and add the new ones.

    ``progress`` hears each of the three steps (read, parse, store) as it starts:
    a big feed takes seconds for each.
    """
    step = progress or (lambda _: None)
    step(f"reading {target}")
    body, media_type = _read(target, policy, client)
    step(f"parsing {len(body):,} bytes")
    records = read_claimreviews(body, name=target, media_type=media_type)
    step(f"storing {len(records):,} fact-checks")
    try:
        with database.write() as session:
            added = add_factchecks(session, records, source=target)
    except IntegrityError:
        # Another import stored some of the same reviews meanwhile: they are known now.
        with database.write() as session:
            added = add_factchecks(session, records, source=target)
    # Reviews imported before their terms were kept get them now (a re-import is the
    # natural moment); reviews added above already have theirs.
    ensure_terms(database)
    return Imported(target, len(records), added.ids, added.known)
