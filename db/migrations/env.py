"""Alembic environment: runs on the engine factdesk hands over (see db.migrate).

The whole upgrade is one transaction that excludes other upgrades before it
reads the version table: several processes may meet a new database at once
(the first use of a SQLite file upgrades it), and each must find either the
schema it started from or the finished one, never a half-made one. On SQLite
the transaction begins IMMEDIATE (the write lock; the others wait, up to the
busy timeout); on PostgreSQL it takes a transaction-level advisory lock. A
waiting upgrade then finds the schema at head and does nothing.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables on the metadata)
from db.engine import WRITE_OPTION
from db.errors import DatabaseError

engine = context.config.attributes["engine"]
# Any constant all factdesk processes share: "fdmg" in ASCII.
UPGRADE_LOCK = 0x6664_6D67


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
    # Begun here, before Alembic's context: Alembic then runs every migration in
    # it (rather than one transaction per migration on SQLite, which would let
    # another process in between two of them) and leaves the commit to us.
    connection.execution_options(**{WRITE_OPTION: True}).begin()
    if not sqlite:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK})")
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
    )
    with context.begin_transaction():
        # What this upgrade found and left, read under the lock (for `db upgrade`).
        found = context.get_context().get_current_revision()
        context.config.attributes["revision_before"] = found
        context.run_migrations()
        context.config.attributes["revision_after"] = context.get_context().get_current_revision()
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
