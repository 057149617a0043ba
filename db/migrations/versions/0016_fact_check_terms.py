"""fact_check_terms, watch.indexed_fetch_id and watch.feed_kind; watched feeds are kind feed

fact_check_terms keeps each fact-check's key terms and figures for matching.

Revision ID: 0016_fact_check_terms
Revises: 0015_queue_visits
Create Date: 2026-11-30 19:45:00.000000

Existing fact-checks get their terms lazily: the next match that reads the
index in a write transaction (ingest, `factchecks import`, `factchecks match`)
stores the missing ones, once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_fact_check_terms"
down_revision: str | None = "0015_queue_visits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fact_check_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_check_id", sa.Integer(), nullable=False),
        sa.Column("analyser", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["fact_check_id"], ["fact_check.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fact_check_id", "analyser", name="uq_fact_check_terms"),
    )
    # A watch of a sitemap index reads its children once per read of the index.
    # A watched feed's source was stored as kind http; it is a feed (SourceKind.FEED).
    op.execute("UPDATE source SET kind = 'feed' WHERE id IN (SELECT source_id FROM watch)")
    with op.batch_alter_table("watch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("indexed_fetch_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("feed_kind", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE source SET kind = 'http' WHERE kind = 'feed'")
    with op.batch_alter_table("watch", schema=None) as batch_op:
        batch_op.drop_column("feed_kind")
        batch_op.drop_column("indexed_fetch_id")
    op.drop_table("fact_check_terms")
