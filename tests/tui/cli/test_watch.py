"""`factdesk watch`: the commands a desk uses, and hostile feeds refused in one line."""

from __future__ import annotations

import json

import pytest

from db.engine import Database
from tests.sources.watching.conftest import RSS_TYPE, serve_articles, serve_feed
from tests.sources.watching.feeds import billion_laughs, huge_feed
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer

THREE = ["/articles/cooperatives", "/articles/port", "/articles/solaire"]


def _list(cli: CliRun, *args: str) -> list[dict[str, object]]:
    run = cli("watch", "list", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    rows: list[dict[str, object]] = json.loads(run.stdout)
    return rows


def test_add_run_list_pause_resume_remove(cli: CliRun, http_server: HTTPTestServer) -> None:
    serve_articles(http_server)
    serve_feed(http_server, THREE, etag='"v1"')
    feed = http_server.url("/feed.xml")

    added = cli("watch", "add", feed, "--lang", "fr", "--every", "2h")
    assert added.exit_code == 0, added.stderr
    assert "as watch 1 (rss, every 2h): 3 entries, 3 new to ingest" in added.stdout
    [row] = _list(cli)
    assert (row["url"], row["lang"], row["every"], row["pending"], row["ingested"]) == (
        feed, "fr", "2h", 3, 0,
    )

    ran = cli("watch", "run")
    assert ran.exit_code == 0, ran.stderr
    assert "3 articles ingested" in ran.stdout
    [row] = _list(cli, "--seen")
    assert (row["pending"], row["ingested"], row["new_since_seen"]) == (0, 3, 3)
    assert _list(cli)[0]["new_since_seen"] == 0

    assert cli("watch", "pause", "1").stdout.strip() == "watch 1 paused"
    assert _list(cli)[0]["paused"] is True
    again = cli("watch", "pause", feed)
    assert (again.exit_code, again.stderr.count("\n")) == (1, 1)
    assert "already paused" in again.stderr
    assert cli("watch", "resume", feed).stdout.strip() == "watch 1 resumed"

    removed = cli("watch", "remove", "1")
    assert removed.exit_code == 0
    assert _list(cli) == []
    [kept] = _list(cli, "--removed")
    assert (kept["removed"], kept["ingested"]) == (True, 3)
    sources = json.loads(cli("sources", "--format", "json").stdout)
    assert len(sources) == 4  # the feed and its three articles stay

    # Watching it again takes up the same watch and its entries: nothing twice.
    back = cli("watch", "add", feed)
    assert back.exit_code == 0, back.stderr
    assert "watching again" in back.stdout
    assert "0 new to ingest" in back.stdout


@pytest.mark.parametrize(
    ("body", "content_type", "says"),
    [
        (b"Le pays compte 20.000 cooperatives.", "application/rss+xml", "not XML"),
        (b"<!DOCTYPE html><html><body><p>Accueil</p></body></html>", "application/rss+xml",
         "an HTML page, not a feed"),
        (b"<!DOCTYPE html><html><body><p>Accueil</p></body></html>", "text/html",
         "an HTML page, not a feed"),
        (billion_laughs(), "application/xml", "declares XML entities"),
        (None, RSS_TYPE, "10,000 entries, more than the 2,000"),
    ],
)
def test_hostile_feed_is_refused_in_one_line_and_nothing_is_stored(
    cli: CliRun,
    db_url: str,
    http_server: HTTPTestServer,
    body: bytes | None,
    content_type: str,
    says: str,
) -> None:
    data = body if body is not None else huge_feed(http_server.base_url, 10_000)
    http_server.route("/feed.xml", data, content_type=content_type)

    run = cli("watch", "add", http_server.url("/feed.xml"))

    assert run.exit_code == 1
    assert run.stderr.count("\n") == 1
    assert says in run.stderr
    assert run.stderr.startswith("factdesk: error: ")
    database = Database(db_url)
    try:
        stored = counts(database)
    finally:
        database.dispose()
    assert (stored.sources, stored.snapshots, stored.bodies, stored.fetches) == (0, 0, 0, 0)
    assert _list(cli, "--removed") == []


@pytest.mark.parametrize("every", ["1m", "soon", "40d", "0"])
def test_bad_interval_is_a_usage_error(
    cli: CliRun, http_server: HTTPTestServer, every: str
) -> None:
    run = cli("watch", "add", http_server.url("/feed.xml"), "--every", every)
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1
    assert "not an interval from 5m to 30d" in run.stderr
    assert http_server.count("/feed.xml") == 0


def test_unknown_watch_names_the_listing(cli: CliRun) -> None:
    run = cli("watch", "remove", "7")
    assert run.exit_code == 1
    assert "7: no such watch; `factdesk watch list`" in run.stderr
