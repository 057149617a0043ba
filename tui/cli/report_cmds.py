"""``factdesk report`` (exports) and ``factdesk bundle verify``."""

from __future__ import annotations

import math
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claims.reports import (
    ReportFormat,
    ReportOptions,
    ReportSelection,
    export_report,
    verify_bundle,
)
from claims.reports.selection import PAGE_SIZE
from claims.review import parse_status
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import EXIT_USAGE, fail, reported_errors, warn
from tui.cli.progress import Counter
from tui.terminal_text import safe

bundle_app = typer.Typer(help="Check report bundles.", no_args_is_help=True)
app.add_typer(bundle_app, name="bundle")


class CsvRows(StrEnum):
    claims = "claims"
    quantities = "quantities"


def parse_since(value: str | None) -> datetime | None:
    """An ISO date or date-time; one without a zone is taken as UTC."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use e.g. 2026-11-02 or 2026-11-02T14:00:00+01:00",
            param_hint="--since",
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


@app.command("report")
def report_command(
    ctx: typer.Context,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="What to write.")],
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", metavar="PATH", help="File to write (default: stdout, text formats)."
        ),
    ] = None,
    claim: Annotated[
        list[int] | None, typer.Option("--claim", metavar="ID", help="Only this claim (repeat).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source id or part of its URL.")] = None,
    status: Annotated[str | None, typer.Option(help="Review status.")] = None,
    verdict: Annotated[str | None, typer.Option(help="Rating key, e.g. false.")] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Claims this reviewer acted on (any review event).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Claims found or acted on at or after this date (ISO 8601, UTC)."),
    ] = None,
    rows: Annotated[CsvRows, typer.Option(help="CSV: one row per claim or per figure.")] = (
        CsvRows.claims
    ),
    publish_url: Annotated[
        str | None,
        typer.Option(
            help="Address the report will be published at (ClaimReview url = it + #claim-ID)."
        ),
    ] = None,
) -> None:
    """Export the selected claims (filters combine) in one format."""
    context = cli_context(ctx)
    settings = context.settings
    path = None if output in (None, "-") else Path(output)
    if path is None and fmt.binary:
        fail(f"a {fmt.value} report is binary; give a file with -o PATH", EXIT_USAGE)
    counter: list[Counter] = []

    def on_total(total: int) -> None:
        passes = 2 if fmt is ReportFormat.bundle else 1  # the JSON, then the WARC
        counter.append(Counter("report", passes * math.ceil(total / PAGE_SIZE)))

    def progress(done: int) -> None:
        if counter:
            counter[0].step(f"{done:,} claims")

    with reported_errors():
        scale = settings.rating_scale()
        selection = ReportSelection(
            claim_ids=tuple(claim or ()),
            source=source,
            status=parse_status(status) if status else None,
            verdict=scale.find(verdict).key if verdict else None,
            reviewer=reviewer,
            since=parse_since(since),
        )
        options = ReportOptions(
            organisation=settings.organisation,
            scale=scale,
            publish_url=publish_url,
            csv_rows=rows.value,
        )
        try:
            summary = export_report(
                context.database(),
                fmt,
                selection,
                output=path,
                stream=None if path else sys.stdout.buffer,
                options=options,
                progress=progress,
                on_total=on_total,
            )
        finally:
            if counter:
                counter[0].done()
    if summary.skipped:
        warn(
            f"{summary.skipped} of {summary.claims} claims have no verdict and are not "
            "in the ClaimReview output"
        )
    where = f" to {safe(str(path))}" if path else ""
    extra = f", {summary.snapshots} snapshots" if summary.snapshots else ""
    typer.echo(f"report: {summary.claims} claims{extra} ({fmt.value}){where}", err=True)


@bundle_app.command("verify")
def bundle_verify(
    bundle: Annotated[Path, typer.Argument(metavar="BUNDLE", help="A bundle zip to check.")],
) -> None:
    """Check a bundle: file hashes, and every quoted passage in the archived bytes."""
    with reported_errors():
        check = verify_bundle(bundle)
    for problem in check.problems:
        typer.echo(f"FAILED {safe(problem)}")
    if not check.ok:
        fail(f"{bundle}: {len(check.problems)} problems; the bundle does not hold what it says")
    for name, digest in sorted(check.files.items()):
        typer.echo(f"ok {digest}  {safe(name)}")
    typer.echo(
        f"ok {check.passages} quoted passages of {check.claims} claims found in "
        f"{check.snapshots} archived snapshots at the offsets stated"
    )
