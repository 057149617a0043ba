"""Two workers ingesting the same watch at once never ingest one entry twice."""

from __future__ import annotations

import threading

from sqlmodel import select

from claims.services.watching import IngestResult, ingest_pending
from db.engine import Database
from db.models import Source
from tests.sources.watching.conftest import POLICY, entries, serve_feed, watch
from tests.sources.watching.feeds import ARTICLES
from tests.support.httpserver import Exchange, Handler, HTTPTestServer

PATHS = list(ARTICLES)


def slow_article(text: str) -> Handler:
    """The article, after a pause: both workers are inside a pass at the same time."""

    def handler(exchange: Exchange) -> None:
        exchange.wait(0.3)
        exchange.send(200, {"Content-Type": "text/plain; charset=utf-8"}, text.encode())

    return handler


def test_two_workers_never_ingest_the_same_entry(
    database: Database, http_server: HTTPTestServer
) -> None:
    for path in PATHS:
        http_server.handle(path, slow_article(ARTICLES[path]))
    serve_feed(http_server, PATHS, etag='"v1"')
    watch(database, http_server)
    results: dict[str, IngestResult] = {}
    start = threading.Barrier(2)

    def work(name: str) -> None:
        start.wait()
        results[name] = ingest_pending(database, policy=POLICY, worker=name, host_delay_s=0)

    threads = [threading.Thread(target=work, args=(f"worker-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sum(r.ingested for r in results.values()) == len(PATHS)
    assert sum(r.failed for r in results.values()) == 0
    for path in PATHS:
        assert http_server.count(path) == 1, path
    assert {e.state for e in entries(database)} == {"ingested"}
    with database.read() as session:
        assert len(session.exec(select(Source)).all()) == 1 + len(PATHS)
