"""Helpers of the watch tests: an outlet on the loopback server, fast policies, row counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from db.engine import Database
from db.models import Claim, FetchRecord, Snapshot, Source, Watch, WatchEntry
from sources.fetching import FetchPolicy
from sources.refresh import RefreshPolicy
from sources.watching.watches import Added, add_watch
from tests.sources.watching.feeds import ARTICLES, rss
from tests.support.httpserver import HTTPTestServer, conditional

FAST = RefreshPolicy(host_delay=0.0, retry_base=0.01, backoff_base=60.0, max_retry_wait=1.0)
POLICY = FetchPolicy(
    allow_private_networks=True, connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0
)
RSS_TYPE = "application/rss+xml; charset=utf-8"


def serve_articles(server: HTTPTestServer, paths: list[str] | None = None) -> None:
    for path in paths or list(ARTICLES):
        server.route(path, ARTICLES[path], content_type="text/plain; charset=utf-8")


def serve_feed(server: HTTPTestServer, paths: list[str], *, etag: str) -> None:
    """The feed at /feed.xml listing ``paths``; 304 while the client holds ``etag``."""
    server.handle(
        "/feed.xml", conditional(rss(server.base_url, paths), etag=etag, content_type=RSS_TYPE)
    )


def watch(database: Database, server: HTTPTestServer, **options: object) -> Added:
    values: dict[str, object] = {"lang": "fr", "every_s": 3600, "per_pass_cap": 20}
    values.update(options)
    return add_watch(
        database,
        server.url("/feed.xml"),
        policy=POLICY,
        **values,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Rows:
    sources: int
    snapshots: int
    claims: int
    fetches: int
    watches: int
    entries: int


def rows(database: Database) -> Rows:
    with database.read() as session:

        def n(model: type) -> int:
            return int(session.exec(select(func.count()).select_from(model)).one())

        return Rows(n(Source), n(Snapshot), n(Claim), n(FetchRecord), n(Watch), n(WatchEntry))


def entries(database: Database) -> list[WatchEntry]:
    with database.read() as session:
        return list(session.exec(select(WatchEntry).order_by(col(WatchEntry.id))).all())
