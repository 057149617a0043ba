"""Ingest with claims: snapshot a target and store the claims found in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

import httpx
from sqlmodel import Session

from claims.factchecks import record_matches
from claims.review.store import extract_snapshot_claims
from db.engine import Database
from db.models import Claim
from sources.fetching import FetchPolicy
from sources.ingest import IngestOptions, ingest
from sources.reading import PageProgress
from sources.snapshots import Stored


@dataclass
class Ingested:
    stored: Stored
    claims: list[Claim] = field(default_factory=list)


def ingest_with_claims(
    database: Database,
    target: str,
    *,
    options: IngestOptions,
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    worker: str | None = None,
    on_page: PageProgress | None = None,
) -> Ingested:
    """Ingest ``target``; its snapshot and claims are stored in one transaction.

    ``on_page`` hears of each page of a PDF read (pages, then pages in all).
    """
    found: list[Claim] = []

    def extract(session: Session, stored: Stored) -> None:
        found.extend(extract_snapshot_claims(session, stored.snapshot))
        record_matches(session, found)  # earlier fact-checks these claims match

    stored = ingest(
        database,
        target,
        options=options,
        policy=policy,
        client=client,
        stdin=stdin,
        worker=worker,
        after_store=extract,
        on_page=on_page,
    )
    return Ingested(stored, found)
