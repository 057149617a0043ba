"""Commands about fetched material: ingest, sources, text."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.services.ingest import Ingested, ingest_with_claims
from claims.wording import counted
from sources.ingest import IngestOptions
from sources.reading import read
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import fail, print_json, reported_errors, warn
from tui.cli.params import language_tag, source_key, web_url
from tui.cli.progress import Counter
from tui.terminal_text import literal


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


def stored_json(ingested: Ingested) -> dict[str, Any]:
    stored = ingested.stored
    snap = stored.snapshot
    return {
        "source_id": stored.source.id,
        "source_url": stored.source.url,
        "snapshot_id": snap.id,
        "snapshot_sha256": snap.body_sha256,
        "text_sha256": snap.text_sha256,
        "size": snap.body_size,
        "title": snap.title,
        "language": snap.language,
        "fetched_at": snap.fetched_at.isoformat(),
        "fetch_id": stored.fetch.id,
        "outcome": stored.fetch.outcome,
        "new_source": stored.created_source,
        "claims": len(ingested.claims),
    }


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    targets: Annotated[
        list[str], typer.Argument(help="http(s) URL, .html/.htm/.txt/.pdf file, or - for stdin.")
    ],
    lang: Annotated[
        str | None, typer.Option(parser=language_tag, help="Language of the text (fr, en).")
    ] = None,
    force_lang: Annotated[
        bool,
        typer.Option(
            "--force-lang", help="Keep --lang even when the text reads as another language."
        ),
    ] = False,
    url: Annotated[
        str | None,
        typer.Option(parser=web_url, help="Original web address of a local file or stdin."),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Title to record instead of the page's.")
    ] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """Fetch or read each TARGET, keep an immutable snapshot, print what was stored."""
    context = cli_context(ctx)
    if url is not None and len(targets) > 1:
        fail("--url names the address of one target; give one target with it", code=2)
    if force_lang and lang is None:
        fail("--force-lang keeps the language that --lang names; give --lang too", code=2)
    options = IngestOptions(lang=lang, url=url, title=title, force_lang=force_lang)
    policy = context.settings.fetch_policy()
    results: list[Ingested] = []
    failures = 0
    counter = Counter("ingest", total=len(targets))
    with reported_errors():
        database = context.database()
    for target in targets:
        counter.step(target)
        # One target has no bar of its own; a long PDF gets one for its pages.
        pages = PageBar(target) if len(targets) == 1 else None
        try:
            with reported_errors():
                ingested = ingest_with_claims(
                    database, target, options=options, policy=policy, on_page=pages
                )
        except typer.Exit:
            failures += 1
            continue
        finally:
            if pages is not None:
                pages.done()
        results.append(ingested)
        stored = ingested.stored
        if stored.snapshot.replaced_bytes and not stored.unchanged:
            warn(
                f"{target}: bytes invalid in charset {stored.snapshot.charset} were replaced "
                "by U+FFFD; the page may declare the wrong encoding"
            )
    counter.done()
    if output is ListFormat.json:
        print_json([stored_json(s) for s in results])
    else:
        _print_stored(results)
    if failures:
        raise typer.Exit(1)


class PageBar:
    """A bar over the pages of a PDF being read: on a terminal only (a log
    gets no line per page), and only for documents long enough to wait for."""

    MIN_PAGES = 20

    def __init__(self, target: str) -> None:
        self.target = target
        self._counter: Counter | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_PAGES or not sys.stderr.isatty():
            return
        if self._counter is None:
            self._counter = Counter(f"reading {self.target}", total=total)
        self._counter.step(f"page {done}")

    def done(self) -> None:
        if self._counter is not None:
            self._counter.done()


def _print_stored(results: list[Ingested]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for ingested in results:
        stored = ingested.stored
        snap = stored.snapshot
        verb = "unchanged" if stored.unchanged else "stored"
        line = literal(f"{verb} source {stored.source.id} {stored.source.url}\n")
        line.append(
            literal(
                f"  snapshot {snap.id} sha256 {snap.body_sha256} {snap.body_size} bytes "
                f"lang {snap.language or '?'}, {counted(len(ingested.claims), 'claim')}\n"
                f"  title {snap.title or '(none)'}"
            )
        )
        console.print(line)


sources_app = typer.Typer(
    help="List sources with their health and last fetch; show one source's fetch history.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
def sources_command(
    ctx: typer.Context,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    failing: Annotated[
        bool,
        typer.Option(
            "--failing",
            help="Only the sources that need a human: failing, gone, robots down.",
        ),
    ] = False,
) -> None:
    """List sources with their health, why the last check failed, and snapshot count."""
    if ctx.invoked_subcommand is not None:
        return
    # Here, not at the top: the refresh services bring SQLAlchemy and extraction.
    from claims.services.refresh import sources_status

    context = cli_context(ctx)
    with reported_errors():
        statuses = sources_status(context.database(), failing=failing)
    if output is ListFormat.json:
        print_json([s.to_json() for s in statuses])
        return
    # The "why" column only when a source fails: the table stays narrow otherwise.
    why = any(s.reason for s in statuses)
    columns = ("id", "url", "title", "health", "snapshots", "last fetch")
    table = Table(*columns, *(("why",) if why else ()), box=None)
    for s in statuses:
        last = s.last_fetch_at.isoformat(timespec="seconds") if s.last_fetch_at else "-"
        cells: list[str | Text] = [
            str(s.id),
            literal(s.url),
            literal(s.title or ""),
            s.health.label,
            str(s.snapshots),
            f"{last} {s.last_fetch_outcome or ''}",
        ]
        table.add_row(*cells, *((literal(s.reason or ""),) if why else ()))
    Console(highlight=False).print(table)
    n = len(statuses)
    if failing:
        said = f"{n} source needs a human" if n == 1 else f"{n} sources need a human"
    else:
        said = f"{n} source" if n == 1 else f"{n} sources"
    typer.echo(said, err=True)


@sources_app.command("show")
def sources_show_command(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            parser=source_key,
            metavar="SOURCE",
            help="Source id or URL (as `factdesk sources` lists).",
        ),
    ],
    limit: Annotated[int, typer.Option(min=1, help="Most recent fetches shown.")] = 50,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """A source's health and fetch history: time, status, outcome, reason, bytes, snapshot."""
    from claims.services.refresh import source_report

    context = cli_context(ctx)
    with reported_errors():
        detail = source_report(context.database(), key, limit=limit)
    status = detail.status
    if output is ListFormat.json:
        print_json(
            {
                **status.to_json(),
                "history": [entry.to_json() for entry in detail.history],
                "older_fetches": detail.more,
            }
        )
        return
    console = Console(highlight=False, soft_wrap=True)
    head = literal(f"source {status.id} {status.url}\n")
    head.append(literal(f"  title    {status.title or '(none)'}\n"))
    head.append(f"  health   {status.health.label}")
    if status.health.value == "local":
        head.append(" (read from a file or stdin: refresh never fetches it)")
    elif status.consecutive_failures:
        head.append(f" ({status.failures_in_a_row})")
    head.append("\n")
    if status.reason:
        head.append("  why      ")
        head.append_text(literal(status.reason))
        head.append("\n")
    next_at = status.next_check_at.isoformat(timespec="seconds") if status.next_check_at else "-"
    head.append(f"  next     {'never' if status.health.value == 'local' else next_at}")
    if status.robots_override:
        head.append_text(literal(f"\n  robots   {status.robots_override}"))
    console.print(head)
    table = Table("time", "status", "outcome", "reason", "bytes", "snapshot", box=None)
    for entry in detail.history:
        table.add_row(
            entry.started_at.isoformat(timespec="seconds"),
            "-" if entry.http_status is None else str(entry.http_status),
            entry.outcome,
            literal(entry.reason or ""),
            "-" if entry.bytes is None else f"{entry.bytes:,}",
            "-" if entry.snapshot_id is None else str(entry.snapshot_id),
        )
    console.print(table)
    older = f" ({detail.more} older not shown; --limit)" if detail.more else ""
    typer.echo(f"{len(detail.history)} fetches{older}", err=True)


@app.command("text")
def text_command(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="http(s) URL, .html/.htm/.txt/.pdf file, or -.")],
    output: Annotated[
        TextFormat, typer.Option("--format", help="Output format.")
    ] = TextFormat.text,
    lang: Annotated[
        str | None, typer.Option(parser=language_tag, help="Language hint (fr, en).")
    ] = None,
    url: Annotated[
        str | None, typer.Option(parser=web_url, help="Original address of a file or stdin.")
    ] = None,
) -> None:
    """Print the main text of TARGET (and its metadata with --format json). Stores nothing."""
    context = cli_context(ctx)
    policy = context.settings.fetch_policy()
    with reported_errors():
        reading = read(target, policy=policy, url=url, lang=lang)
    article, decoded, fetched = reading.article, reading.decoded, reading.fetched
    if output is TextFormat.json:
        data = article.to_json()
        data["charset"] = decoded.charset
        data["charset_source"] = decoded.charset_source
        data["final_url"] = fetched.final_url
        data["kind"] = reading.kind.value
        print_json(data)
    else:
        sys.stdout.write(article.text + "\n")
