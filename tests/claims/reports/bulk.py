"""Many reviewed claims at once, inserted in bulk, for tests that need a big desk.

One article snapshot per 50 claims, each claim quoting a sentence of it, each
with a figure, one evidence quote from a few shared registry pages and a
verdict: the shape of a desk that has been working for a while. Rows go in
with executemany, so 2,000 claims take well under a second.
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from db.engine import Database
from db.models import (
    Body,
    Claim,
    ClaimQuantity,
    ClaimState,
    Evidence,
    ReviewEvent,
    Snapshot,
    Source,
)

CLAIMS_PER_ARTICLE = 50
REGISTRY_PAGES = 5
SENTENCE = "Le Maroc compte {n} coopératives, soit {p} pc des coopératives actives."


def _page(sid: int, count: int, start: datetime) -> tuple[dict[str, Any], ...]:
    sentences = [SENTENCE.format(n=f"{sid}.{k:03d}", p=k) for k in range(count)]
    html = ("<html><body><article>" + "".join(f"<p>{s}</p>" for s in sentences)).encode()
    html += b"</article></body></html>"
    text = "\n\n".join(sentences)
    digest = hashlib.sha256(html).hexdigest()
    fetched = start + timedelta(minutes=sid)
    url = f"https://news.example/{sid}"
    body = {"sha256": digest, "size": len(html), "codec": "zlib", "data": zlib.compress(html),
            "created_at": fetched}  # fmt: skip
    source = {"id": sid, "url": url, "created_at": fetched}
    snapshot = {
        "id": sid, "source_id": sid, "fetched_at": fetched, "final_url": url,
        "http_status": 200, "headers": [["Content-Type", "text/html; charset=utf-8"]],
        "media_type": "text/html", "charset": "utf-8", "charset_source": "header",
        "replaced_bytes": False, "body_sha256": digest, "body_size": len(html),
        "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "title": f"Article {sid}", "language": "fr", "jsonld": [], "extractor": "bulk",
        "created_at": fetched,
    }  # fmt: skip
    return body, source, snapshot


def fill(database: Database, n: int) -> None:
    """Insert ``n`` reviewed claims (ids 1..n) into an empty, migrated ``database``."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    articles = (n + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    bodies, sources, snapshots = [], [], []
    texts: dict[int, str] = {}
    for sid in range(1, articles + REGISTRY_PAGES + 1):
        body, source, snapshot = _page(sid, CLAIMS_PER_ARTICLE, start)
        bodies.append(body)
        sources.append(source)
        snapshots.append(snapshot)
        texts[sid] = snapshot["text"]
    claims, quantities, evidence, events, states = [], [], [], [], []
    for cid in range(1, n + 1):
        sid = (cid - 1) // CLAIMS_PER_ARTICLE + 1
        k = (cid - 1) % CLAIMS_PER_ARTICLE
        sentence = texts[sid].split("\n\n")[k]
        s0 = texts[sid].index(sentence)
        at = start + timedelta(days=1, seconds=cid)
        claims.append({
            "id": cid, "snapshot_id": sid, "source_id": sid, "text": sentence, "start": s0,
            "end": s0 + len(sentence), "spans": [[s0, s0 + len(sentence)]], "exact": sentence,
            "prefix": "", "suffix": "", "kind": "numeric", "claimant": None, "subject": None,
            "language": "fr", "checkworthiness": 0.8, "fingerprint": f"{cid:064x}",
            "extractor": "bulk", "derived_from": [], "created_at": at,
        })  # fmt: skip
        quantities.append({
            "claim_id": cid, "position": 0, "value": 20000.0, "kind": "count",
            "unit": "coopératives", "approximate": False, "surface": "20.000 coopératives",
            "start": s0 + 16, "end": s0 + 34,
        })  # fmt: skip
        esid = articles + 1 + cid % REGISTRY_PAGES
        quote = texts[esid].split("\n\n")[cid % CLAIMS_PER_ARTICLE]
        e0 = texts[esid].index(quote)
        evidence.append({
            "id": cid, "claim_id": cid, "snapshot_id": esid, "source_id": esid,
            "stance": "supports", "exact": quote, "prefix": "", "suffix": "", "start": e0,
            "end": e0 + len(quote), "anchor_method": "exact", "anchor_score": 1.0,
            "proposed": False, "note": None, "added_by": "amina", "added_at": at,
            "crosscheck": [],
        })  # fmt: skip
        events.append({
            "claim_id": cid, "version": 1, "at": at, "reviewer": "amina", "action": "verdict",
            "target": None, "before": None, "evidence_id": None, "text": "Registry",
            "after": {"rating": "mostly-true", "label": "Mostly true", "value": 4},
        })  # fmt: skip
        states.append({"claim_id": cid, "version": 1, "status": "checked",
                       "verdict": "mostly-true", "evidence_count": 1,
                       "updated_at": at})  # fmt: skip
    with database.write() as session:
        for model, rows in (
            (Body, bodies), (Source, sources), (Snapshot, snapshots), (Claim, claims),
            (ClaimQuantity, quantities), (Evidence, evidence), (ReviewEvent, events),
            (ClaimState, states),
        ):  # fmt: skip
            session.execute(insert(model), rows)
