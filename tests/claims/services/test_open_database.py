"""Opening a database: SQLite upgrades itself, an out-of-date PostgreSQL is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claims.services.database import open_database, upgrade_database
from db.engine import Database
from db.errors import DatabaseError, SchemaOutOfDate
from db.migrate import head_revision, is_up_to_date
from db.schema_head import head_from_scripts, known_up_to_date


def test_the_quick_head_is_alembics_head(db_url: str) -> None:
    database = Database(db_url)
    try:
        assert head_from_scripts() == head_revision(database.engine)
        assert known_up_to_date(database.engine)
    finally:
        database.dispose()


def test_an_empty_database_is_not_known_up_to_date(empty_db_url: str) -> None:
    database = Database(empty_db_url)
    try:
        assert not known_up_to_date(database.engine)
    finally:
        database.dispose()


def test_opening_an_empty_database(empty_db_url: str) -> None:
    if empty_db_url.startswith("sqlite"):
        database = open_database(empty_db_url)
        try:
            assert is_up_to_date(database.engine)
        finally:
            database.dispose()
        return
    with pytest.raises(SchemaOutOfDate, match="factdesk db upgrade"):
        open_database(empty_db_url)
    done = upgrade_database(empty_db_url)
    assert (done.before, done.after) == (None, head_from_scripts())
    database = open_database(empty_db_url)
    try:
        with database.read() as session:
            version = session.connection().execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == head_from_scripts()
    finally:
        database.dispose()


def test_an_unreachable_server_is_one_line_that_hides_the_password() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql://reviewer:s3cret@127.0.0.1:1/factdesk")
    message = str(caught.value)
    assert "cannot open the database" in message
    assert "s3cret" not in message
    assert "\n" not in message
