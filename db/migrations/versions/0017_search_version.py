"""claim_index.search_version: which rules made each claim's search key

Revision ID: 0017_search_version
Revises: 0016_fact_check_terms
Create Date: 2026-12-01 11:15:00.000000

Every stored key is from before versions (0): the application re-indexes the
stale ones right after an upgrade (``claims.services.database``), with the
folding and the fields of its own version. The rules live in application
code, which a migration never imports: it only marks what is out of date.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_search_version"
down_revision: str | None = "0016_fact_check_terms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim_index", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_version", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_index("ix_claim_index_search_version", ["search_version"])


def downgrade() -> None:
    with op.batch_alter_table("claim_index", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_index_search_version")
        batch_op.drop_column("search_version")
