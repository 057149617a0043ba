"""Revision 0010: every source gets a kind; rows stored before it get theirs from their address."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import make_engine
from db.migrate import pending_differences, upgrade

SOURCE = (
    "INSERT INTO source (id, url, created_at, health, check_interval_s, consecutive_failures)"
    " VALUES (:id, :url, '2026-01-01 00:00:00', 'ok', 86400, 0)"
)
ROWS = {
    1: ("https://news.example/a", "http"),
    2: ("file:///home/desk/page.html", "file"),
    3: ("stdin:", "stdin"),
    4: ("http://agency.example/wire", "http"),
}


def test_existing_sources_get_their_kind_from_their_address(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine, "0008_append_only")
        with engine.begin() as conn:
            for id_, (url, _) in ROWS.items():
                conn.execute(text(SOURCE), {"id": id_, "url": url})
        upgrade(engine)
        with engine.connect() as conn:
            got: dict[int, str] = dict(conn.execute(text("SELECT id, kind FROM source")).all())
            conn.execute(text(SOURCE), {"id": 5, "url": "https://later.example/"})
            later = conn.execute(text("SELECT kind FROM source WHERE id = 5")).scalar_one()
        assert got == {id_: kind for id_, (_, kind) in ROWS.items()}
        assert later == "http"  # a row written without a kind (an older worker) still gets one
        assert pending_differences(engine) == []
    finally:
        engine.dispose()
