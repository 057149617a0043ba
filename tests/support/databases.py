"""Fresh databases for tests: a SQLite file and, when configured, PostgreSQL.

Each test gets an empty, migrated database. Migrating once per session is
much faster than migrating per test: SQLite copies a migrated template file;
PostgreSQL clones a migrated template database for each test
(``CREATE DATABASE … TEMPLATE … STRATEGY WAL_LOG``, 0.2-0.4 s on a busy
two-core machine) and drops it afterwards. Emptying one database between tests
is not an option: the append-only tables refuse TRUNCATE and DELETE, and an
escape hatch for the test harness (a setting that turns the guard off) would
be one for anyone holding the database's credentials too. Tests that need a
database without a schema get a new, empty one.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from db.engine import make_engine
from db.migrate import upgrade
from db.urls import sqlite_url

PG_ENV = "FACTDESK_TEST_DATABASE_URL"


class PostgresUnavailable(Exception):
    pass


def postgres_base_url() -> str | None:
    """The PostgreSQL server tests may use, or None when not configured.

    In CI (``CI=true``) PostgreSQL is mandatory: missing configuration or an
    unreachable server raises, so the run fails instead of skipping half of it.
    """
    url = os.environ.get(PG_ENV)
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not url:
        if in_ci:
            raise PostgresUnavailable(f"CI=true but {PG_ENV} is not set")
        return None
    try:
        with psycopg.connect(_libpq(url), connect_timeout=5):
            pass
    except psycopg.OperationalError as exc:
        raise PostgresUnavailable(f"PostgreSQL at {url} is unreachable: {exc}") from exc
    return url


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def migrate_sqlite_template(directory: Path) -> Path:
    path = directory / "template.sqlite3"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def fresh_sqlite(template: Path | None, directory: Path) -> str:
    path = directory / f"factdesk-{uuid.uuid4().hex[:8]}.sqlite3"
    if template is not None:
        shutil.copyfile(template, path)
    return sqlite_url(path)


class PostgresServer:
    """Creates and drops per-test databases on one PostgreSQL server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.prefix = f"fdt_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template: str | None = None
        self.created: list[str] = []

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(_libpq(self.base_url), autocommit=True)

    def create(self, *, migrated: bool) -> str:
        name = f"{self.prefix}_{len(self.created)}"
        with self._admin() as conn:
            if migrated:
                if self.template is None:
                    self.template = f"{self.prefix}_tpl"
                    conn.execute(
                        sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.template))
                    )
                    engine = make_engine(_with_database(self.base_url, self.template))
                    upgrade(engine)
                    engine.dispose()
                conn.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY WAL_LOG").format(
                        sql.Identifier(name), sql.Identifier(self.template)
                    )
                )
            else:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.created.append(name)
        return _with_database(self.base_url, name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        assert name is not None
        with self._admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def close(self) -> None:
        if self.template:
            with self._admin() as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(self.template)
                    )
                )


@contextmanager
def postgres_server() -> Iterator[PostgresServer | None]:
    base = postgres_base_url()
    if base is None:
        yield None
        return
    server = PostgresServer(base)
    try:
        yield server
    finally:
        server.close()
