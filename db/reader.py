"""Running read-only SQL on a database, with or without SQLAlchemy.

Listing claims is what a person waits for at start-up (``factdesk claims``).
Importing SQLAlchemy alone costs a third of a
second of CPU, more than the rest of such a command; so the listing's SQL
(``claims.review.listing``) is plain text with ``:name`` parameters that runs
on anything satisfying :class:`Rows`:

- :func:`open_quick`: the driver's own connection (sqlite3, psycopg), opened
  from the database URL without importing SQLAlchemy. It answers only for a
  database that exists at the newest schema; otherwise it answers None and
  the caller opens the database the usual way (which creates, migrates or
  explains).
- :class:`SessionRows`: the connection of an open SQLAlchemy session, for
  callers that already hold one (the same SQL, the same driver values).

Values come back as the driver gives them: on SQLite, timestamps as text and
JSON as text; :func:`utc` and :func:`json_value` read both engines' forms.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from db.schema_head import CURRENT_REVISION, head_from_scripts, is_head

if TYPE_CHECKING:
    from sqlmodel import Session

Params = Mapping[str, Any]
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
SQLITE_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
"""How SQLAlchemy stores a naive UTC timestamp in SQLite (see ``db.types``)."""


class Rows(Protocol):
    """Something that runs a read-only statement and returns its rows."""

    dialect: str
    """``sqlite`` or ``postgresql``: what parameter values must look like."""

    def __call__(self, sql: str, params: Params) -> Sequence[Sequence[Any]]: ...


def driver_sql(sql: str, dialect: str) -> str:
    """``sql`` with ``:name`` parameters in the driver's style (psycopg: ``%(name)s``)."""
    if dialect == "sqlite":
        return sql  # sqlite3 reads :name itself
    return _NAMED.sub(r"%(\1)s", sql)


def timestamp_param(moment: datetime, dialect: str) -> Any:
    """A timestamp as a parameter compared with a stored ``UTCDateTime`` column."""
    utc_moment = moment.astimezone(UTC)
    if dialect == "sqlite":
        return utc_moment.replace(tzinfo=None).strftime(SQLITE_FORMAT)
    return utc_moment


def utc(value: Any) -> datetime:
    """A stored ``UTCDateTime`` as the driver returns it, as an aware UTC datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def json_value(value: Any) -> Any:
    """A stored JSON column as the driver returns it (text on SQLite, parsed on PostgreSQL)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


class SessionRows:
    """:class:`Rows` on the connection of an open session."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.dialect = session.get_bind().dialect.name

    def __call__(self, sql: str, params: Params) -> Sequence[Sequence[Any]]:
        connection = self._session.connection()
        result = connection.exec_driver_sql(driver_sql(sql, self.dialect), dict(params))
        return result.all()


class DriverRows:
    """:class:`Rows` on a driver connection of its own (see :func:`open_quick`)."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self._connection = connection
        self.dialect = dialect

    def __call__(self, sql: str, params: Params) -> Sequence[Sequence[Any]]:
        cursor = self._connection.cursor()
        try:
            cursor.execute(driver_sql(sql, self.dialect), dict(params))
            rows: list[Sequence[Any]] = cursor.fetchall()
            return rows
        finally:
            cursor.close()

    def close(self) -> None:
        self._connection.close()


def open_quick(url: str) -> DriverRows | None:
    """A read-only driver connection to the database at ``url``, when it exists at the
    newest schema; None for anything else (the caller then opens it with SQLAlchemy)."""
    scheme, _, rest = url.partition("://")
    backend = scheme.split("+", 1)[0]
    if head_from_scripts() is None or (backend == "sqlite" and "?" in rest):
        return None
    try:
        if backend == "sqlite":
            rows = _open_sqlite(rest)
        elif backend in ("postgresql", "postgres"):
            rows = _open_postgresql(f"postgresql://{rest}")
        else:
            return None
    except Exception:  # unreachable, unreadable: the usual path reports it in words
        return None
    if rows is None:
        return None
    try:
        current = [row[0] for row in rows(CURRENT_REVISION, {})]
    except Exception:  # no version table: a new database, the usual path migrates it
        current = []
    if not is_head(current):
        rows.close()
        return None
    return rows


def _open_sqlite(rest: str) -> DriverRows | None:
    # sqlite:///relative/path and sqlite:////absolute/path; sqlite:// is in memory.
    if not rest.startswith("/") or rest == "/":
        return None
    path = Path(rest[1:])
    if not path.is_file():
        return None  # a first run: the usual path creates it
    connection = sqlite3.connect(path, timeout=30.0, isolation_level=None)
    connection.execute("PRAGMA query_only = ON")
    return DriverRows(connection, "sqlite")


def _open_postgresql(conninfo: str) -> DriverRows:
    import psycopg

    connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
    return DriverRows(connection, "postgresql")
