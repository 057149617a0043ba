"""Engines and sessions from a database URL.

SQLite (the embedded default) runs in WAL mode with foreign keys and a busy
timeout. Write transactions start with ``BEGIN IMMEDIATE``: a deferred
transaction that later upgrades to a writer fails at once with "database is
locked" when another process committed in between, whatever the busy timeout;
taking the write lock up front makes the second writer wait instead. Reads
stay deferred so that a TUI reading never blocks a refresh job writing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session

from db.errors import BadDatabaseURL

SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "factdesk_write"
"""Execution option: on SQLite, a transaction begun with it is ``BEGIN IMMEDIATE``."""


def normalise_url(url: str) -> URL:
    """Parse ``url``; PostgreSQL URLs go through psycopg 3 whatever driver they name."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise BadDatabaseURL(
            f"{url!r} is not a database URL; use sqlite:///path/to/file.db "
            "or postgresql://user@host/dbname"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite")
    raise BadDatabaseURL(
        f"{url}: factdesk supports SQLite and PostgreSQL only; "
        "use sqlite:///path/to/file.db or postgresql://user@host/dbname"
    )


def _switch_to_wal(cursor: Any) -> None:
    """Put the file in WAL mode, waiting for a lock as long as the busy timeout.

    Leaving rollback-journal mode needs an exclusive lock, and SQLite fails
    at once ("database is locked") instead of calling the busy handler when
    another connection holds one: processes meeting a new file collide here.
    """
    give_up = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > give_up:
                raise
            time.sleep(0.01)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to the "begin" hook below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite file or PostgreSQL), configured for factdesk."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


@dataclass
class Database:
    """An engine plus the two ways to open a session: to read, and to write."""

    url: str
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = make_engine(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Closing (not rolling back) ends the transaction without expiring the
        objects read, so callers can use them after the block.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            session.connection(execution_options={WRITE_OPTION: True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()
