"""Loading the demo corpus: articles with their claims, source pages linked as evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import col, select

from claims.review.evidence import EvidenceRequest, link_snapshot
from claims.services.ingest import ingest_with_claims
from db.engine import Database
from db.models import Claim, Evidence, Source
from sources.demo import DemoPage, demo_pages
from sources.fetching import FetchPolicy
from sources.ingest import IngestOptions, ingest
from sources.snapshots import latest_snapshot, source_by_url

WORKER = "demo"
REVIEWER = "demo"


@dataclass
class DemoLoad:
    snapshots_stored: int = 0
    unchanged: int = 0
    claims: int = 0
    evidence: int = 0


def load_demo(
    database: Database,
    *,
    policy: FetchPolicy,
    progress: Callable[[DemoPage], None] | None = None,
) -> DemoLoad:
    """Ingest every demo page (no network) and link the evidence the manifest
    names; safe to run twice."""
    outcome = DemoLoad()
    pages = demo_pages()
    for page in pages:
        if progress is not None:
            progress(page)
        options = IngestOptions(lang=page.lang, url=page.url, title=page.title)
        if page.role == "article":
            result = ingest_with_claims(
                database, str(page.path), options=options, policy=policy, worker=WORKER
            )
            stored = result.stored
            outcome.claims += 0 if stored.unchanged else len(result.claims)
        else:
            stored = ingest(database, str(page.path), options=options, policy=policy, worker=WORKER)
        outcome.unchanged += stored.unchanged
        outcome.snapshots_stored += not stored.unchanged
    outcome.evidence = _link_evidence(database, pages)
    return outcome


def _link_evidence(database: Database, pages: list[DemoPage]) -> int:
    by_file = {page.path.name: page for page in pages}
    linked = 0
    for page in pages:
        for link in page.entry.get("bears_on", []):
            article = by_file.get(link["article"])
            if article is None:
                continue
            with database.read() as session:
                claim = session.exec(
                    select(Claim)
                    .join(Source, col(Source.id) == Claim.source_id)
                    .where(Source.url == article.url)
                    .where(col(Claim.text).contains(link["sentence_contains"]))
                ).first()
                if claim is None or claim.id is None:
                    continue
                known = session.exec(
                    select(Evidence.exact)
                    .join(Source, col(Source.id) == Evidence.source_id)
                    .where(Evidence.claim_id == claim.id, Source.url == page.url)
                ).all()
            if any(" ".join(link["quote"].split()) == " ".join(q.split()) for q in known):
                continue
            request = EvidenceRequest(
                claim_id=claim.id,
                stance=link["stance"],
                reviewer=REVIEWER,
                quote=link["quote"],
                note=link.get("note"),
            )
            # The page was just archived: link its latest snapshot, no second read.
            with database.write() as session:
                source = source_by_url(session, page.url)
                assert source is not None
                assert source.id is not None
                snapshot = latest_snapshot(session, source.id)
                assert snapshot is not None
                link_snapshot(session, request, snapshot, where=page.url)
            linked += 1
    return linked
