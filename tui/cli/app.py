"""The Typer application object, its global options and the process entry point."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from tui.cli.lazy_group import LazyGroup

app = typer.Typer(
    name="factdesk",
    cls=LazyGroup,
    help="Fact-claim verification and provenance tracker for fact-checkers.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
LazyGroup.typer_app = app


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", metavar="URL", help="Database URL (or FACTDESK_DATABASE_URL)."),
    ] = None,
    allow_private_networks: Annotated[
        bool,
        typer.Option(
            "--allow-private-networks",
            help="Let the fetcher reach loopback and private addresses "
            "(or FACTDESK_ALLOW_PRIVATE_NETWORKS=1).",
        ),
    ] = False,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Use the demo database, kept apart from your own (or FACTDESK_DEMO=1); "
            "`factdesk demo` loads it.",
        ),
    ] = False,
) -> None:
    """Without a command: open factdesk on the configured database."""
    # Here, not at the top: `factdesk --help` never needs settings (pydantic).
    from pydantic import ValidationError

    from tui.cli.context import CliContext
    from tui.settings import Settings

    overrides: dict[str, object] = {}
    if db is not None:
        overrides["database_url"] = db
    if demo:
        overrides["demo"] = True
    if allow_private_networks:
        overrides["allow_private_networks"] = True
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])  # name the setting to fix
        typer.echo(f"factdesk: error: bad configuration: {where}: {first['msg']}", err=True)
        raise typer.Exit(2) from None
    context = CliContext(settings)
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        from tui.cli.tui_cmds import open_app

        open_app(context)


def main() -> int:
    """Run the command line; exit codes: 0 done, 1 failed on input, 2 bad usage."""
    # trafilatura logs every page it rejects at ERROR; factdesk reports such
    # pages itself, in one line.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        app(standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
