"""``factdesk db``: schema management."""

from __future__ import annotations

import typer

from claims.services.database import upgrade_database
from claims.wording import counted
from tui.cli.app import app
from tui.cli.context import cli_context
from tui.cli.output import reported_errors
from tui.cli.progress import Tally

db_app = typer.Typer(help="Database schema management.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Apply every pending migration to the configured database."""
    context = cli_context(ctx)
    with reported_errors():
        done = upgrade_database(
            context.settings.resolved_database_url(),
            progress=Tally("search keys made again (new rules)"),
        )
    if done.before == done.after:
        typer.echo(f"database already at revision {done.after}")
    else:
        typer.echo(f"database upgraded from {done.before or 'empty'} to {done.after}")
    if done.search_keys:
        # Search keys follow the application's rules: older ones were made again.
        typer.echo(f"search keys of {counted(done.search_keys, 'claim')} made again")
