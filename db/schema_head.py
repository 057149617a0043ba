"""Is a database at the newest schema? Answered without loading Alembic.

Alembic's own answer (``db.migrate.is_up_to_date``) imports Alembic and every
migration script, two thirds of a second of CPU that each command paid before
reading a row. The head is read here from the scripts' ``revision`` and
``down_revision`` lines, the current revision with one query; anything
unusual (several heads, no version table) answers "not known" and the caller
asks Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

VERSIONS = Path(__file__).parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|None)', re.M)


@cache
def head_from_scripts() -> str | None:
    """The one revision no script builds on; None when there is not exactly one."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in VERSIONS.glob("*.py"):
        found = dict(
            (name, value) for name, value in _ASSIGNMENT.findall(script.read_text("utf-8"))
        )
        if "revision" not in found:
            continue
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


CURRENT_REVISION = "SELECT version_num FROM alembic_version"
"""The query both readers (SQLAlchemy here, the driver in ``db.reader``) ask."""


def is_head(current: list[str]) -> bool:
    """Whether the revisions ``CURRENT_REVISION`` returned are exactly the head."""
    head = head_from_scripts()
    return head is not None and current == [head]


def known_up_to_date(engine: Engine) -> bool:
    """True when the database is surely at the head; False means "ask Alembic"."""
    if head_from_scripts() is None:
        return False
    from sqlalchemy import text  # here: db.reader reads the head without SQLAlchemy

    try:
        with engine.connect() as connection:
            current = connection.execute(text(CURRENT_REVISION)).all()
    except Exception:  # no version table yet, or not readable: Alembic decides
        return False
    return is_head([row[0] for row in current])
