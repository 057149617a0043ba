"""fact checks: the local index of earlier fact-checks, and claims matched to them

Revision ID: 0011_fact_checks
Revises: 0010
Create Date: 2026-11-30 16:35:42.866131
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

revision: str = "0011_fact_checks"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Another organisation's published review, and what the matcher said when a claim
# was stored: both are records, never rewritten.
# Every primary key and unique constraint: a REPLACE colliding with one would delete.
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "fact_check": (("id",), ("key",)),
    "fact_check_match": (("id",), ("claim_id", "fact_check_id")),
}


def upgrade() -> None:
    op.create_table(
        "fact_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("claim_reviewed", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(), nullable=True),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("best_rating", sa.Float(), nullable=True),
        sa.Column("worst_rating", sa.Float(), nullable=True),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("author_url", sa.String(), nullable=True),
        sa.Column("claimant", sa.String(), nullable=True),
        sa.Column("date_published", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("imported_from", sa.Text(), nullable=False),
        sa.Column("item", sa.JSON(), nullable=False),
        sa.Column("imported_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "fact_check_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("fact_check_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("matcher", sa.String(length=120), nullable=False),
        sa.Column("matched_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["fact_check_id"], ["fact_check.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "fact_check_id", name="uq_fact_check_match"),
    )
    with op.batch_alter_table("fact_check_match", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fact_check_match_claim_id"), ["claim_id"], unique=False
        )
    for table, keys in UNIQUE_KEYS.items():
        forbid_update_delete(table)
        forbid_replace_truncate(table, keys)


def downgrade() -> None:
    for table in UNIQUE_KEYS:
        allow_replace_truncate(table)
        allow_update_delete(table)
    with op.batch_alter_table("fact_check_match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fact_check_match_claim_id"))
    op.drop_table("fact_check_match")
    op.drop_table("fact_check")
