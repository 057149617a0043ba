"""`factdesk watch`: follow outlets' RSS/Atom feeds and (news) sitemaps.

``watch add`` reads the feed at once (a bad one is refused in one line and
nothing is stored) and queues its articles; ``factdesk refresh`` (or
``watch run`` now) re-reads due feeds and ingests the new articles with their
claims. Removing a watch keeps everything it stored.
"""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any, Protocol

import typer
from rich.console import Console
from rich.table import Table

from claims.services.watch_run import run_watches
from sources.watching.watches import (
    MAX_PER_PASS,
    MIN_EVERY_S,
    WatchSummary,
    add_watch,
    mark_seen,
    pause_watch,
    remove_watch,
    resume_watch,
    summarise_watches,
)
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import print_json, reported_errors, warn
from tui.cli.params import BadValue, language_tag, watch_key, whole_number
from tui.cli.source_cmds import ListFormat
from tui.terminal_text import literal, safe

watch_app = typer.Typer(
    help="Follow RSS/Atom feeds and sitemaps; their new articles are ingested.",
    no_args_is_help=True,
)
app.add_typer(watch_app, name="watch")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400}
_DURATION = re.compile(r"^\s*(\d{1,7})\s*([smhd]?)\s*$")
MAX_EVERY_S = 30 * 86_400


def duration(text: str) -> int:
    """``90s``, ``30m``, ``1h``, ``2d`` or bare seconds, from 5 minutes to 30 days."""
    match = _DURATION.match(str(text))
    seconds = int(match.group(1)) * _UNITS[match.group(2) or "s"] if match else None
    if seconds is None or not MIN_EVERY_S <= seconds <= MAX_EVERY_S:
        raise BadValue(
            f"{str(text)[:40]!r} is not an interval from 5m to 30d; give e.g. 30m, 1h or 1d"
        )
    return seconds


def _every(seconds: int) -> str:
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


WatchArg = Annotated[
    str, typer.Argument(metavar="WATCH", help="Watch id or feed URL.", parser=watch_key)
]
CAP = whole_number(1, MAX_PER_PASS)


@watch_app.command("add")
def add_command(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(metavar="URL", help="RSS/Atom feed or sitemap.")],
    lang: Annotated[
        str | None,
        typer.Option("--lang", parser=language_tag, help="Language of its articles (fr, en)."),
    ] = None,
    every: Annotated[
        int, typer.Option("--every", parser=duration, metavar="INTERVAL", help="Read it every…")
    ] = 3600,
    cap: Annotated[
        int, typer.Option("--cap", parser=CAP, help="Articles ingested per pass at most.")
    ] = 20,
) -> None:
    """Watch a feed: read it now and queue its articles for ingest."""
    context = cli_context(ctx)
    with reported_errors():
        added = add_watch(
            context.database(),
            url,
            lang=lang,
            every_s=every,
            per_pass_cap=cap,
            policy=context.settings.fetch_policy(),
            host_delay_s=context.settings.refresh_policy().host_delay,
        )
    verb = "watching again" if added.revived else "watching"
    kind = added.feed.kind
    if kind == "sitemapindex":
        kind = f"sitemap index of {len(added.feed.sitemaps)} sitemaps"
    Console(highlight=False, soft_wrap=True).print(
        literal(
            f"{verb} {added.source.url} as watch {added.watch.id} ({kind}, "
            f"every {_every(every)}): {len(added.feed.entries)} entries, "
            f"{added.recorded.new} new to ingest, {added.recorded.skipped} skipped"
        )
    )
    for note in added.notes:
        warn(safe(note))


def _row(summary: WatchSummary) -> dict[str, Any]:
    watch, source, last = summary.watch, summary.source, summary.last_fetch
    return {
        "id": watch.id,
        "url": source.url,
        "source_id": source.id,
        "lang": watch.lang,
        "every": _every(watch.every_seconds),
        "cap": watch.per_pass_cap,
        "paused": watch.paused,
        "removed": watch.removed_at is not None,
        "pending": summary.states["pending"] + summary.states["ingesting"],
        "ingested": summary.states["ingested"],
        "failed": summary.states["failed"],
        "skipped": summary.states["skipped"],
        "new_since_seen": summary.new_since_seen,
        "last_fetch_at": last.started_at.isoformat() if last else None,
        "last_fetch_outcome": last.outcome if last else None,
        "last_error": watch.last_error,
    }


