"""A new SQLite file that another process is writing: connecting waits, then finds WAL.

Switching a file to WAL needs an exclusive lock, and SQLite refuses at once
("database is locked") rather than wait for the busy timeout when another
connection holds one; processes meeting a new file collided there.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from db.engine import make_engine
from db.urls import sqlite_url


def test_connecting_waits_for_a_writer_holding_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE first_use (x)")
    hold = 0.5
    committer = threading.Timer(hold, lambda: writer.execute("COMMIT"))
    started = time.monotonic()
    committer.start()
    engine = make_engine(sqlite_url(path))
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            tables = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    finally:
        engine.dispose()
        committer.join()
        writer.close()
    assert mode == "wal"
    assert tables == ["first_use"]
    assert time.monotonic() - started >= hold
