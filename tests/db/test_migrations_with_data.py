"""Upgrading a database that already holds data keeps every row."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import make_engine
from db.migrate import current_revision, head_revision, pending_differences, upgrade

SOURCE = "INSERT INTO source (id, url, created_at, health, check_interval_s, consecutive_failures) "
SOURCE += "VALUES (1, 'https://news.example/a', :now, 'ok', 86400, 0)"
BODY = "INSERT INTO body (sha256, size, codec, data, created_at) "
BODY += "VALUES (:sha, 4, 'zlib', :data, :now)"
SNAPSHOT = (
    "INSERT INTO snapshot (id, source_id, fetched_at, final_url, http_status, headers, media_type,"
    " charset, charset_source, replaced_bytes, body_sha256, body_size, text, text_sha256, jsonld,"
    " extractor, created_at) VALUES (1, 1, :now, 'https://news.example/a', 200, '[]',"
    " 'text/html', 'utf-8', 'header', :false, :sha, 4, 'Il y a 20.000 coopératives.', :sha, '[]',"
    " 'test', :now)"
)
FETCH = (
    "INSERT INTO fetch_record (id, source_id, requested_url, via, started_at, elapsed_ms,"
    " outcome, redirects, body_sha256, snapshot_id, worker) VALUES (1, 1,"
    " 'https://news.example/a', 'http', :now, 5, 'stored', '[]', :sha, 1, 'test')"
)
CLAIM = (
    'INSERT INTO claim (id, snapshot_id, source_id, text, start, "end", spans, exact, prefix,'
    " suffix, kind, checkworthiness, fingerprint, extractor, created_at) VALUES (1, 1, 1,"
    " 'Il y a 20.000 coopératives.', 0, 27, '[[0, 27]]', 'Il y a 20.000 coopératives.', '', '',"
    " 'numeric', 0.9, 'f', 'test', :now)"
)


def test_upgrade_keeps_rows_stored_by_earlier_revisions(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    values = {"now": "2026-01-01 00:00:00", "sha": "a" * 64, "data": b"x", "false": False}
    try:
        upgrade(engine, "0001")
        with engine.begin() as conn:
            for statement in (SOURCE, BODY, SNAPSHOT, FETCH):
                conn.execute(text(statement), values)
        upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(text(CLAIM), values)
        upgrade(engine)
        assert current_revision(engine) == head_revision(engine)
        with engine.connect() as conn:
            counts = {
                table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("source", "body", "snapshot", "fetch_record", "claim", "claim_state")
            }
            status = conn.execute(text("SELECT status FROM claim_state")).scalar_one()
        assert counts == dict.fromkeys(counts, 1)
        assert status == "new"
        assert pending_differences(engine) == []
    finally:
        engine.dispose()
