"""The lossless JSON report, written claim by claim.

Layout (schema: ``schema/factdesk-report-1.schema.json``)::

    {"$schema": ..., "format": "factdesk-report", "version": 1, ...header,
     "rating_scale": [...],
     "claims": [ one dossier per claim ... ],
     "snapshots": [ every snapshot the claims and their evidence quote ... ],
     "summary": {"claims": N, "snapshots": M, "evidence": K}}

The claims array is written as each page is read, then the snapshots; the
summary comes last because only then are the counts known.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import orjson

from claims.reports.context import ReportJob
from claims.reports.selection import iter_snapshots, snapshot_json

SCHEMA_ID = "https://factdesk.invalid/schema/factdesk-report-1.schema.json"
REPORT_FORMAT = "factdesk-report"
REPORT_VERSION = 1


def write_json(job: ReportJob, stream: BinaryIO) -> None:
    # orjson: the report is mostly JSON encoding, and orjson does it several
    # times faster than the json module, straight to UTF-8 bytes.
    head: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        **job.header(),
        "rating_scale": [
            {"key": r.key, "label": r.label, "value": r.value} for r in job.options.scale
        ],
    }
    stream.write(orjson.dumps(head)[:-1])
    stream.write(b',\n"claims":[')
    evidence = 0
    separator = b"\n"
    dumps = orjson.dumps
    for page in job.pages():
        # One write per page: a write per claim costs as much as encoding it.
        stream.write(separator + b",\n".join([dumps(claim) for claim in page]))
        evidence += sum(len(claim["evidence"]) for claim in page)
        separator = b",\n"
    stream.write(b'\n],\n"snapshots":[')
    separator = b"\n"
    for snapshot, url in iter_snapshots(job.session, job.selection):
        stream.write(separator)
        stream.write(orjson.dumps(snapshot_json(snapshot, url)))
        job.snapshots += 1
        separator = b",\n"
    summary = {"claims": job.claims, "snapshots": job.snapshots, "evidence": evidence}
    stream.write(b'\n],\n"summary":' + orjson.dumps(summary) + b"}\n")
