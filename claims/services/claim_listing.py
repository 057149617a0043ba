"""Lists of claims for the CLI and the TUI: on an open database, or quickly at start-up.

The listing itself (filters, order, pages) is ``claims.review.listing``; this
module says what it runs on. :func:`quick_rows` is for a process's first list
(``factdesk claims``; the TUI's first page goes through ``lazy_database``): it
reads through the driver without importing SQLAlchemy when the database is
ready, and otherwise opens it the usual way (``open_database`` creates,
migrates or explains).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from db.reader import Rows, open_quick

if TYPE_CHECKING:
    from db.engine import Database


@contextmanager
def rows_of(database: Database) -> Iterator[Rows]:
    """The listing's rows on an open database (one read transaction)."""
    from db.reader import SessionRows

    with database.read() as session:
        yield SessionRows(session)


@contextmanager
def driver_rows(url: str) -> Iterator[Rows | None]:
    """The driver's own rows on the database at ``url`` when it is at the newest
    schema (closed after use); None otherwise."""
    quick = open_quick(url)
    try:
        yield quick
    finally:
        if quick is not None:
            quick.close()


@contextmanager
def quick_rows(url: str) -> Iterator[Rows]:
    """The listing's rows on the database at ``url``, SQLAlchemy loaded only when needed."""
    with driver_rows(url) as quick:
        if quick is not None:
            yield quick
            return
    from claims.services.database import open_database

    database = open_database(url)
    try:
        with rows_of(database) as rows:
            yield rows
    finally:
        database.dispose()
