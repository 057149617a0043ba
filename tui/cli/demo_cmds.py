"""``factdesk demo``: load the demo corpus (no network needed)."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.services.demo import load_demo
from sources.demo import demo_pages
from tui.cli.app import app
from tui.cli.context import cli_context, use_demo_database
from tui.cli.output import reported_errors
from tui.cli.progress import Counter


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    open_app_after: Annotated[
        bool, typer.Option("--open", help="Open the terminal app on it once it is loaded.")
    ] = False,
) -> None:
    """Load the demo corpus (safe to run twice) into the demo database, which is kept
    apart from your own; with --db or FACTDESK_DATABASE_URL, into that database."""
    context = use_demo_database(cli_context(ctx))
    counter = Counter("demo", total=len(demo_pages()))
    with reported_errors():
        outcome = load_demo(
            context.database(),
            policy=context.settings.fetch_policy(),
            progress=lambda page: counter.step(page.path.name),
        )
    counter.done()
    typer.echo(
        f"demo corpus: {outcome.snapshots_stored} snapshots stored ({outcome.claims} claims), "
        f"{outcome.unchanged} unchanged, {outcome.evidence} evidence links, "
        f"database {context.settings.resolved_database_url()}"
    )
    if open_app_after:
        from tui.cli.tui_cmds import open_app

        open_app(context)
