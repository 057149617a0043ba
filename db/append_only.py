"""Database triggers that make a table append-only.

Snapshots, fetch records, bodies, evidence, quote anchors and review history
are provenance: the program never rewrites or deletes them. The triggers make
that a property of the database, so no code path (nor a stray SQL session)
can break it: UPDATE, DELETE, SQLite's REPLACE, upserts that update, and
PostgreSQL's TRUNCATE are all refused (tests/db/test_append_only.py tries each).

What they do not stop: someone who may change the schema (the owner of the
tables, or anyone who can write a SQLite file) can drop a trigger first.
Against that, run factdesk on PostgreSQL as a role that does not own the
tables; nothing in factdesk, its tests included, needs to switch them off.

SQLite drops a table's triggers when batch mode rebuilds the table: a
migration that rebuilds an append-only table must install them again.
Migrations call these; keep the SQL stable, old revisions depend on it.
"""

from __future__ import annotations

from collections.abc import Sequence

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


APPEND_ONLY_TABLES = (
    "body",
    "snapshot",
    "fetch_record",
    "evidence",
    "review_event",
    "quote_anchor",
    "fact_check",
    "fact_check_match",
    "queue_visit",
)
"""Every append-only table at head; a migration that adds one adds it here."""


def forbid_replace_truncate(
    table: str, unique_keys: Sequence[Sequence[str]], *, content_addressed: bool = False
) -> None:
    """Close the two ways around :func:`forbid_update_delete`.

    SQLite's ``INSERT OR REPLACE`` (and ``REPLACE INTO``) deletes the row it
    collides with without firing DELETE triggers, so a BEFORE INSERT trigger
    refuses any row whose ``unique_keys`` (every primary key and unique
    constraint of ``table``) match a stored row, before the conflict clause is
    looked at. Inside a trigger SQLite cannot tell REPLACE from ``ON CONFLICT
    DO NOTHING``; a ``content_addressed`` table (key = hash of the content)
    therefore skips such a row silently, which is what DO NOTHING means and
    leaves the stored row as it was; other tables abort, as a second row under
    an existing id is never honest. PostgreSQL has no REPLACE (its upsert runs
    the UPDATE trigger) but its TRUNCATE fires no row trigger: a statement
    trigger refuses it.
    """
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # Names come from the migrations, never from input.
        matches = " OR ".join(
            f"EXISTS (SELECT 1 FROM {table} WHERE "  # noqa: S608
            + " AND ".join(f'"{column}" = NEW."{column}"' for column in key)
            + ")"
            for key in unique_keys
        )
        action = "IGNORE" if content_addressed else f"ABORT, '{table} rows are append-only'"
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} WHEN {matches} "
            f"BEGIN SELECT RAISE({action}); END"
        )
        return
    op.execute(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION factdesk_append_only()"
    )


def allow_replace_truncate(table: str) -> None:
    """Remove the triggers installed by :func:`forbid_replace_truncate` (downgrades)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
