"""The lossless JSON report, written claim by claim.

Layout (schema: ``schema/factdesk-report-2.schema.json``)::

    {"$schema": ..., "format": "factdesk-report", "version": 2, ...header,
     "rating_scale": [...],
     "claims": [ one dossier per claim ... ],
     "snapshots": [ every snapshot the claims and their evidence quote ... ],
     "summary": {"claims": N, "snapshots": M, "evidence": K}}

The claims array is written as each page is read, then the snapshots; the
summary comes last because only then are the counts known.

Version 2 adds what a refresh learnt since: each snapshot's ``fetches`` (every
fetch that stored it or found it unchanged) and, on each claim and each
evidence item, ``anchors``: where its quote was found again in newer
snapshots. Version 1 files (``schema/factdesk-report-1.schema.json``) are
still read by the bundle verifier.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson
from sqlmodel import Session

from claims.reports.context import ReportJob
from claims.reports.json_claims import fetches_of, iter_claim_pages
from claims.reports.selection import ReportSelection, iter_snapshots, snapshot_json
from db.models import Snapshot

SCHEMA_ID = "https://factdesk.invalid/schema/factdesk-report-2.schema.json"
REPORT_FORMAT = "factdesk-report"
REPORT_VERSION = 2
READABLE_VERSIONS = (1, 2)
"""Report versions the bundle verifier reads."""

_SNAPSHOTS_PER_QUERY = 100


def write_json(job: ReportJob, stream: BinaryIO) -> None:
    # orjson: what Python still encodes (header, snapshots, verdicts) it encodes
    # several times faster than the json module, straight to UTF-8 bytes.
    head: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        **job.header(),
        **({"signer": job.options.signer.public.to_json()} if job.options.signer else {}),
        "rating_scale": [
            {"key": r.key, "label": r.label, "value": r.value} for r in job.options.scale
        ],
    }
    stream.write(orjson.dumps(head)[:-1])
    stream.write(b',\n"claims":[')
    evidence = 0
    separator = b"\n"
    for page in iter_claim_pages(job.session, job.selection, page_size=job.options.page_size):
        # One write per page: a write per claim costs as much as encoding it.
        stream.write(separator + page.text)
        evidence += page.evidence
        separator = b",\n"
        job.claims += page.claims
        if job.progress is not None:
            job.progress(job.claims)
    stream.write(b'\n],\n"snapshots":[')
    separator = b"\n"
    for snapshot in _snapshots(job.session, job.selection):
        stream.write(separator)
        stream.write(orjson.dumps(snapshot))
        job.snapshots += 1
        separator = b",\n"
    summary = {"claims": job.claims, "snapshots": job.snapshots, "evidence": evidence}
    stream.write(b'\n],\n"summary":' + orjson.dumps(summary) + b"}\n")


def _snapshots(session: Session, selection: ReportSelection) -> Iterator[dict[str, Any]]:
    """Each snapshot of the selection with its fetches, their records read 100 at a time."""
    batch: list[tuple[Snapshot, str]] = []
    for item in iter_snapshots(session, selection):
        batch.append(item)
        if len(batch) == _SNAPSHOTS_PER_QUERY:
            yield from _with_fetches(session, batch)
            batch = []
    yield from _with_fetches(session, batch)


def _with_fetches(session: Session, batch: list[tuple[Snapshot, str]]) -> Iterator[dict[str, Any]]:
    if not batch:
        return
    fetches = fetches_of(session, [snapshot.id for snapshot, _ in batch if snapshot.id is not None])
    for snapshot, url in batch:
        yield {**snapshot_json(snapshot, url), "fetches": fetches.get(snapshot.id or 0, [])}
