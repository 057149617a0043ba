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
    BadPublicKey,
    BundleCheck,
    ReportFormat,
    ReportOptions,
    ReportSelection,
    SigningKey,
    TrustedKey,
    export_report,
    signing_key,
    trusted_key,
    verify_bundle,
)
from claims.reports.errors import PublisherInvalid, PublisherMissing
from claims.reports.publisher import HOW_TO_SET, Publisher, make_publisher
from claims.reports.selection import PAGE_SIZE
from claims.review.statuses import parse_status
from claims.wording import counted
from db.errors import FactdeskError
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import EXIT_USAGE, fail, print_json, reported_errors, warn
from tui.cli.params import CLAIM_ID, source_key
from tui.cli.progress import Counter
from tui.settings import Settings
from tui.terminal_text import safe

bundle_app = typer.Typer(help="Check report bundles.", no_args_is_help=True)
app.add_typer(bundle_app, name="bundle")


class CsvRows(StrEnum):
    claims = "claims"
    quantities = "quantities"


class KeyFormat(StrEnum):
    text = "text"
    json = "json"
    pem = "pem"


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
        list[int] | None,
        typer.Option("--claim", parser=CLAIM_ID, metavar="ID", help="Only this claim (repeat)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option(parser=source_key, help="Source id or part of its URL.")
    ] = None,
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
            help="Address the report will be published at (ClaimReview url = it + "
            "#claim-ID unless --claim-url is given)."
        ),
    ] = None,
    publisher_name: Annotated[
        str | None,
        typer.Option(help="ClaimReview: the publishing organisation (default: [publisher] name)."),
    ] = None,
    publisher_url: Annotated[
        str | None,
        typer.Option(help="ClaimReview: the organisation's web site (default: [publisher] url)."),
    ] = None,
    claim_url: Annotated[
        str | None,
        typer.Option(
            help='ClaimReview: where each check is published, e.g. "https://desk.example/'
            'checks/{id}" (default: [publisher] claim_url).'
        ),
    ] = None,
    include_dismissed: Annotated[
        bool, typer.Option(help="Keep dismissed claims (left out of every report by default).")
    ] = False,
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

    publisher = _publisher(
        settings,
        name=publisher_name,
        url=publisher_url,
        claim_url=claim_url,
        publish_url=publish_url,
        required=fmt is ReportFormat.claimreview,
    )
    if publisher is None and fmt is ReportFormat.html:
        warn(f"the HTML embeds no ClaimReview markup: {HOW_TO_SET}")
    with reported_errors():
        signer = _signer(settings.signing_key_path()) if fmt is ReportFormat.bundle else None
        scale = settings.rating_scale()
        selection = ReportSelection(
            claim_ids=tuple(claim or ()),
            source=source,
            status=parse_status(status) if status else None,
            verdict=scale.find(verdict).key if verdict else None,
            reviewer=reviewer,
            since=parse_since(since),
            include_dismissed=include_dismissed,
        )
        options = ReportOptions(
            organisation=settings.organisation,
            scale=scale,
            publish_url=publish_url,
            publisher=publisher,
            csv_rows=rows.value,
            signer=signer,
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
    if summary.left_out and (publisher is not None or fmt is ReportFormat.claimreview):
        warn(_left_out(summary.left_out, summary.claims))
    where = f" to {safe(str(path))}" if path else ""
    extra = f", {summary.snapshots} snapshots" if summary.snapshots else ""
    if signer is not None:
        extra += f", signed by {signer.public.fingerprint}"
    said = counted(summary.claims, "claim")
    if fmt is ReportFormat.claimreview:
        # The claims left out have no ClaimReview in the file: say what it holds.
        written = summary.claims - sum(len(ids) for ids in summary.left_out.values())
        said = f"{counted(written, 'ClaimReview')} of {said}"
    typer.echo(f"report: {said}{extra} ({fmt.value}){where}", err=True)


def _publisher(
    settings: Settings,
    *,
    name: str | None,
    url: str | None,
    claim_url: str | None,
    publish_url: str | None,
    required: bool,
) -> Publisher | None:
    """The publisher from the options, else the settings; exit 2 naming what to set
    when ClaimReview needs one, None when the format can do without."""
    configured = settings.publisher
    try:
        return make_publisher(
            name=name or settings.publisher_name(),
            url=url or configured.url,
            # An option given beats a setting: --publish-url makes the claim URLs
            # anchors of the published report.
            claim_url=claim_url or (None if publish_url else configured.claim_url),
            logo=configured.logo,
            publish_url=publish_url,
        )
    except PublisherMissing as exc:
        if required:
            fail(str(exc), EXIT_USAGE)
        return None
    except PublisherInvalid as exc:
        fail(safe(str(exc)), EXIT_USAGE)


LISTED_IDS = 20


def _left_out(left_out: dict[str, list[int]], claims: int) -> str:
    """One line: how many claims are not in the ClaimReview, why, and which."""
    parts = []
    for reason, ids in left_out.items():
        shown = ", ".join(map(str, ids[:LISTED_IDS])) + (", …" if len(ids) > LISTED_IDS else "")
        parts.append(f"{len(ids)} {reason} (claim {shown})")
    total = sum(len(ids) for ids in left_out.values())
    return f"{total} of {claims} claims left out of ClaimReview: " + "; ".join(parts)


def _signer(path: Path) -> SigningKey:
    """The installation's signing key, made on first use (and said so: it needs a backup)."""
    key = signing_key(path)
    if key.created:
        warn(
            f"created the key that signs your bundles at {safe(str(path))} "
            f"(fingerprint {key.public.fingerprint}); back it up and keep it private: "
            "`factdesk bundle key` shows what to publish"
        )
    return key


@bundle_app.command("key")
def bundle_key(
    ctx: typer.Context,
    fmt: Annotated[
        KeyFormat,
        typer.Option(
            "--format", help="text; json; or pem: the public key as a file for `verify --key`."
        ),
    ] = KeyFormat.text,
) -> None:
    """Show the key that signs this installation's bundles (made on first use): publish its
    fingerprint so readers can check your bundles with `bundle verify --key`."""
    path = cli_context(ctx).settings.signing_key_path()
    with reported_errors():
        key = _signer(path)
    public = key.public
    if fmt is KeyFormat.pem:
        typer.echo(public.pem, nl=False)
    elif fmt is KeyFormat.json:
        print_json({**public.to_json(), "key_file": str(path)})
    else:
        typer.echo(f"fingerprint  {public.fingerprint}")
        typer.echo(f"public key   {public.text}")
        typer.echo(f"key file     {safe(str(path))}")


def _trusted(value: str | None) -> TrustedKey | None:
    if value is None:
        return None
    try:
        return trusted_key(value)
    except BadPublicKey as exc:
        fail(f"--key: {safe(str(exc))}", EXIT_USAGE)


def _what_the_signature_proves(check: BundleCheck) -> str:
    if check.signature is None:
        return (
            "unsigned: the files agree with each other and every quote is in the archived "
            "bytes, but nothing shows who made the bundle or that the archive holds what the "
            "sites served: anyone can change a page and recompute every hash"
        )
    fingerprint = check.signature.key.fingerprint
    if check.signed_by_trusted_key:
        return (
            f"ok signed by {fingerprint}, the key you gave: its holder made this bundle and "
            "nothing in it changed since; that vouches for the archive, it does not prove "
            "the pages said this"
        )
    return (
        f"signed by {fingerprint}, the key the bundle itself names: unchecked, that proves "
        "nothing about who made it; compare the fingerprint with the one its maker publishes, "
        "or pass --key"
    )


@bundle_app.command("verify")
def bundle_verify(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(metavar="BUNDLE", help="A bundle zip to check.")],
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            metavar="PUBKEY|FINGERPRINT",
            help="The key the bundle must be signed with: its fingerprint (SHA256:...), its "
            "public key, or a file holding either (or its PEM).",
        ),
    ] = None,
) -> None:
    """Check a bundle: file hashes, its signature, and every quoted passage in the archived
    bytes."""
    trusted = _trusted(key)
    cap = cli_context(ctx).settings.fetch_policy().max_body_bytes
    try:
        check = verify_bundle(bundle, trusted=trusted, max_body_bytes=cap)
    except FactdeskError as exc:
        fail(safe(str(exc)))  # bundles are hostile: their text may hold escape sequences
    for problem in check.problems:
        typer.echo(f"FAILED {safe(problem)}")
    if not check.ok:
        fail(
            f"{safe(str(bundle))}: {len(check.problems)} problems; "
            "the bundle does not hold what it says"
        )
    for name, digest in sorted(check.files.items()):
        typer.echo(f"ok {digest}  {safe(name)}")
    typer.echo(
        f"ok {check.passages} quoted passages of {check.claims} claims found in "
        f"{check.snapshots} archived snapshots at the offsets stated"
    )
    typer.echo(_what_the_signature_proves(check))
