"""One entry point for every report format: select, stream, write atomically."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session

from claims.reports.bundle import write_bundle
from claims.reports.claimreview import write_claimreview
from claims.reports.context import Progress, ReportJob, ReportOptions
from claims.reports.csv_report import write_csv
from claims.reports.errors import EmptySelection, PublisherMissing, ReportError
from claims.reports.html import write_html
from claims.reports.json_report import write_json
from claims.reports.markdown import write_markdown
from claims.reports.output import atomic_file, check_writable
from claims.reports.prov_report import write_prov
from claims.reports.publisher import HOW_TO_SET
from claims.reports.selection import ReportSelection, count_claims
from claims.reports.warc_report import write_warc
from db.engine import Database


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"
    json = "json"
    claimreview = "claimreview"
    prov = "prov"
    warc = "warc"
    bundle = "bundle"

    @property
    def binary(self) -> bool:
        """Formats that make no sense on a terminal and need a file."""
        return self in (ReportFormat.warc, ReportFormat.bundle)


Writer = Callable[[ReportJob, BinaryIO], None]
WRITERS: dict[ReportFormat, Writer] = {
    ReportFormat.md: write_markdown,
    ReportFormat.html: write_html,
    ReportFormat.csv: write_csv,
    ReportFormat.json: write_json,
    ReportFormat.claimreview: write_claimreview,
    ReportFormat.prov: write_prov,
    ReportFormat.warc: write_warc,
    ReportFormat.bundle: write_bundle,
}


@dataclass(frozen=True)
class ReportSummary:
    format: ReportFormat
    path: Path | None
    claims: int
    snapshots: int
    skipped: int
    """Claims the format could not hold (ClaimReview without a verdict)."""
    left_out: dict[str, list[int]] = field(default_factory=dict)
    """Why claims are not in the ClaimReview (output or HTML markup): reason -> ids."""


_YOUNG_THRESHOLD = 50_000
"""Net new container objects between two collections of the youngest generation
during an export (Python's default: 700)."""


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the objects that existed before the export,
    and off the rows of each page.

    An export allocates millions of short-lived dicts; each of the collections
    they trigger would otherwise walk every long-lived object of the process
    (modules, ORM metadata) again: a third of an export's time. ``gc.freeze``
    sets those aside until the export ends; nothing is leaked.

    At the default threshold (700) a page's rows and dicts, alive while the page
    is written, were still collected over and over, and promoted to be walked
    again: 0.7 of 10 CPU seconds of the 100,000-claim CSV (timed with
    ``gc.callbacks``, bench/README.md). A page frees them by reference counting,
    so the count of net new objects stays under :data:`_YOUNG_THRESHOLD` and
    collections become rare; reference cycles, if any, are still collected,
    once that many objects have piled up.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], _YOUNG_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def export_report(
    database: Database,
    fmt: ReportFormat,
    selection: ReportSelection,
    *,
    output: Path | None = None,
    stream: BinaryIO | None = None,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ReportSummary:
    """Write the report of ``selection`` to ``output`` (atomically) or to ``stream``.

    Raises :class:`EmptySelection` (nothing written) when no claim matches, and
    :class:`PublisherMissing` for ClaimReview without ``options.publisher``.
    """
    options = options or ReportOptions()
    if fmt is ReportFormat.claimreview and options.publisher is None:
        raise PublisherMissing(f"ClaimReview needs the publisher: {HOW_TO_SET}")
    if output is None and stream is None:
        raise ReportError(f"a {fmt.value} report needs a file; give one with -o PATH")
    if output is not None:
        check_writable(output)
    with _frozen_heap(), database.read() as session:
        if not database.is_sqlite:
            # One consistent view of the data for the whole export.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        return _export(session, fmt, selection, output, stream, options, progress, on_total)


def _export(
    session: Session,
    fmt: ReportFormat,
    selection: ReportSelection,
    output: Path | None,
    stream: BinaryIO | None,
    options: ReportOptions,
    progress: Progress | None,
    on_total: Callable[[int], None] | None,
) -> ReportSummary:
    total = count_claims(session, selection)
    if total == 0:
        raise EmptySelection(
            "no claim matches the filters; nothing was written; "
            "widen the filters (list claims with `factdesk claims`)"
        )
    if on_total is not None:
        on_total(total)
    job = ReportJob(session, selection, options, total, progress)
    writer = WRITERS[fmt]
    if output is not None:
        with atomic_file(output) as out:
            writer(job, out)
    else:
        assert stream is not None
        writer(job, stream)
        stream.flush()
    return ReportSummary(fmt, output, job.claims, job.snapshots, job.skipped, job.left_out)
