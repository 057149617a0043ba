"""Migrations make the schema, and the schema matches the models."""

from __future__ import annotations

from sqlalchemy import inspect

from db.engine import make_engine
from db.migrate import current_revision, head_revision, pending_differences, upgrade


def test_upgrade_head_on_fresh_database_leaves_no_autogenerate_diff(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        assert {"source", "snapshot", "fetch_record", "body"} <= set(
            inspect(engine).get_table_names()
        )
        assert pending_differences(engine) == []
    finally:
        engine.dispose()


def test_upgrade_twice_is_a_no_op(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine)
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
    finally:
        engine.dispose()
