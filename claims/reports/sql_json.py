"""JSON text built by the database: one string per row instead of a Python dict.

The JSON report spends most of its time turning rows into dicts and dicts into
JSON. SQLite (``json_object``) and PostgreSQL (``json_build_object``) can
write an object's text themselves, in C, from the columns of the row; Python
then receives one string per row and splices strings together.

What each engine would get wrong is handled here:

- SQLite 3.40 writes a REAL with 15 significant digits, which loses some
  doubles (1/3); :meth:`JsonSql.number` writes 15 digits when they give the
  value back and 17 (always exact) otherwise. PostgreSQL writes the shortest
  exact text already (``20000`` for 20000.0: the same value once parsed).
- SQLite has no booleans (0 and 1); :meth:`JsonSql.flag` writes true/false.
- Stored JSON columns are text on SQLite and ``json`` on PostgreSQL;
  :meth:`JsonSql.embed` nests them as JSON, not as strings.
- Drivers would decode the text (and psycopg parse ``json``) only for Python
  to encode it again: :meth:`JsonSql.utf8` asks for its UTF-8 bytes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    LargeBinary,
    String,
    Text,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    type_coerce,
)

from claims.reports.reading import iso_text


class JsonSql:
    """Builders of JSON-valued SQL expressions for one dialect."""

    def __init__(self, *, sqlite: bool) -> None:
        self.sqlite = sqlite

    def obj(self, **fields: Any) -> ColumnElement[Any]:
        """A JSON object of ``fields`` (key -> SQL expression), keys in order."""
        args: list[Any] = []
        for key, value in fields.items():
            # Keys are this module's callers' identifiers: inlined, since
            # PostgreSQL cannot type a bound parameter passed to a variadic "any".
            assert key.isidentifier(), key
            args += [literal_column(f"'{key}'", String), value]
        return func.json_object(*args) if self.sqlite else func.json_build_object(*args)

    def const(self, value: str) -> Any:
        """A constant string of the caller's (a selector's type): inlined, not bound."""
        assert value.isidentifier(), value
        return literal_column(f"'{value}'", String)

    def array(self, *items: Any) -> ColumnElement[Any]:
        return func.json_array(*items) if self.sqlite else func.json_build_array(*items)

    def number(self, column: Any) -> ColumnElement[Any]:
        """A float column, exact once parsed (see the module docstring)."""
        if not self.sqlite:
            return column  # type: ignore[no-any-return]
        short = func.printf("%!.15g", column)
        whole = cast(column, Integer())
        # json_object writes a REAL itself as "%!.15g" does: most values are handed
        # over as they are, and only those 15 digits would not give back are
        # formatted (and parsed by json()) here. Formatting every value in SQL
        # and parsing it back cost ~12 % of the figures query (bench/README.md).
        return case(
            (column.is_(None), null()),
            # Most figures are whole (20000.0): they need no printf to be known exact.
            # Zero is left to the round-trip test: json_object writes -0.0 with its sign.
            ((column == whole) & (func.abs(column) < 1e15) & (column != 0), column),
            (cast(short, Float()) == column, column),
            else_=func.json(func.printf("%!.17g", column)),
        )

    def flag(self, column: Any) -> ColumnElement[Any]:
        """A boolean column as true/false."""
        if not self.sqlite:
            return column  # type: ignore[no-any-return]
        return func.json(
            case((column.is_(None), literal("null")), (column != 0, "true"), else_="false")
        )

    def embed(self, column: Any) -> ColumnElement[Any]:
        """A stored JSON column, nested as the JSON it holds."""
        if not self.sqlite:
            return column  # type: ignore[no-any-return]
        # A stored JSON null is handed over as SQL NULL, which json_object writes as
        # null too, and an empty array is made, without json() parsing either: most
        # review events have no "before" (~10 % of the history query), most claims
        # derive from nothing (bench/README.md).
        return case(
            (column == literal_column("'null'"), null()),
            (column == literal_column("'[]'"), func.json_array()),
            else_=func.json(column),
        )

    def ts(self, column: Any) -> ColumnElement[str]:
        """A timestamp as ``datetime.isoformat`` text (see :func:`iso_text`)."""
        return iso_text(column, sqlite=self.sqlite)

    def utf8(self, expression: Any) -> Any:
        """The JSON expression's text as UTF-8 bytes: what the report writes, with
        no decoding by the driver and encoding again by Python in between (and
        no parsing of a ``json`` result by psycopg)."""
        if self.sqlite:
            return cast(expression, LargeBinary)
        utf8 = func.convert_to(cast(expression, Text), literal_column("'UTF8'"))
        return type_coerce(utf8, LargeBinary)
