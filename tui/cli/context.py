"""What every command shares: settings and the database they point at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

from tui.settings import Settings

if TYPE_CHECKING:
    from db.engine import Database


@dataclass
class CliContext:
    settings: Settings
    _database: Database | None = field(default=None, init=False)

    def database(self) -> Database:
        """The configured database, at the current schema (``claims.services.database``)."""
        if self._database is None:
            # Here, not at the top: commands that need no database never load SQLAlchemy.
            from claims.services.database import open_database
            from tui.cli.progress import Tally

            self._database = open_database(
                self.settings.resolved_database_url(),
                progress=Tally("search keys made again (new rules)"),
            )
        return self._database

    @property
    def has_database(self) -> bool:
        """Whether a command has opened the database already."""
        return self._database is not None

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()


def use_demo_database(context: CliContext) -> CliContext:
    """The context on the demo database unless a database was named explicitly."""
    if context.settings.database_url is None and not context.settings.demo:
        context.settings = context.settings.model_copy(update={"demo": True})
    return context


def cli_context(ctx: typer.Context) -> CliContext:
    obj = ctx.find_root().obj
    assert isinstance(obj, CliContext)
    return obj
