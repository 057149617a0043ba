"""Alembic environment: runs on the engine factdesk hands over (see db.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables on the metadata)
from db.errors import DatabaseError

engine = context.config.attributes["engine"]


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # Batch mode rebuilds a table by copy, drop and rename; with foreign keys
    # enforced, dropping a referenced table fails. SQLite ignores this pragma
    # inside a transaction, so it goes to the driver before Alembic begins.
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _sqlite_foreign_keys(connection, on=False)
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(
                    f"migration left {len(broken)} rows pointing nowhere ({broken[0]}); "
                    "the database was not changed — report this as a factdesk bug"
                )
    connection.commit()
    if sqlite:
        _sqlite_foreign_keys(connection, on=True)
