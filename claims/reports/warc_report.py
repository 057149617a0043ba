"""The WARC export: the snapshots behind the selected claims, then one metadata
record per claim.

Snapshots come first, each once, whatever number of claims and evidence
items quote it (request + response, or a resource record; see
:mod:`sources.warc`), each followed by a metadata record describing it
(media type, charset, text hash, extractor). Then each claim gets a
metadata record, ``WARC-Refers-To`` the record of its article, holding the
claim as the JSON report has it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, BinaryIO

from claims.reports.context import FACTDESK_VERSION, ReportJob
from claims.reports.selection import iter_snapshots, snapshot_json
from claims.review.queries import snapshot_body
from sources.warc import (
    ArchivedSnapshot,
    open_writer,
    record_id,
    warc_date,
    write_metadata,
    write_snapshot,
    write_warcinfo,
)


def claim_refers_to(claim: dict[str, Any]) -> ArchivedSnapshot:
    """The capture of the claim's article, as :func:`write_snapshot` named it."""
    return ArchivedSnapshot(
        record_id("snapshot", claim["snapshot_id"], claim["snapshot_sha256"], "body"),
        claim["article"]["final_url"] or claim["source_url"],
        warc_date(datetime.fromisoformat(claim["fetched_at"])),
    )


def write_warc(job: ReportJob, stream: BinaryIO, *, filename: str = "sources.warc.gz") -> None:
    writer = open_writer(stream)
    write_warcinfo(
        writer,
        filename,
        {
            "software": f"factdesk {FACTDESK_VERSION}",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "description": f"Sources of a fact-check report by {job.options.organisation}",
            "isPartOf": job.generated_at.isoformat(),
        },
    )
    for snapshot, source_url in iter_snapshots(job.session, job.selection):
        body = snapshot_body(job.session, snapshot.body_sha256)
        archived = write_snapshot(writer, snapshot, body)
        write_metadata(
            writer,
            name=f"snapshot/{snapshot.id}",
            refers_to=archived,
            data={"factdesk": "snapshot", **snapshot_json(snapshot, source_url)},
            record=record_id("snapshot", snapshot.id, snapshot.body_sha256, "metadata"),
            date=snapshot.created_at,
        )
        job.snapshots += 1
    for page in job.pages():
        for claim in page:
            write_metadata(
                writer,
                name=f"claim/{claim['id']}",
                refers_to=claim_refers_to(claim),
                data={"factdesk": "claim", **claim},
                record=record_id("claim", claim["id"], job.generated_at.isoformat()),
                date=job.generated_at,
            )