@watch_app.command("list")
def list_command(
    ctx: typer.Context,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
    removed: Annotated[bool, typer.Option("--removed", help="Show removed watches too.")] = False,
    seen: Annotated[
        bool, typer.Option("--seen", help="Then mark their news as seen (resets 'new').")
    ] = False,
) -> None:
    """List watches: feed, language, interval, entries by state, last read."""
    context = cli_context(ctx)
    with reported_errors(), context.database().read() as session:
        rows = [_row(s) for s in summarise_watches(session, removed=removed)]
    if seen and rows:
        with reported_errors(), context.database().write() as session:
            mark_seen(session, [row["id"] for row in rows])
    if output is ListFormat.json:
        print_json(rows)
        return
    table = Table(
        "id",
        "url",
        "lang",
        "every",
        "state",
        "pending",
        "ingested",
        "failed",
        "new",
        "last read",
        box=None,
    )
    for row in rows:
        state = "removed" if row["removed"] else "paused" if row["paused"] else "active"
        if row["last_error"]:
            state += " (feed bad)"
        table.add_row(
            str(row["id"]),
            literal(str(row["url"])),
            row["lang"] or "-",
            row["every"],
            state,
            str(row["pending"]),
            str(row["ingested"]),
            str(row["failed"]),
            str(row["new_since_seen"]),
            f"{row['last_fetch_at'] or '-'} {row['last_fetch_outcome'] or ''}",
        )
    Console(highlight=False).print(table)
    typer.echo(f"{len(rows)} watches", err=True)


@watch_app.command("remove")
def remove_command(ctx: typer.Context, key: WatchArg) -> None:
    """Stop watching a feed; what it stored (snapshots, entries, articles) stays."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        watch = remove_watch(session, key)
    typer.echo(f"watch {watch.id} removed; its feed's snapshots and articles are kept")


@watch_app.command("pause")
def pause_command(ctx: typer.Context, key: WatchArg) -> None:
    """Stop reading a feed and ingesting its articles until resumed."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        watch = pause_watch(session, key)
    typer.echo(f"watch {watch.id} paused")


@watch_app.command("resume")
def resume_command(ctx: typer.Context, key: WatchArg) -> None:
    """Read a paused feed again from the next pass."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        watch = resume_watch(session, key)
    typer.echo(f"watch {watch.id} resumed")


class ArticleEntry(Protocol):
    """What the progress line reads of a feed entry."""

    url: str


class _Progress:
    """Articles on stderr as they are done: a live line on a terminal, one line each otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.done = 0

    def __call__(self, entry: ArticleEntry, outcome: str) -> None:
        self.done += 1
        if self.tty:
            sys.stderr.write(f"\rwatch: {self.done} articles, last {outcome:<9}")
        else:
            sys.stderr.write(f"watch {self.done} {outcome} {safe(entry.url)}\n")
        sys.stderr.flush()

    def end(self) -> None:
        if self.tty and self.done:
            sys.stderr.write("\n")


@watch_app.command("run")
def run_command(
    ctx: typer.Context,
    every_feed: Annotated[
        bool, typer.Option("--all", help="Read every active feed now, due or not.")
    ] = False,
    cap: Annotated[
        int | None,
        typer.Option("--cap", parser=CAP, help="Articles per watch this time (default: its own)."),
    ] = None,
    host_delay: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            help="Seconds between two requests to one site (default: the [refresh] settings).",
        ),
    ] = None,
) -> None:
    """Read the due feeds now and ingest the articles they list, with their claims."""
    context = cli_context(ctx)
    with reported_errors():
        database = context.database()
    progress = _Progress()
    try:
        with reported_errors():
            result = run_watches(
                database,
                policy=context.settings.refresh_policy(
                    **({} if host_delay is None else {"host_delay": host_delay})
                ),
                fetch_policy=context.settings.fetch_policy(),
                every_feed=every_feed,
                cap=cap,
                progress=progress,
            )
    finally:
        progress.end()
    read = result.feeds.counts if result.feeds else {}
    got = result.ingest
    typer.echo(
        f"{read.get('checked', 0)} feeds read ({read.get('changed', 0)} changed, "
        f"{read.get('not_modified', 0)} not modified, {read.get('failed', 0)} failed); "
        f"{got.ingested} articles ingested ({got.claims} claims), {got.failed} failed, "
        f"{got.skipped} skipped"
    )
    for _url, reason in got.failures:
        warn(f"{reason[:300]} (recorded; tried again later)")
