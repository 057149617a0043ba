"""derived claims: kind 'derived' and their reasoning

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00.000000

Claims stored by the first deriver (extractor ``factdesk-derived/1``) were kind
'numeric' with their reasoning inside ``subject`` ("about 40,000 coopératives
(implied: 20.000 is 50 pc …)"). They become kind 'derived' with the reasoning in
its own column. Those that name no figure (``derived_from`` empty) were computed
from figures of another sentence: they are kept, as reviewers may have worked on
them, but their reasoning says not to rely on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMPLIED = re.compile(r"^(?P<total>.*?) \(implied: (?P<reason>.*)\)$", re.DOTALL)
ORPHAN = (
    "Computed by factdesk-derived/1 from figures outside this sentence: "
    "do not rely on it. It said: "
)

claim = sa.table(
    "claim",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("subject", sa.String),
    sa.column("extractor", sa.String),
    sa.column("derived_from", sa.JSON),
    sa.column("reasoning", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reasoning", sa.Text(), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(claim.c.id, claim.c.subject, claim.c.derived_from).where(
            claim.c.extractor == "factdesk-derived/1"
        )
    ).all()
    for id_, subject, derived_from in rows:
        match = _IMPLIED.match(subject or "")
        total, reason = (match["total"], match["reason"]) if match else (subject, subject or "")
        if not derived_from:
            reason = ORPHAN + reason
        bind.execute(
            claim.update()
            .where(claim.c.id == id_)
            .values(kind="derived", subject=total, reasoning=reason)
        )


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(claim.c.id, claim.c.subject, claim.c.reasoning).where(claim.c.kind == "derived")
    ).all()
    for id_, subject, reasoning in rows:
        reason = (reasoning or "").removeprefix(ORPHAN)
        bind.execute(
            claim.update()
            .where(claim.c.id == id_)
            .values(kind="numeric", subject=f"{subject} (implied: {reason})")
        )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("reasoning")
