"""``factdesk tui`` (and ``factdesk`` alone): open the terminal app on the configured database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from tui.cli.app import app
from tui.cli.context import CliContext, cli_context
from tui.cli.output import reported_errors

if TYPE_CHECKING:
    from tui.app import FactdeskApp


def app_for(context: CliContext) -> FactdeskApp:
    """The app on the context's database, at the current schema.

    A database that exists at the newest schema is opened by the app on first
    use (its first page needs no SQLAlchemy); any other is opened here, so that
    one to create or migrate is, and one that cannot be opened is explained on
    one line before the app starts.
    """
    from claims.services.lazy_database import LazyDatabase
    from tui.app import make_app  # Textual loads only when the app opens.

    url = context.settings.resolved_database_url()
    if not context.has_database and LazyDatabase(url).ready():
        return make_app(context.settings)
    return make_app(context.database(), settings=context.settings)


def open_app(context: CliContext) -> None:
    """Run the app on the context's database until the user quits."""
    with reported_errors():
        factdesk = app_for(context)
    factdesk.run()


@app.command("tui")
def tui_command(ctx: typer.Context) -> None:
    """Open the terminal app: claim queue, claim dossier, sources."""
    open_app(cli_context(ctx))
