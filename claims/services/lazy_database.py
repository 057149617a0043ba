"""A database opened on first use, so that the TUI's first page needs no SQLAlchemy.

Opening a database means importing SQLAlchemy, SQLModel and the ORM tables (about
half a second of CPU, more than a bare Textual app takes to paint) and checking
its schema. The queue's first page needs none of it: until something asks for
:attr:`LazyDatabase.database`, lists read through the driver
(``db.reader.open_quick``) when the database exists at the newest schema.
Anything else (writes, a claim's dossier, a database to create or migrate)
opens it the usual way (``open_database``), once, under a lock: screens ask
from their worker threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from claims.services.claim_listing import driver_rows, rows_of
from db.reader import Rows

if TYPE_CHECKING:
    from db.engine import Database


class LazyDatabase:
    """The database at ``url``, opened when first needed (or given open)."""

    def __init__(self, url: str, database: Database | None = None) -> None:
        self.url = url
        self._database = database
        self._lock = threading.Lock()

    @classmethod
    def of(cls, database: Database) -> LazyDatabase:
        return cls(database.url, database)

    @property
    def is_open(self) -> bool:
        return self._database is not None

    @property
    def database(self) -> Database:
        """The open database, at the current schema; opened on first use."""
        with self._lock:
            if self._database is None:
                from claims.services.database import open_database

                self._database = open_database(self.url)
            return self._database

    def ready(self) -> bool:
        """Whether the database exists at the newest schema (lists need no opening)."""
        with driver_rows(self.url) as quick:
            return quick is not None

    @contextmanager
    def rows(self) -> Iterator[Rows]:
        """Rows for the listing: the open database's, or the driver's until it is open."""
        if self._database is None:
            with driver_rows(self.url) as quick:
                if quick is not None:
                    yield quick
                    return
        with rows_of(self.database) as rows:
            yield rows

    def dispose(self) -> None:
        """Close the database's connections, if it was ever opened."""
        with self._lock:
            if self._database is not None:
                self._database.dispose()
