"""append-only tables refuse REPLACE (SQLite) and TRUNCATE (PostgreSQL)

Revision ID: 0008_append_only
Revises: 0007
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from db.append_only import allow_replace_truncate, forbid_replace_truncate

revision: str = "0008_append_only"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every primary key and unique constraint of each append-only table, as they
# stand at this revision: a REPLACE that collides with any of them deletes.
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "body": (("sha256",),),
    "snapshot": (("id",),),
    "fetch_record": (("id",),),
    "evidence": (("id",),),
    "review_event": (("id",), ("claim_id", "version")),
    "quote_anchor": (("id",),),
}
CONTENT_ADDRESSED = {"body"}


def upgrade() -> None:
    for table, keys in UNIQUE_KEYS.items():
        forbid_replace_truncate(table, keys, content_addressed=table in CONTENT_ADDRESSED)


def downgrade() -> None:
    for table in UNIQUE_KEYS:
        allow_replace_truncate(table)
