"""claim index: reviewers' corrections, claim groups and a folded search key

Revision ID: 0009
Revises: 0008_append_only
Create Date: 2026-11-30 16:45:00.000000
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008_append_only"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_DROP = frozenset(
    " -\u2010\u2011\u2012\u2013\u2014'\u2019\u2018`\u00b4.,;:!?|/()[]\u00b7"
    '"\u00ab\u00bb\u201c\u201d'
)
_DROP_CATEGORIES = frozenset({"Mn", "Zs", "Zl", "Zp", "Cc", "Cf"})


def _search_key(*parts: str | None) -> str:
    # A frozen copy of claims.review.search.search_key: a migration must give
    # the same result whatever the code becomes later.
    folded = []
    for part in parts:
        if not part:
            continue
        text = unicodedata.normalize("NFKD", part.casefold())
        folded.append(
            "".join(
                ch
                for ch in text
                if ch not in _DROP and unicodedata.category(ch) not in _DROP_CATEGORIES
            )
        )
    return "|".join(folded)


def upgrade() -> None:
    op.create_table(
        "claim_index",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("corrections", sa.JSON(), nullable=False),
        sa.Column("search", sa.Text(), server_default="", nullable=False),
        sa.Column("claimant_key", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    with op.batch_alter_table("claim_index", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_index_group_id"), ["group_id"], unique=False)
    _backfill()


def _backfill() -> None:
    """Index the claims already stored: search keys, and identical sentences grouped."""
    conn = op.get_bind()
    notes: dict[int, list[str]] = {}
    for claim_id, text in conn.execute(
        sa.text("SELECT claim_id, text FROM review_event WHERE action = 'note'")
    ):
        notes.setdefault(claim_id, []).append(text or "")
    for claim_id, quote in conn.execute(sa.text("SELECT claim_id, exact FROM evidence")):
        notes.setdefault(claim_id, []).append(quote or "")
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    rows = list(
        conn.execute(sa.text("SELECT id, text, claimant, fingerprint FROM claim ORDER BY id"))
    )
    for claim_id, _text, _claimant, fingerprint in rows:
        first.setdefault(fingerprint, claim_id)
        counts[fingerprint] = counts.get(fingerprint, 0) + 1
    table = sa.table(
        "claim_index",
        sa.column("claim_id", sa.Integer),
        sa.column("group_id", sa.Integer),
        sa.column("corrections", sa.JSON),
        sa.column("search", sa.Text),
        sa.column("claimant_key", sa.Text),
    )
    batch = []
    for claim_id, text, claimant, fingerprint in rows:
        batch.append(
            {
                "claim_id": claim_id,
                "group_id": first[fingerprint] if counts[fingerprint] > 1 else None,
                "corrections": {},
                "search": _search_key(text, claimant, *notes.get(claim_id, [])),
                "claimant_key": _search_key(claimant),
            }
        )
        if len(batch) >= 5000:
            op.bulk_insert(table, batch)
            batch = []
    if batch:
        op.bulk_insert(table, batch)


def downgrade() -> None:
    with op.batch_alter_table("claim_index", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_index_group_id"))
    op.drop_table("claim_index")
