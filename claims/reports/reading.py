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


_Compiled = tuple[str, list[str] | None, dict[str, Any] | None]
"""SQL text, the order of its positional parameters (None: named), and its bound
values (None: some need SQLAlchemy's bind processing)."""

_PLAIN = frozenset({int, float, str, bytes, type(None)})
"""Values every driver binds as SQLAlchemy would."""


class Reader:
    """Runs report queries at the SQL level: rows, not ORM objects."""

    def __init__(self, session: Session) -> None:
        self.connection: Connection = session.connection()
        self.sqlite = self.connection.dialect.name == "sqlite"
        self._compiled: dict[str, _Compiled] = {}

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
            )
            compiled = self._compile(name, statement)
        if compiled[2] is None:
            return self.all(build(lambda column: column.between(low, high)))
        return self._fetch(compiled, {"fd_low": low, "fd_high": high})

    def after(self, name: str, query: AnySelect, last: int) -> Sequence[Any]:
        """Rows of ``query``, a page of a keyset walk: its ``bindparam("last")`` set to ``last``.

        Like :meth:`of_claims`, compiled once under ``name`` and fetched as the
        driver's tuples (the same column rules apply), which spares building a
        SQLAlchemy row per claim. A query whose filters bind anything but plain
        numbers and text (a timestamp of ``--since``) needs SQLAlchemy's bind
        processing, and runs through it.
        """
        compiled = self._compiled.get(name)
        if compiled is None:
            compiled = self._compile(name, query)
        if compiled[2] is None:
            return self.connection.execute(query, {"last": last}).all()
        return self._fetch(compiled, {"last": last})

    def _compile(self, name: str, statement: AnySelect) -> _Compiled:
        done = statement.compile(
            dialect=self.connection.dialect, compile_kwargs={"render_postcompile": True}
        )
        params = dict(done.params)
        # Exact types: a str or int subclass (an enum) may be bound differently by the driver.
        plain = all(type(v) in _PLAIN for v in params.values())
        compiled = self._compiled[name] = (done.string, done.positiontup, params if plain else None)
        return compiled

    def _fetch(self, compiled: _Compiled, values: dict[str, Any]) -> Sequence[Any]:
        sql, order, bound = compiled
        assert bound is not None
        params = {**bound, **values}
        args = tuple(params[key] for key in order) if order is not None else params
        cursor = self.connection.connection.cursor()
        try:
            cursor.execute(sql, args)
            return cursor.fetchall()
        finally:
            cursor.close()
