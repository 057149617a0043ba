"""What every command shares: settings and the database they point at."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from db.engine import Database
from db.errors import SchemaOutOfDate
from db.migrate import is_up_to_date, upgrade
from tui.settings import Settings


@dataclass
class CliContext:
    settings: Settings
    _database: Database | None = field(default=None, init=False)

    def database(self) -> Database:
        """The configured database, migrated.

        SQLite files (the embedded default above all) upgrade themselves on
        first use: one user, one file, nothing else to coordinate with. A
        shared PostgreSQL is upgraded on purpose, with ``factdesk db upgrade``.
        """
        if self._database is None:
            database = Database(self.settings.resolved_database_url())
            if not is_up_to_date(database.engine):
                if not database.is_sqlite:
                    raise SchemaOutOfDate(
                        f"{self.settings.resolved_database_url()}: the database schema is "
                        "not up to date; run `factdesk db upgrade`"
                    )
                upgrade(database.engine)
            self._database = database
        return self._database

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
