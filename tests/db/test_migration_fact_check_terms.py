"""Revision 0016: watched feeds become kind feed; watches and fact-checks keep their rows."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import make_engine
from db.migrate import pending_differences, upgrade

SOURCE = (
    "INSERT INTO source (id, url, kind, created_at, health, check_interval_s,"
    " consecutive_failures) VALUES (:id, :url, 'http', '2026-01-01 00:00:00', 'ok', 3600, 0)"
)
WATCH = (
    "INSERT INTO watch (id, source_id, every_seconds, per_pass_cap, paused, created_at)"
    " VALUES (1, 2, 3600, 20, false, '2026-01-01 00:00:00')"
)


def test_a_watched_feed_becomes_kind_feed_and_an_article_stays_http(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine, "0015_queue_visits")
        with engine.begin() as conn:
            conn.execute(text(SOURCE), {"id": 1, "url": "https://news.example/article"})
            conn.execute(text(SOURCE), {"id": 2, "url": "https://news.example/rss.xml"})
            conn.execute(text(WATCH))
        upgrade(engine)
        with engine.connect() as conn:
            kinds: dict[int, str] = dict(conn.execute(text("SELECT id, kind FROM source")).all())
            watch = conn.execute(text("SELECT feed_kind, indexed_fetch_id FROM watch")).one()
            terms = conn.execute(text("SELECT count(*) FROM fact_check_terms")).scalar_one()
        assert kinds == {1: "http", 2: "feed"}
        assert tuple(watch) == (None, None)
        assert terms == 0  # found lazily, on the next import, ingest or match
        assert pending_differences(engine) == []
    finally:
        engine.dispose()
