"""watch lists: followed feeds and sitemaps, and the article addresses they listed

Revision ID: 0014_watch_lists
Revises: 0011_fact_checks
Create Date: 2026-11-30 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0014_watch_lists"
down_revision: str | None = "0011_fact_checks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=16), nullable=True),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("per_pass_cap", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("removed_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id"),
    )
    op.create_table(
        "watch_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("first_seen_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lease_owner", sa.String(length=120), nullable=True),
        sa.Column("lease_expires_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_reason", sa.Text(), nullable=True),
        sa.Column("article_source_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["article_source_id"], ["source.id"]),
        sa.ForeignKeyConstraint(["watch_id"], ["watch.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("watch_id", "url", name="uq_watch_entry_url"),
    )
    op.create_index("ix_watch_entry_due", "watch_entry", ["state", "next_attempt_at"])
    op.create_index(op.f("ix_watch_entry_watch_id"), "watch_entry", ["watch_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_watch_entry_watch_id"), table_name="watch_entry")
    op.drop_index("ix_watch_entry_due", table_name="watch_entry")
    op.drop_table("watch_entry")
    op.drop_table("watch")
