"""Database triggers that make a table append-only.

Snapshots, fetch records, bodies and review history are provenance: the
program never rewrites or deletes them. The triggers make that a property of
the database, so no code path (nor a stray SQL session) can break it.
Migrations call these; keep the SQL stable, old revisions depend on it.
"""

from __future__ import annotations

from alembic import op


def forbid_update_delete(table: str) -> None:
    """Install triggers on ``table`` that abort any UPDATE or DELETE."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
            )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION factdesk_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION factdesk_append_only()"
    )


def allow_update_delete(table: str) -> None:
    """Remove the triggers installed by :func:`forbid_update_delete` (downgrades)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
