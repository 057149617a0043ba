"""Database URLs factdesk writes itself (apart from ``db.engine``: no SQLAlchemy needed)."""

from __future__ import annotations

from pathlib import Path


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at ``path``."""
    return f"sqlite:///{path}"
