"""queue_visit: when each reviewer opened and left the claim queue (append-only)

Revision ID: 0015_queue_visits
Revises: 0012
Create Date: 2026-11-30 19:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db.append_only import (
    allow_replace_truncate,
    allow_update_delete,
    forbid_replace_truncate,
    forbid_update_delete,
)

revision: str = "0015_queue_visits"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "queue_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=120), nullable=False),
        sa.Column("event", sa.String(length=8), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_queue_visit_reviewer_at", "queue_visit", ["reviewer", "at"])
    forbid_update_delete("queue_visit")
    forbid_replace_truncate("queue_visit", [["id"]])


def downgrade() -> None:
    allow_replace_truncate("queue_visit")
    allow_update_delete("queue_visit")
    op.drop_index("ix_queue_visit_reviewer_at", table_name="queue_visit")
    op.drop_table("queue_visit")
