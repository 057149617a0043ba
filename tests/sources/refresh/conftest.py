"""Helpers of the refresh tests: three "sites" (ports of 127.0.0.1), fast policies, seeds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import col, select

from claims.review.evidence import EvidenceRequest, link_snapshot
from claims.services.ingest import ingest_with_claims
from db.engine import Database
from db.models import Claim, FetchRecord, Snapshot, Source
from sources.fetching import FetchPolicy
from sources.ingest import IngestOptions
from sources.ingest import ingest as ingest_source
from sources.refresh import RefreshPolicy
from tests.support.httpserver import HTTPTestServer

ARTICLE = (
    "Rapport annuel des coopératives.\n\n"
    "Selon la secrétaire d'État, le pays compte 20.000 coopératives actives en 2024. "
    "Les exportations ont progressé de 12 % sur un an, a-t-elle ajouté.\n\n"
    "Le reste de la page parle du temps qu'il fait et des événements culturels de la région."
)

REPORT = (
    "Chiffres clés du secteur coopératif.\n\n"
    "Le registre national recense 20.000 coopératives actives au 31 décembre 2024. "
    "Leur chiffre d'affaires cumulé atteint 3 milliards de dirhams.\n\n"
    "Méthodologie : données administratives consolidées par l'office."
)

FAST = RefreshPolicy(
    host_delay=0.0,
    retry_base=0.01,
    backoff_base=60.0,
    concurrency=4,
    per_host=2,
    max_retry_wait=2.0,
    gone_after=2,
)


def fetch_policy(**overrides: float) -> FetchPolicy:
    values: dict[str, float] = {"connect_timeout": 2.0, "read_timeout": 2.0, "total_timeout": 5.0}
    values.update(overrides)
    return FetchPolicy(allow_private_networks=True, **values)  # type: ignore[arg-type]


@pytest.fixture
def sites() -> Iterator[list[HTTPTestServer]]:
    """Three servers on 127.0.0.1, each on its own port: three sites (origins),
    each with its own politeness gate, client and robots.txt."""
    servers = [HTTPTestServer().start() for _ in range(3)]
    yield servers
    for server in servers:
        server.stop()


def text_page(server: HTTPTestServer, path: str, text: str, **headers: str) -> None:
    server.route(path, text, content_type="text/plain; charset=utf-8", headers=headers or None)


def ingest(database: Database, url: str, *, claims: bool = True) -> tuple[Source, list[Claim]]:
    """Ingest ``url`` with its claims (the way `factdesk ingest` does), or only archive it."""
    if not claims:
        stored = ingest_source(database, url, policy=fetch_policy())
        return stored.source, []
    ingested = ingest_with_claims(
        database, url, options=IngestOptions(lang="fr"), policy=fetch_policy()
    )
    return ingested.stored.source, ingested.claims


def add_evidence(database: Database, claim_id: int, source_id: int, quote: str) -> int:
    with database.write() as session:
        snapshot = session.exec(
            select(Snapshot)
            .where(Snapshot.source_id == source_id)
            .order_by(col(Snapshot.id).desc())
        ).first()
        assert snapshot is not None
        request = EvidenceRequest(claim_id, "supports", "tester", quote=quote)
        added = link_snapshot(session, request, snapshot, where="test")
        assert added.evidence.id is not None
        return added.evidence.id


def source_row(database: Database, source_id: int) -> Source:
    with database.read() as session:
        source = session.get(Source, source_id)
        assert source is not None
        return source


def fetch_records(database: Database, source_id: int) -> list[FetchRecord]:
    with database.read() as session:
        return list(
            session.exec(
                select(FetchRecord)
                .where(FetchRecord.source_id == source_id)
                .order_by(col(FetchRecord.id))
            ).all()
        )


def snapshot_count(database: Database, source_id: int) -> int:
    with database.read() as session:
        return len(session.exec(select(Snapshot.id).where(Snapshot.source_id == source_id)).all())


def add_sources(database: Database, *urls: str) -> list[int]:
    """Sources for ``urls``, stored without a fetch; their ids."""
    with database.write() as session:
        sources = [Source(url=url) for url in urls]
        session.add_all(sources)
        session.flush()
        return [source.id for source in sources if source.id is not None]
