"""``factdesk tui`` (and ``factdesk`` alone): open the terminal app on the configured database."""

from __future__ import annotations

import typer

from tui.cli.app import app
from tui.cli.context import CliContext, cli_context
from tui.cli.output import reported_errors


def open_app(context: CliContext) -> None:
    """Run the app on the context's (migrated) database until the user quits.

    A database that exists at the newest schema is opened by the app on first
    use (its first page needs no SQLAlchemy); any other is opened here, so that
    one to create or migrate is, and one that cannot be opened is explained on
    one line before the app starts.
    """
    from claims.services.lazy_database import LazyDatabase
    from tui.app import make_app  # Textual loads only when the app opens.

    with reported_errors():
        url = context.settings.resolved_database_url()
        if not context.has_database and LazyDatabase(url).ready():
            factdesk = make_app(context.settings)
        else:
            factdesk = make_app(context.database(), settings=context.settings)
    factdesk.run()


@app.command("tui")
def tui_command(ctx: typer.Context) -> None:
    """Open the terminal app: claim queue, claim dossier, sources."""
    open_app(cli_context(ctx))
