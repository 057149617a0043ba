"""A small, fixed data set for the SVG snapshots: nothing here depends on the extractor.

The demo corpus changes whenever extraction improves; snapshots must not. These
rows are written directly, with fixed times, ids and hashes.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlmodel import Session

from db.bodies import store_body
from db.engine import Database
from db.models import (
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    FetchRecord,
    ReviewEvent,
    Snapshot,
    Source,
    Watch,
    WatchEntry,
)

AT = datetime(2026, 3, 12, 10, 14, tzinfo=UTC)

ARTICLE = (
    "Cooperatives at the Lyon summit\n\n"
    "Morocco now counts 20,000 cooperatives, half of all the active cooperatives in the "
    "Arab world, the secretary of state said on Wednesday. Delegations from about fifty "
    "countries attend the two-day summit in Lyon.\n\n"
    "More than 40 per cent of the cooperatives are led by women, according to the national "
    "registry. The registry lists nearly 700,000 members, most of them in rural areas.\n\n"
    "The summit ends on Thursday with a joint road map."
)
REGISTRY = (
    "Key figures 2025\n\n"
    "At the end of 2025 the national registry counted 19,842 active cooperatives with "
    "697,000 members. Women lead 41 per cent of them."
)

# (sentence, kind, claimant, status, verdict, quantities: (surface, value, low, high, kind, unit))
Figure = tuple[str, float, float | None, float | None, str, str | None]
ClaimRow = tuple[str, str, str | None, str, str | None, list[Figure]]

CLAIMS: list[ClaimRow] = [
    (
        "Morocco now counts 20,000 cooperatives, half of all the active cooperatives in the "
        "Arab world, the secretary of state said on Wednesday.",
        "numeric",
        "Nadia Berrada",
        "checked",
        "mostly-true",
        [
            ("20,000 cooperatives", 20000.0, None, None, "count", "cooperatives"),
            ("half", 50.0, None, None, "percent", None),
        ],
    ),
    (
        "Delegations from about fifty countries attend the two-day summit in Lyon.",
        "numeric",
        None,
        "in_review",
        None,
        [("about fifty countries", 50.0, 45.0, 55.0, "count", "countries")],
    ),
    (
        "More than 40 per cent of the cooperatives are led by women, according to the national "
        "registry.",
        "numeric",
        "national registry",
        "new",
        None,
        [("More than 40 per cent", 40.0, 40.0, None, "percent", None)],
    ),
    (
        "The registry lists nearly 700,000 members, most of them in rural areas.",
        "numeric",
        None,
        "needs_recheck",
        None,
        [("nearly 700,000 members", 700000.0, 630000.0, 700000.0, "count", "members")],
    ),
    ("The summit ends on Thursday with a joint road map.", "factual", None, "dismissed", None, []),
]


def _snapshot(session: Session, url: str, title: str, text: str) -> tuple[Source, Snapshot]:
    source = Source(url=url, title=title, language="en", last_checked_at=AT, created_at=AT)
    session.add(source)
    session.flush()
    body = f"<html><title>{title}</title><body>{text}</body></html>".encode()
    digest = store_body(session, body)
    snapshot = Snapshot(
        source_id=source.id or 0,
        fetched_at=AT,
        final_url=url,
        http_status=200,
        media_type="text/html",
        charset="utf-8",
        body_sha256=digest,
        body_size=len(body),
        text=text,
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        title=title,
        language="en",
        extractor="fixed",
        created_at=AT,
    )
    session.add(snapshot)
    session.flush()
    return source, snapshot


def load_fixed(database: Database) -> None:
    with database.write() as session:
        article_source, article = _snapshot(
            session,
            "https://news.example/economy/cooperatives-lyon",
            "Cooperatives at the Lyon summit",
            ARTICLE,
        )
        registry_source, registry = _snapshot(
            session, "https://registry.example/key-figures-2025", "Key figures 2025", REGISTRY
        )
        for n, (sentence, kind, claimant, status, verdict, quantities) in enumerate(CLAIMS):
            start = ARTICLE.index(sentence)
            claim = Claim(
                snapshot_id=article.id or 0,
                source_id=article_source.id or 0,
                text=sentence,
                start=start,
                end=start + len(sentence),
                spans=[[start, start + len(sentence)]],
                exact=sentence,
                prefix=ARTICLE[max(0, start - 32) : start],
                suffix=ARTICLE[start + len(sentence) : start + len(sentence) + 32],
                kind=kind,
                claimant=claimant,
                language="en",
                checkworthiness=0.8,
                fingerprint=f"{n:064x}",
                extractor="fixed",
                created_at=AT,
            )
            session.add(claim)
            session.flush()
            claim_id = claim.id or 0
            for position, (surface, value, low, high, qkind, unit) in enumerate(quantities):
                at = ARTICLE.index(surface)
                session.add(
                    ClaimQuantity(
                        claim_id=claim_id,
                        position=position,
                        value=value,
                        low=low,
                        high=high,
                        kind=qkind,
                        unit=unit,
                        approximate=low is not None and high is not None,
                        hedge="about" if "about" in surface else None,
                        surface=surface,
                        start=at,
                        end=at + len(surface),
                    )
                )
            events: list[ReviewEvent] = []
            evidence_count = 0
            if n == 0:
                quote = "the national registry counted 19,842 active cooperatives"
                q_at = REGISTRY.index(quote)
                evidence = Evidence(
                    claim_id=claim_id,
                    snapshot_id=registry.id or 0,
                    source_id=registry_source.id or 0,
                    stance="supports",
                    exact=quote,
                    start=q_at,
                    end=q_at + len(quote),
                    anchor_method="exact",
                    crosscheck=[
                        {
                            "claimed": {
                                "surface": "20,000 cooperatives",
                                "value": 20000.0,
                                "low": None,
                                "high": None,
                                "unit": "cooperatives",
                            },
                            "evidence": {
                                "surface": "19,842 active cooperatives",
                                "value": 19842.0,
                                "low": None,
                                "high": None,
                                "unit": "cooperatives",
                            },
                            "result": "within",
                            "deviation": -0.0079,
                            "reason": "rounded",
                        }
                    ],
                    added_by="amina",
                    added_at=AT,
                )
                session.add(evidence)
                session.flush()
                evidence_count = 1
                events = [
                    ReviewEvent(
                        claim_id=claim_id,
                        version=1,
                        at=AT,
                        reviewer="amina",
                        action="evidence_added",
                        evidence_id=evidence.id,
                        after={"stance": "supports", "quote": quote, "source": registry_source.url},
                    ),
                    ReviewEvent(
                        claim_id=claim_id,
                        version=2,
                        at=AT,
                        reviewer="amina",
                        action="status",
                        before="new",
                        after="in_review",
                    ),
                    ReviewEvent(
                        claim_id=claim_id,
                        version=3,
                        at=AT,
                        reviewer="amina",
                        action="verdict",
                        text="The registry counts 19,842.",
                        after={"rating": "mostly-true", "label": "Mostly true", "value": 4},
                    ),
                    ReviewEvent(
                        claim_id=claim_id,
                        version=4,
                        at=AT,
                        reviewer="amina",
                        action="status",
                        before="in_review",
                        after="checked",
                    ),
                ]
            elif status != "new":
                events = [
                    ReviewEvent(
                        claim_id=claim_id,
                        version=1,
                        at=AT,
                        reviewer="amina",
                        action="status",
                        before="new",
                        after=status,
                    )
                ]
            for event in events:
                session.add(event)
            session.add(
                ClaimState(
                    claim_id=claim_id,
                    version=len(events),
                    status=status,
                    verdict=verdict,
                    assignee="amina" if n < 2 else None,
                    evidence_count=evidence_count,
                    updated_at=AT,
                )
            )


WATCHES = (
    # feed address, feed kind, every, paused, outcome, error, entry states
    (
        "https://news.example/rss/economy.xml",
        "rss",
        3600,
        False,
        "not_modified",
        None,
        ("ingested", "ingested", "failed", "pending"),
    ),
    (
        "https://agency.example/sitemap-index.xml",
        "sitemapindex",
        21600,
        True,
        "failed",
        "HTTP 503 from agency.example",
        ("ingested",),
    ),
)


def load_watches(database: Database) -> None:
    """Two watches beside the fixed sources: one running, one paused after a failure."""
    with database.write() as session:
        for n, (url, kind, every_s, paused, outcome, error, states) in enumerate(WATCHES):
            source, snapshot = _snapshot(session, url, f"Feed {n + 1}", "")
            source.kind = "feed"
            source.health = "paused" if paused else "ok"
            source.check_interval_s = every_s
            source.next_check_at = AT.replace(hour=11)
            session.add(source)
            session.add(
                FetchRecord(
                    source_id=source.id,
                    requested_url=url,
                    final_url=url,
                    via="http",
                    started_at=AT,
                    http_status=503 if error else 304,
                    outcome=outcome,
                    error=error,
                    snapshot_id=None if error else snapshot.id,
                )
            )
            watch = Watch(
                source_id=source.id or 0,
                lang="en",
                every_seconds=every_s,
                paused=paused,
                created_at=AT,
                feed_kind=kind,
            )
            session.add(watch)
            session.flush()
            for m, state in enumerate(states):
                session.add(
                    WatchEntry(
                        watch_id=watch.id or 0,
                        url=f"{url.rsplit('/', 1)[0]}/article-{m}",
                        first_seen_at=AT,
                        state=state,
                        ingested_at=AT if state == "ingested" else None,
                        last_reason="HTTP 500" if state == "failed" else None,
                    )
                )
