"""Alembic, driven from code: the only way factdesk's schema is made or changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables on the metadata)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["engine"] = engine
    return config


@dataclass(frozen=True)
class Upgraded:
    """The revisions an upgrade found and left (None: an empty database)."""

    before: str | None
    after: str | None


def upgrade(engine: Engine, revision: str = "head") -> Upgraded:
    """Apply migrations up to ``revision``.

    Safe when several processes upgrade one database at once (the first use
    of a new SQLite file by several commands, say): the migration
    environment holds a lock for the whole upgrade, so one process migrates
    and the others wait, then find nothing to do.
    """
    config = alembic_config(engine)
    command.upgrade(config, revision)
    return Upgraded(config.attributes["revision_before"], config.attributes["revision_after"])


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)


def pending_differences(engine: Engine) -> list[object]:
    """What autogenerate would still change: empty when migrations match the models."""
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, SQLModel.metadata))
