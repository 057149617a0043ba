"""Opening the database a user pointed at: when to migrate is decided here, once.

SQLite files (the embedded default above all) upgrade themselves on first use:
one user, one file, nothing else to coordinate with. A shared PostgreSQL is
upgraded on purpose, with ``factdesk db upgrade``; opened out of date, it is
refused with a message that says so. The CLI and the TUI both open through
``open_database``; they never see migrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.engine import Database
from db.errors import DatabaseError, SchemaOutOfDate
from db.schema_head import known_up_to_date
from db.urls import sqlite_url

if TYPE_CHECKING:
    from db.migrate import Upgraded

__all__ = ["Database", "open_database", "sqlite_url", "upgrade_database"]


def open_database(url: str) -> Database:
    """The database at ``url``, at the current schema (see the module's docstring)."""
    from sqlalchemy.exc import OperationalError

    database = Database(url)
    if known_up_to_date(database.engine):
        return database
    shown = database.engine.url.render_as_string(hide_password=True)  # messages name no secret
    # Alembic loads only when the quick answer is not "up to date".
    from db.migrate import is_up_to_date, upgrade

    try:
        try:
            up_to_date = is_up_to_date(database.engine)
        except OperationalError as exc:
            reason = " ".join(str(exc.orig).split()) or type(exc.orig).__name__
            raise DatabaseError(
                f"{shown}: cannot open the database ({reason}); check the address "
                "(--db or FACTDESK_DATABASE_URL) and that the server is running"
            ) from None
        if not up_to_date:
            if not database.is_sqlite:
                raise SchemaOutOfDate(
                    f"{shown}: the database schema is not up to date; run `factdesk db upgrade`"
                )
            upgrade(database.engine)
    except BaseException:
        database.dispose()
        raise
    return database


def upgrade_database(url: str) -> Upgraded:
    """Apply every pending migration to the database at ``url``."""
    from db.migrate import upgrade

    database = Database(url)
    try:
        # Read under the upgrade's lock: with several upgrades at once, one says it upgraded.
        return upgrade(database.engine)
    finally:
        database.dispose()
