"""`factdesk refresh`: the scheduled refresh job, its history, and per-source controls.

Cron and systemd timers run ``factdesk refresh``: one pass over the due
sources, exit 0 when the pass ran (some sources failing is normal and
recorded), 1 when it could not run. ``--watch`` keeps running.

SIGTERM or SIGINT (Ctrl-C) stops a pass within seconds: fetches under way
are dropped, what was checked is stored, the run is recorded "interrupted"
and its summary printed. Exit 0 after SIGTERM (a service manager's ordinary
stop), 130 after SIGINT (the shell's convention). A second Ctrl-C stops
without waiting (the run is then "aborted").

Paused sources are left out of every pass, ``--all`` included. Naming one
with ``--source`` fails (exit 1, one line saying it is paused) unless
``--force`` is given: then it is refreshed once and stays paused. A pass
marks the runs of workers that died (no valid lease left) ``aborted``;
``--history`` shows them so.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from claims.services.refresh import (
    local_source_count,
    next_due_at,
    refresh,
    run_history,
    scope_size,
    sources_to_refresh,
)
from sources.refresh import (
    COUNTERS,
    AppliedKind,
    PassResult,
    RefreshPolicy,
    ScopeKind,
    override_robots,
    pause,
    resume,
    run_json,
)
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import fail, print_json, reported_errors, warn
from tui.cli.params import source_key
from tui.cli.progress import Counter
from tui.cli.source_cmds import ListFormat
from tui.terminal_text import literal

refresh_app = typer.Typer(
    help="Re-fetch due sources, flag claims whose evidence changed.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(refresh_app, name="refresh")

MAX_SLEEP_S = 3600.0
SourceArg = Annotated[str, typer.Argument(parser=source_key, metavar="ID|URL")]


class _Progress:
    """A pass's progress on stderr: a Rich bar on a terminal, a counter line per
    source otherwise (:class:`tui.cli.progress.Counter`)."""

    def __init__(self, total: int) -> None:
        self._counter = Counter("refresh", total=total)
        self._lock = threading.Lock()

    def __call__(self, url: str, kind: AppliedKind) -> None:
        with self._lock:
            self._counter.step(f"{url}: {kind.value.replace('_', ' ')}")

    def end(self) -> None:
        self._counter.done()


def _summary(result: PassResult, local: int) -> str:
    c = result.counts
    status = " (interrupted)" if result.interrupted else ""
    return (
        f"run {result.run.id}{status}: {c.get('checked', 0)} checked, "
        f"{c.get('not_modified', 0)} not modified, {c.get('unchanged', 0)} unchanged, "
        f"{c.get('changed', 0)} changed, {c.get('failed', 0)} failed "
        f"({c.get('gone', 0)} gone), {c.get('moved', 0)} moved, "
        f"{c.get('blocked', 0)} blocked by robots.txt, "
        f"{c.get('robots_unavailable', 0)} waiting for an unreadable robots.txt, "
        f"{c.get('flagged_claims', 0)} claims to re-check; "
        f"{local} local sources (file, stdin) never refreshed"
    )


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[list[int]]:
    """SIGTERM and SIGINT set ``stop`` while inside; yields the signals received.

    The previous handlers come back on the way out (the command may run
    inside a longer-lived process, a test runner say). Only the main thread
    can set handlers; elsewhere nothing is installed.
    """
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGINT and signal.SIGINT in received:
            raise KeyboardInterrupt  # asked twice: stop waiting for the pass
        received.append(signum)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield received
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _warn_crawl_delays(result: PassResult, policy: RefreshPolicy) -> None:
    for site, asked in sorted(result.crawl_delays.items()):
        warn(
            f"{site}: robots.txt asks for a Crawl-delay of {asked:g} s; factdesk waits "
            f"{policy.max_crawl_delay:g} s between requests there, its cap (see "
            "crawl_delay_asked in `factdesk sources --format json`)"
        )


@refresh_app.callback()
def refresh_command(
    ctx: typer.Context,
    watch: Annotated[
        bool, typer.Option("--watch", help="Keep running; sleep until the next source is due.")
    ] = False,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            parser=source_key,
            metavar="ID|URL",
            help="Refresh this source now (repeatable).",
        ),
    ] = None,
    all_sources: Annotated[
        bool, typer.Option("--all", help="Refresh every source, due or not (paused ones stay out).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="With --source: refresh a paused source once (it stays paused)."
        ),
    ] = False,
    show_history: Annotated[
        bool, typer.Option("--history", help="List past refresh runs instead.")
    ] = False,
    concurrency: Annotated[
        int | None,
        typer.Option(
            min=1, max=256, help="Sources fetched at once (default: [refresh] concurrency)."
        ),
    ] = None,
    per_host: Annotated[
        int | None,
        typer.Option(min=1, help="Requests in flight per site (default: [refresh] per_host)."),
    ] = None,
    host_delay: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            help="Seconds between two requests to one site (default: [refresh] host_delay).",
        ),
    ] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """One pass over the sources that are due; exit 0 even when some sources failed."""
    if ctx.invoked_subcommand is not None:
        return
    context = cli_context(ctx)
    with reported_errors():
        database = context.database()
    if show_history:
        with reported_errors():
            runs = run_history(database)
        _print_runs(runs, output)
        return
    if source and all_sources:
        fail("--source and --all do not go together; give one of them", code=2)
    if force and not source:
        fail("--force goes with --source: name the paused sources to refresh", code=2)
    with reported_errors():
        ids = sources_to_refresh(database, source or [], force=force)
    overrides = {"concurrency": concurrency, "per_host": per_host, "host_delay": host_delay}
    # One policy for cron, --watch and the TUI: the settings', options on top.
    policy = context.settings.refresh_policy(
        **{name: value for name, value in overrides.items() if value is not None}
    )
    fetch_policy = context.settings.fetch_policy()
    stop = threading.Event()

    def one_pass(scope: ScopeKind, ids: list[int]) -> tuple[PassResult, int]:
        progress = _Progress(scope_size(database, scope, ids))
        try:
            with reported_errors():
                result = refresh(
                    database,
                    policy=policy,
                    fetch_policy=fetch_policy,
                    scope=scope,
                    source_ids=ids,
                    progress=progress,
                    stop=stop,
                )
        finally:
            progress.end()
        with reported_errors():
            return result, local_source_count(database)

    def due() -> datetime | None:
        with reported_errors():
            return next_due_at(database)

    with _stopped_by_signals(stop) as received:
        _passes(
            one_pass,
            due,
            policy,
            stop,
            watch,
            output,
            ids,
            scope=ScopeKind.ALL if all_sources else ScopeKind.DUE,
        )
    if signal.SIGINT in received:
        raise typer.Exit(128 + signal.SIGINT)


def _passes(
    one_pass: Callable[[ScopeKind, list[int]], tuple[PassResult, int]],
    due: Callable[[], datetime | None],
    policy: RefreshPolicy,
    stop: threading.Event,
    watch: bool,
    output: ListFormat,
    ids: list[int],
    *,
    scope: ScopeKind,
) -> None:
    """One pass, or (``watch``) passes as sources fall due, until ``stop``."""
    while True:
        result, local = one_pass(scope, ids)
        _warn_crawl_delays(result, policy)
        if output is ListFormat.json:
            print_json({**run_json(result.run), "local_sources": local})
        else:
            typer.echo(_summary(result, local))
        if not watch or stop.is_set():
            return
        next_at = due()
        wait = MAX_SLEEP_S if next_at is None else (next_at - datetime.now(UTC)).total_seconds()
        if stop.wait(min(MAX_SLEEP_S, max(1.0, wait))):
            return
        scope, ids = ScopeKind.DUE, []


def _print_runs(runs: list[dict[str, Any]], output: ListFormat) -> None:
    if output is ListFormat.json:
        print_json(runs)
        return
    table = Table("id", "started", "ended", "status", "worker", *COUNTERS, box=None)
    for run in runs:
        table.add_row(
            str(run["id"]),
            _stamp(run["started_at"]),
            _stamp(run["ended_at"]) if run["ended_at"] else "-",
            str(run["status"]),
            literal(str(run["worker"])),
            *(str(run[name]) for name in COUNTERS),
        )
    Console(highlight=False).print(table)
    typer.echo(f"{len(runs)} runs", err=True)


def _stamp(iso: str) -> str:
    return datetime.fromisoformat(iso).isoformat(timespec="seconds")


@refresh_app.command("pause")
def pause_command(ctx: typer.Context, key: SourceArg) -> None:
    """Stop refreshing a source until it is resumed."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        source = pause(session, key)
    typer.echo(f"source {source.id} paused")


@refresh_app.command("resume")
def resume_command(ctx: typer.Context, key: SourceArg) -> None:
    """Refresh a paused source again, from the next pass."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        source = resume(session, key)
    typer.echo(f"source {source.id} resumed")


@refresh_app.command("robots")
def robots_command(
    ctx: typer.Context,
    key: SourceArg,
    why: Annotated[str, typer.Option("--why", help="Why (kept on record).")],
    ignore: Annotated[
        bool, typer.Option("--ignore/--obey", help="Ignore robots.txt for it, or obey again.")
    ] = True,
) -> None:
    """Fetch a source whatever its robots.txt says (or obey it again); the reason is recorded."""
    context = cli_context(ctx)
    who = context.settings.reviewer_name()
    with reported_errors(), context.database().write() as session:
        source = override_robots(session, key, ignore=ignore, who=who, why=why)
    typer.echo(f"source {source.id}: {source.robots_override}")
