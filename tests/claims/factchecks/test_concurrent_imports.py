"""Two desks importing the same feed at once still give one index."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlmodel import func, select

from claims.factchecks import Imported, import_factchecks
from db.engine import Database
from db.models import FactCheck
from sources.fetching import FetchPolicy
from tests.claims.factchecks.reviews import claimreview, data_feed, dumps


def test_two_imports_of_one_feed_at_once_store_each_review_once(
    database: Database, tmp_path: Path
) -> None:
    reviews = [
        claimreview(f"Claim number {i} about cooperatives.", f"https://fc.example/{i}")
        for i in range(300)
    ]
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(*reviews)))
    start = threading.Barrier(2)
    results: list[Imported] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            results.append(import_factchecks(database, str(feed), policy=FetchPolicy()))
        except BaseException as exc:  # reported below, with the test's own assertion
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(len(r.added) for r in results) == [0, 300]
    assert sorted(r.known for r in results) == [0, 300]
    with database.read() as session:
        assert session.exec(select(func.count()).select_from(FactCheck)).one() == 300
