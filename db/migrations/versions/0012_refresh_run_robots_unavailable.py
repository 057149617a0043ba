"""refresh_run.robots_unavailable: sources not fetched because robots.txt could not be read

Revision ID: 0012
Revises: 0014_watch_lists (chained after main's newest when main was merged in)
Create Date: 2026-11-30 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0014_watch_lists"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both engines: refresh_run has no append-only triggers.
    # The server default fills the runs recorded before (they counted these as failed).
    with op.batch_alter_table("refresh_run", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("robots_unavailable", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("refresh_run", schema=None) as batch_op:
        batch_op.drop_column("robots_unavailable")
