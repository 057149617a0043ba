"""source kind: how a source is read (http, file, stdin) or what it is (pdf)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
# Written on 0008_append_only; chained after main's 0014_watch_lists when main
# was merged into this branch, so that the schema has one head.
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Rows stored before kinds were: the address says how they were read (no PDF
# could be ingested before this revision, so none is one).
BACKFILL = """
UPDATE source SET kind = CASE
    WHEN url LIKE 'file:%' THEN 'file'
    WHEN url LIKE 'stdin:%' THEN 'stdin'
    ELSE 'http'
END
"""


def upgrade() -> None:
    # The server default fills existing rows at once on both engines; the
    # backfill then corrects local files and stdin.
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=8), nullable=False, server_default="http")
        )
    op.execute(BACKFILL)


def downgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_column("kind")
