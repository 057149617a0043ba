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
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from claims.services.refresh import refresh
from db.engine import Database
from db.models import RefreshRun
from sources.fetching import FetchPolicy
from sources.refresh import (
    PassResult,
    RefreshPolicy,
    explicit_sources,
    history,
    next_due,
    override_robots,
    pause,
    resume,
)
from sources.refresh.apply import Applied
from sources.refresh.check import Task
from sources.refresh.runs import COUNTERS
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import fail, print_json, reported_errors, warn
from tui.cli.params import source_key
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


def run_json(run: RefreshRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "worker": run.worker,
        "scope": run.scope,
        "status": run.status,
        "started_at": run.started_at.isoformat(),
        "ended_at": run.ended_at.isoformat() if run.ended_at else None,
        **{name: getattr(run, name) for name in COUNTERS},
    }


class _Progress:
    """Counts on stderr: a live line on a terminal, one line per source otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.done = 0
        self._lock = threading.Lock()

    def __call__(self, task: Task, applied: Applied) -> None:
        with self._lock:
            self.done += 1
            if self.tty:
                sys.stderr.write(f"\rrefresh: {self.done} checked, last {applied.kind:<12}")
            else:
                sys.stderr.write(f"refresh {self.done} {applied.kind} {task.url}\n")
            sys.stderr.flush()

    def end(self) -> None:
        if self.tty and self.done:
            sys.stderr.write("\n")


def _summary(result: PassResult) -> str:
    c = result.counts
    status = " (interrupted)" if result.interrupted else ""
    return (
        f"run {result.run.id}{status}: {c.get('checked', 0)} checked, "
        f"{c.get('not_modified', 0)} not modified, {c.get('unchanged', 0)} unchanged, "
        f"{c.get('changed', 0)} changed, {c.get('failed', 0)} failed "
        f"({c.get('gone', 0)} gone), {c.get('moved', 0)} moved, "
        f"{c.get('blocked', 0)} blocked by robots.txt, "
        f"{c.get('flagged_claims', 0)} claims to re-check"
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
    for host, asked in sorted(result.crawl_delays.items()):
        warn(
            f"{host}: robots.txt asks for a Crawl-delay of {asked:g} s; factdesk waits "
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
    concurrency: Annotated[int, typer.Option(min=1, max=256, help="Sources fetched at once.")] = 8,
    per_host: Annotated[int, typer.Option(min=1, help="Requests in flight per host.")] = 2,
    host_delay: Annotated[
        float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
    ] = 1.0,
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
        with reported_errors(), database.read() as session:
            runs = history(session)
        _print_runs(runs, output)
        return
    if source and all_sources:
        fail("--source and --all do not go together; give one of them", code=2)
    if force and not source:
        fail("--force goes with --source: name the paused sources to refresh", code=2)
    with reported_errors(), database.read() as session:
        ids = explicit_sources(session, source or [], force=force)
    policy = RefreshPolicy(concurrency=concurrency, per_host=per_host, host_delay=host_delay)
    stop = threading.Event()
    with _stopped_by_signals(stop) as received:
        _passes(
            database,
            context.settings.fetch_policy(),
            policy,
            stop,
            watch,
            output,
            ids,
            scope="all" if all_sources else "due",
        )
    if signal.SIGINT in received:
        raise typer.Exit(128 + signal.SIGINT)


def _passes(
    database: Database,
    fetch_policy: FetchPolicy,
    policy: RefreshPolicy,
    stop: threading.Event,
    watch: bool,
    output: ListFormat,
    ids: list[int],
    *,
    scope: str,
) -> None:
    """One pass, or (``watch``) passes as sources fall due, until ``stop``."""
    while True:
        progress = _Progress()
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
        progress.end()
        _warn_crawl_delays(result, policy)
        if output is ListFormat.json:
            print_json(run_json(result.run))
        else:
            typer.echo(_summary(result))
        if not watch or stop.is_set():
            return
        with reported_errors(), database.read() as session:
            due = next_due(session)
        wait = MAX_SLEEP_S if due is None else (due - datetime.now(UTC)).total_seconds()
        if stop.wait(min(MAX_SLEEP_S, max(1.0, wait))):
            return
        scope, ids = "due", []


def _print_runs(runs: list[RefreshRun], output: ListFormat) -> None:
    if output is ListFormat.json:
        print_json([run_json(r) for r in runs])
        return
    table = Table("id", "started", "ended", "status", "worker", *COUNTERS, box=None)
    for run in runs:
        table.add_row(
            str(run.id),
            run.started_at.isoformat(timespec="seconds"),
            run.ended_at.isoformat(timespec="seconds") if run.ended_at else "-",
            run.status,
            literal(run.worker),
            *(str(getattr(run, name)) for name in COUNTERS),
        )
    Console(highlight=False).print(table)
    typer.echo(f"{len(runs)} runs", err=True)


@refresh_app.command("pause")
def pause_command(
    ctx: typer.Context, key: SourceArg
) -> None:
    """Stop refreshing a source until it is resumed."""
    with reported_errors(), cli_context(ctx).database().write() as session:
        source = pause(session, key)
    typer.echo(f"source {source.id} paused")


@refresh_app.command("resume")
def resume_command(
    ctx: typer.Context, key: SourceArg
) -> None:
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
