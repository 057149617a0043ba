"""Fixtures shared by every test folder.

Database tests take ``database`` (or ``db_url``) and run twice: on a SQLite
file and on PostgreSQL. PostgreSQL runs when FACTDESK_TEST_DATABASE_URL is set;
with CI=true it must be set and reachable, or the run fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database
from tests.support.databases import (
    PostgresServer,
    PostgresUnavailable,
    fresh_sqlite,
    migrate_sqlite_template,
    postgres_server,
)

pytest_plugins = ["tests.support.httpserver", "tests.support.cli"]

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True, scope="session")
def _signing_key_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Bundles made by tests are signed with a key of the test run, never the user's own."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("signing") / "bundle-signing-key.pem"
        patch.setenv("FACTDESK_SIGNING_KEY", str(path))
        yield


@pytest.fixture(autouse=True, scope="session")
def _cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The language model cache of a test run stays in the run's temp folder, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTDESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrate_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def _postgres() -> Iterator[PostgresServer | None]:
    try:
        with postgres_server() as server:
            yield server
    except PostgresUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)


def _url_for(request: pytest.FixtureRequest, tmp_path: Path, *, migrated: bool) -> Iterator[str]:
    backend: str = request.param
    if backend == "sqlite":
        template = request.getfixturevalue("_sqlite_template") if migrated else None
        yield fresh_sqlite(template, tmp_path)
        return
    server: PostgresServer | None = request.getfixturevalue("_postgres")
    if server is None:
        pytest.skip("PostgreSQL not configured: set FACTDESK_TEST_DATABASE_URL")
    url = server.create(migrated=migrated)
    try:
        yield url
    finally:
        server.drop(url)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, migrated database (SQLite, then PostgreSQL)."""
    yield from _url_for(request, tmp_path, migrated=True)


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database with no schema at all."""
    yield from _url_for(request, tmp_path, migrated=False)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """A fresh, migrated :class:`Database`; disposed after the test."""
    db = Database(db_url)
    yield db
    db.dispose()
