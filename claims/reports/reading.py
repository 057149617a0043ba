"""How report queries read the database: plain rows, timestamps already as text.

An export of 100,000 claims reads about a million rows. Three costs dominate
once ORM objects are out of the way, and this module removes them:

- timestamps: every one becomes ``datetime.isoformat`` text in the report;
  the SQL formats it (:func:`iso_text`), so Python never parses or formats one;
- the claims of a page: a contiguous run of ids is matched with ``BETWEEN``
  (two bound values) instead of ``IN`` of a thousand, which SQLAlchemy would
  otherwise expand and bind one by one on every page; such a query is compiled
  once per export and its rows fetched as plain tuples by the driver, with no
  result processing, which is what its columns need (:meth:`Reader.of_claims`);

SQLite's read pragmas were measured too: a 64 MiB page cache or a memory-mapped
file changed the time of the 100,000-claim export by less than the noise of a
shared machine, and mapping adds the whole file to the resident set, so the
export reads with the connection's defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Text,
    bindparam,
    case,
    cast,
    func,
    literal,
    type_coerce,
)
from sqlalchemy.engine import Connection
from sqlmodel import Session


def iso_text(column: Any, *, sqlite: bool) -> ColumnElement[str]:
    """A UTC timestamp column as ``datetime.isoformat`` writes it, computed by the database.

    SQLite stores naive UTC as text ("2026-01-02 03:04:05.000123", always with
    the fraction); the space becomes "T", a zero fraction is dropped. Two
    ``replace`` calls cost half of cutting the text up with ``substr`` and
    gluing it back, and a report formats ~7 timestamps per claim. PostgreSQL's
    ``timestamptz`` is rendered in UTC by ``to_char``. Either way:
    "2026-01-02T03:04:05.000123+00:00", without the fraction when it is zero,
    exactly as ``isoformat`` does.
    """
    if sqlite:
        stored = type_coerce(column, String)
        # Only the fraction can hold ".000000": the rest is digits, "-", ":" and one space.
        return type_coerce(
            func.replace(func.replace(stored, " ", "T"), ".000000", "").concat("+00:00"),
            String,
        )
    utc = func.timezone("UTC", column)
    return type_coerce(
        func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
        .concat(
            case(
                (func.date_trunc("second", column) == column, literal("")),
                else_=func.to_char(utc, ".US"),
            )
        )
        .concat("+00:00"),
        String,
    )


AnySelect = Select[*tuple[Any, ...]]
"""A SELECT of any columns."""

ClaimFilter = Callable[[Any], ColumnElement[bool]]
"""Given a claim-id column, the condition that keeps the rows of a page's claims."""


class Reader:
    """Runs report queries at the SQL level: rows, not ORM objects."""

    def __init__(self, session: Session) -> None:
        self.connection: Connection = session.connection()
        self.sqlite = self.connection.dialect.name == "sqlite"
        self._compiled: dict[str, tuple[str, list[str] | None, dict[str, Any]]] = {}

    def ts(self, column: Any) -> ColumnElement[str]:
        """A timestamp column as ISO 8601 text (see :func:`iso_text`)."""
        return iso_text(column, sqlite=self.sqlite)

    def json(self, column: Any) -> ColumnElement[str]:
        """A JSON column as its text, on both engines: orjson decodes it several
        times faster than the json module SQLAlchemy and psycopg use."""
        return cast(column, Text)

    def all(self, query: Any) -> Sequence[Any]:
        return self.connection.execute(query).all()

    def of_claims(
        self, name: str, build: Callable[[ClaimFilter], AnySelect], ids: list[int]
    ) -> Sequence[Any]:
        """Rows of ``build(where)``, ``where`` keeping the rows of the claims ``ids`` (sorted).

        A page of a selection is usually a run of consecutive ids: then the
        query (compiled once under ``name``) asks for the range between the
        first and the last. Rows of claims in the range but not in the page
        come back too and are ignored by the caller (it looks rows up by
        claim id), so the range is only used while it holds at most twice the
        page; beyond that, the ids are listed.

        Every column of such a query must come back as the driver gives it
        (ints, floats, text, bytes): no result type is applied. Timestamps are made
        text by :meth:`ts`, JSON by :meth:`json`.
        """
        low, high = ids[0], ids[-1]
        if high - low >= 2 * len(ids):
            return self.all(build(lambda column: column.in_(ids)))
        compiled = self._compiled.get(name)
        if compiled is None:
            statement = build(
                lambda column: column.between(bindparam("fd_low", 0), bindparam("fd_high", 0))
            ).compile(dialect=self.connection.dialect, compile_kwargs={"render_postcompile": True})
            compiled = self._compiled[name] = (
                statement.string,
                statement.positiontup,
                dict(statement.params),
            )
        sql, order, params = compiled
        params["fd_low"], params["fd_high"] = low, high
        args = tuple(params[key] for key in order) if order is not None else params
        cursor = self.connection.connection.cursor()
        try:
            cursor.execute(sql, args)
            return cursor.fetchall()
        finally:
            cursor.close()
