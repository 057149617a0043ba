"""``factdesk tui`` (and ``factdesk`` alone): open the terminal app on the configured database."""

from __future__ import annotations

import typer

from tui.cli.app import app
from tui.cli.context import CliContext, cli_context
from tui.cli.output import reported_errors


def open_app(context: CliContext) -> None:
    """Run the app on the context's (migrated) database until the user quits."""
    from tui.app import make_app  # Textual loads only when the app opens.

    with reported_errors():
        factdesk = make_app(context.database(), settings=context.settings)
    factdesk.run()


@app.command("tui")
def tui_command(ctx: typer.Context) -> None:
    """Open the terminal app: claim queue, claim dossier, sources."""
    open_app(cli_context(ctx))
