"""Every way SQL offers to rewrite history fails on every append-only table.

Each attack runs on a database holding one row of each append-only table, in
its own transaction, on SQLite and PostgreSQL. It must leave every row as it
was; where the engine can say no, it must say no ("… rows are append-only").
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from db.append_only import APPEND_ONLY_TABLES
from db.bodies import body_insert, body_row, store_body
from db.engine import Database
from db.models import (
    Claim,
    Evidence,
    FactCheck,
    FactCheckMatch,
    FetchRecord,
    QueueVisit,
    QuoteAnchor,
    ReviewEvent,
    Snapshot,
    Source,
)

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
TEXT = "Le Maroc compte 20.000 coopératives."

Rows = dict[str, list[tuple[object, ...]]]


def _rows(database: Database) -> Rows:
    with database.engine.connect() as conn:
        return {
            table: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
            for table in APPEND_ONLY_TABLES
        }


@pytest.fixture
def history(database: Database) -> Database:
    """A database holding one row in every append-only table (two snapshots)."""
    with database.write() as session:
        source = Source(url="https://news.example/coops")
        session.add(source)
        session.flush()
        assert source.id is not None
        digest = store_body(session, TEXT.encode())
        snapshots = []
        for _ in range(2):
            snap = Snapshot(
                source_id=source.id,
                fetched_at=NOW,
                final_url=source.url,
                media_type="text/plain",
                body_sha256=digest,
                body_size=len(TEXT.encode()),
                text=TEXT,
                text_sha256=digest,
                extractor="test",
            )
            session.add(snap)
            session.flush()
            snapshots.append(snap)
        first, second = (s.id for s in snapshots)
        assert first is not None
        assert second is not None
        session.add(
            FetchRecord(
                source_id=source.id,
                requested_url=source.url,
                via="http",
                started_at=NOW,
                outcome="stored",
                body_sha256=digest,
                snapshot_id=first,
            )
        )
        claim = Claim(
            snapshot_id=first,
            source_id=source.id,
            text=TEXT,
            start=0,
            end=len(TEXT),
            exact=TEXT,
            kind="numeric",
            fingerprint="f",
            extractor="test",
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        evidence = Evidence(
            claim_id=claim.id,
            snapshot_id=second,
            source_id=source.id,
            stance="supports",
            exact=TEXT,
            start=0,
            end=len(TEXT),
            anchor_method="exact",
            added_by="amina",
        )
        session.add(evidence)
        session.flush()
        session.add(
            ReviewEvent(
                claim_id=claim.id,
                version=1,
                reviewer="amina",
                action="note",
                text="first look",
                evidence_id=evidence.id,
            )
        )
        session.add(
            QuoteAnchor(
                claim_id=claim.id,
                snapshot_id=second,
                previous_snapshot_id=first,
                status="unchanged",
            )
        )
        factcheck = FactCheck(
            key="k" * 64, claim_reviewed=TEXT, imported_from="test", item={"claimReviewed": TEXT}
        )
        session.add(factcheck)
        session.flush()
        assert factcheck.id is not None
        session.add(
            FactCheckMatch(claim_id=claim.id, fact_check_id=factcheck.id, score=0.9, matcher="test")
        )
        session.add(QueueVisit(reviewer="amina", event="open", at=NOW))
    assert all(_rows(database).values())
    return database


def _attempt(database: Database, *statements: str) -> str | None:
    """Run ``statements`` in one transaction; the error message, or None if they ran."""
    try:
        with database.engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    except DBAPIError as exc:
        return str(exc.orig)
    return None


def _columns(database: Database, table: str) -> list[str]:
    return [c["name"] for c in inspect(database.engine).get_columns(table)]


def _unique_keys(database: Database, table: str) -> list[list[str]]:
    inspector = inspect(database.engine)
    keys: list[list[str]] = [list(inspector.get_pk_constraint(table)["constrained_columns"])]
    keys += [list(u["column_names"]) for u in inspector.get_unique_constraints(table)]
    unique = [i for i in inspector.get_indexes(table) if i["unique"]]
    keys += [[str(c) for c in i["column_names"]] for i in unique]
    return keys


def _copy(database: Database, table: str, *, replace: dict[str, str] | None = None) -> str:
    """SELECT the stored row(s) again, with some columns replaced by SQL expressions."""
    replace = replace or {}
    columns = _columns(database, table)
    values = ", ".join(replace.get(c, f'"{c}"') for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    return f"({names}) SELECT {values} FROM {table} WHERE 1 = 1"


def _forged(database: Database, table: str) -> dict[str, str]:
    """A change to one column that is no part of any key: the forgery."""
    keyed = {c for key in _unique_keys(database, table) for c in key}
    column = next(
        c["name"]
        for c in inspect(database.engine).get_columns(table)
        if c["name"] not in keyed and c["name"] != "id" and c["type"].python_type is str
    )
    return {column: "'forged'"}


def _attacks(database: Database, table: str) -> dict[str, list[str]]:
    sqlite = database.is_sqlite
    pk = _unique_keys(database, table)[0]
    forged = _forged(database, table)
    column = next(iter(forged))
    attacks = {
        "update": [f"UPDATE {table} SET \"{column}\" = 'forged'"],
        "update to itself": [f'UPDATE {table} SET "{pk[0]}" = "{pk[0]}"'],
        "delete one": [f'DELETE FROM {table} WHERE 1 = 1 AND "{pk[0]}" IS NOT NULL'],
        "delete all": [f"DELETE FROM {table}"],
        "upsert": [
            f"INSERT INTO {table} {_copy(database, table, replace=forged)} "
            f'ON CONFLICT ({", ".join(pk)}) DO UPDATE SET "{column}" = excluded."{column}"'
        ],
        "delete then insert again": [
            f"DELETE FROM {table}",
            f"INSERT INTO {table} {_copy(database, table, replace=forged)}",
        ],
    }
    if sqlite:
        attacks["insert or replace"] = [
            f"INSERT OR REPLACE INTO {table} {_copy(database, table, replace=forged)}"
        ]
        attacks["replace into"] = [f"REPLACE INTO {table} {_copy(database, table, replace=forged)}"]
        attacks["update or replace"] = [f"UPDATE OR REPLACE {table} SET \"{column}\" = 'forged'"]
        # A REPLACE that collides with a unique constraint, not the primary key.
        for key in _unique_keys(database, table)[1:]:
            fresh = {**forged, pk[0]: f'"{pk[0]}" + 1000'}
            attacks[f"replace on {'+'.join(key)}"] = [
                f"INSERT OR REPLACE INTO {table} {_copy(database, table, replace=fresh)}"
            ]
    else:
        attacks["truncate"] = [f"TRUNCATE {table}"]
        attacks["truncate cascade"] = [f"TRUNCATE {table} CASCADE"]
        attacks["truncate restart identity"] = [f"TRUNCATE {table} RESTART IDENTITY CASCADE"]
        attacks["truncate the source table"] = ["TRUNCATE source CASCADE"]
        attacks["merge"] = [
            f"MERGE INTO {table} AS t USING (SELECT * FROM {table}) AS s "
            f'ON t."{pk[0]}" = s."{pk[0]}" WHEN MATCHED THEN DELETE'
        ]
    return attacks


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_no_statement_rewrites_or_removes_an_append_only_row(history: Database, table: str) -> None:
    before = _rows(history)
    attacks = _attacks(history, table)
    assert len(attacks) >= 7
    for name, statements in attacks.items():
        error = _attempt(history, *statements)
        assert _rows(history) == before, f"{table}: {name} rewrote history"
        inserts = statements[0].startswith(("INSERT", "REPLACE"))
        silent_ok = history.is_sqlite and table == "body" and inserts
        if error is None:
            # SQLite cannot tell REPLACE from ON CONFLICT DO NOTHING inside a
            # trigger: a content-addressed row is kept and the new one skipped.
            assert silent_ok, f"{table}: {name} was not refused"
        elif not silent_ok:
            # A plain TRUNCATE of a table other rows point to is refused for that
            # reason first; the CASCADE attacks reach the guard on every table.
            fk = name == "truncate" and "referenced in a foreign key" in error
            assert "append-only" in error or fk, f"{table}: {name}: {error}"


def test_a_replace_on_the_review_version_key_is_refused(history: Database) -> None:
    """The unique (claim_id, version) pair guards the order of review events too."""
    before = _rows(history)
    statement = (
        "INSERT INTO review_event (claim_id, version, at, reviewer, action, before, after, text) "
        "SELECT claim_id, version, at, 'forger', 'note', before, after, 'forged' FROM review_event"
    )
    if history.is_sqlite:
        statement = statement.replace("INSERT", "INSERT OR REPLACE", 1)
    error = _attempt(history, statement)
    assert error is not None
    assert _rows(history) == before


def test_the_body_store_still_stores_a_known_body_once(database: Database) -> None:
    raw = TEXT.encode()
    with database.write() as session:
        assert store_body(session, raw) == store_body(session, raw)
    # The same hash under other bytes (another codec, or a forgery): the first stays.
    other = body_row(raw)
    other["data"] = b"not what was stored"
    with database.write() as session:
        session.execute(body_insert(session), other)
    rows = _rows(database)["body"]
    assert len(rows) == 1
    assert b"not what was stored" not in [bytes(v) for v in rows[0] if isinstance(v, bytes)]


def test_honest_appends_still_work_after_the_attacks(history: Database) -> None:
    for statements in _attacks(history, "review_event").values():
        _attempt(history, *statements)
    with history.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO review_event (claim_id, version, at, reviewer, action, before, after,"
                " text) SELECT claim_id, 2, at, 'bilal', 'note', before, after, 'second look'"
                " FROM review_event"
            )
        )
    assert len(_rows(history)["review_event"]) == 2


def test_every_append_only_table_carries_every_guard(database: Database) -> None:
    if database.is_sqlite:
        query = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
    else:
        query = "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"
    with database.engine.connect() as conn:
        triggers = {(str(t), str(n)) for t, n in conn.execute(text(query))}
    guarded = {t for t, _ in triggers}
    assert guarded == set(APPEND_ONLY_TABLES)
    for table in APPEND_ONLY_TABLES:
        names = {n for t, n in triggers if t == table}
        if database.is_sqlite:
            assert names == {f"{table}_no_update", f"{table}_no_delete", f"{table}_no_replace"}
        else:
            assert names == {f"{table}_append_only", f"{table}_no_truncate"}
