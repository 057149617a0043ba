"""Opening the database a user pointed at: when to migrate is decided here, once.

SQLite files (the embedded default above all) upgrade themselves on first use:
one user, one file, nothing else to coordinate with. A shared PostgreSQL is
upgraded on purpose, with ``factdesk db upgrade``; opened out of date, it is
refused with a message that says so. The CLI and the TUI both open through
``open_database``; they never see migrations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.engine import Database
from db.errors import DatabaseError, SchemaOutOfDate
from db.schema_head import known_up_to_date
from db.urls import sqlite_url

__all__ = ["Database", "DatabaseUpgrade", "open_database", "sqlite_url", "upgrade_database"]


def open_database(url: str, *, progress: SearchKeysProgress | None = None) -> Database:
    """The database at ``url``, at the current schema (see the module's docstring).
    ``progress`` hears of the search keys an upgrade makes again."""
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
            refresh_search_keys(database, progress)
    except BaseException:
        database.dispose()
        raise
    return database


SearchKeysProgress = Callable[[int, int], None]
"""Told (claims done, claims to do) after each batch of search keys made again."""


def refresh_search_keys(database: Database, progress: SearchKeysProgress | None = None) -> int:
    """Make again, by today's rules, the search keys older rules made (after an
    upgrade: ``claims.review.search.SEARCH_VERSION``); how many were made."""
    from claims.review.search import BATCH, reindex_stale, stale_count

    with database.read() as session:
        total = stale_count(session)
    made = 0
    while made < total:
        # A transaction per batch: an interrupted run keeps what it did and
        # the next upgrade or open goes on from there.
        with database.write() as session:
            batch = reindex_stale(session, limit=BATCH)
        made += batch
        if progress is not None:
            progress(made, total)
        if batch < BATCH:
            break
    return made


@dataclass(frozen=True)
class DatabaseUpgrade:
    """What ``factdesk db upgrade`` did: the revisions it found and left (None: an
    empty database), and the claims whose search key it made again."""

    before: str | None
    after: str | None
    search_keys: int


def upgrade_database(url: str, *, progress: SearchKeysProgress | None = None) -> DatabaseUpgrade:
    """Apply every pending migration to the database at ``url``, then make again
    the search keys that older rules made."""
    from db.migrate import upgrade

    database = Database(url)
    try:
        # Read under the upgrade's lock: with several upgrades at once, one says it upgraded.
        done = upgrade(database.engine)
        return DatabaseUpgrade(done.before, done.after, refresh_search_keys(database, progress))
    finally:
        database.dispose()
