"""robots.txt as RFC 9309 reads it: a site whose robots.txt cannot be read is "robots down"
(tried again after its own backoff), not forbidding; a Crawl-delay is obeyed up to a cap,
and a site asking for more is on record."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from db.engine import Database
from db.models import Source
from sources.fetching import FetchPolicy
from sources.refresh import RefreshPolicy, run_pass
from sources.refresh.schedule import after_robots_unavailable
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    fetch_policy,
    fetch_records,
    source_row,
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer, unused_port


def _add(database: Database, url: str) -> int:
    with database.write() as session:
        source = Source(url=url)
        session.add(source)
        session.flush()
        assert source.id is not None
        return source.id


def _assert_robots_down_not_blocked(
    database: Database, source_id: int, counts: dict[str, int], detail: str
) -> None:
    assert counts["robots_unavailable"] == 1
    assert counts.get("blocked", 0) == 0
    assert counts.get("failed", 0) == 0
    row = source_row(database, source_id)
    assert row.health == "robots_down"
    assert row.next_check_at is not None
    # Tried again after the robots backoff (15 min, jittered by 10 %), not the
    # page backoff of FAST (60 s): a site that is down is left alone longer.
    soonest = datetime.now(UTC) + timedelta(seconds=0.85 * FAST.robots_backoff_base)
    assert row.next_check_at > soonest
    error = fetch_records(database, source_id)[-1].error
    assert error is not None
    assert "robots.txt could not be read" in error
    assert detail in error
    assert "--ignore" not in error  # nothing to override: the site is down, not refusing


def test_a_server_error_on_robots_txt_is_robots_down_not_blocked(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _add(database, http_server.url("/a"))
    text_page(http_server, "/a", ARTICLE)
    http_server.route("/robots.txt", "down", status=503, content_type="text/plain")

    counts = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    _assert_robots_down_not_blocked(database, source_id, counts, "answered 503")
    assert http_server.count("/a") == 0  # RFC 9309: nothing is fetched meanwhile
    assert http_server.count("/robots.txt") == 1  # a 503 is not retried within the check

    http_server.route("/robots.txt", "no such file", status=404, content_type="text/plain")
    again = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    assert again["changed"] == 1  # a 4xx robots.txt has no rules: the page is fetched
    assert source_row(database, source_id).health == "ok"


def test_a_robots_txt_readable_again_that_disallows_ends_robots_down(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _add(database, http_server.url("/a"))
    text_page(http_server, "/a", ARTICLE)
    http_server.route("/robots.txt", "down", status=503, content_type="text/plain")
    run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")
    assert source_row(database, source_id).health == "robots_down"

    rules = "User-agent: *\nDisallow: /\n"
    http_server.route("/robots.txt", rules, content_type="text/plain")
    again = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    assert again["blocked"] == 1
    assert http_server.count("/a") == 0
    row = source_row(database, source_id)
    # robots.txt was read: "robots down" would send a human to a site that is up,
    # beside a reason (the disallow) that contradicts it. The page is blocked.
    assert row.health == "blocked"
    assert row.consecutive_failures == 0


@pytest.mark.parametrize(
    ("where", "detail"),
    [
        ("refused", "could not connect"),
        ("no such name", "could not connect"),
    ],
)
def test_a_site_that_cannot_be_reached_is_robots_down_not_blocked(
    database: Database, where: str, detail: str
) -> None:
    # .invalid never resolves (RFC 6761); an unused port on 127.0.0.1 refuses.
    url = (
        f"http://127.0.0.1:{unused_port()}/a"
        if where == "refused"
        else "http://factdesk-test.invalid/a"
    )
    source_id = _add(database, url)

    counts = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    _assert_robots_down_not_blocked(database, source_id, counts, detail)


def test_an_address_the_guard_refuses_is_robots_down_not_blocked(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _add(database, http_server.url("/a"))
    text_page(http_server, "/a", ARTICLE)
    guarded = FetchPolicy(allow_private_networks=False, connect_timeout=2.0, total_timeout=5.0)

    counts = run_pass(database, policy=FAST, fetch_policy=guarded, scope="all").counts

    _assert_robots_down_not_blocked(database, source_id, counts, "loopback address")
    assert http_server.requests() == []  # the guard refused before connecting


def test_robots_txt_in_an_unknown_charset_is_read_as_utf8(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _add(database, http_server.url("/private/a"))
    http_server.route(
        "/robots.txt",
        "User-agent: *\nDisallow: /private/\n",
        content_type="text/plain; charset=x-no-such-charset",
    )

    counts = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts

    assert counts["blocked"] == 1
    assert source_row(database, source_id).health == "blocked"  # the rule was read


def test_a_huge_crawl_delay_is_capped_and_recorded_on_the_hosts_sources(
    database: Database, http_server: HTTPTestServer
) -> None:
    first, second = (_add(database, http_server.url(path)) for path in ("/a", "/b"))
    for path in ("/a", "/b"):
        text_page(http_server, path, f"{path}\n\n{ARTICLE}")
    http_server.route(
        "/robots.txt", "User-agent: *\nCrawl-delay: 100000\n", content_type="text/plain"
    )
    policy = replace(FAST, host_delay=0.0, max_crawl_delay=1.0)
    stop = threading.Event()
    # Were the delay not capped, the pass would wait 28 hours: stop it before then.
    watchdog = threading.Timer(15, stop.set)
    watchdog.start()
    try:
        result = run_pass(
            database, policy=policy, fetch_policy=fetch_policy(), scope="all", stop=stop
        )
    finally:
        watchdog.cancel()

    assert not result.interrupted
    assert result.counts["checked"] == 2
    assert result.crawl_delays == {http_server.base_url: 100000.0}
    a, b = sorted(
        http_server.requests("/a") + http_server.requests("/b"), key=lambda r: r.received_at
    )
    # Spaced by the cap (1 s here), not by the 28 hours asked for.
    assert b.received_at - a.received_at >= 0.9
    assert [source_row(database, s).crawl_delay_asked for s in (first, second)] == [
        100000.0,
        100000.0,
    ]

    http_server.route("/robots.txt", "User-agent: *\nCrawl-delay: 0.5\n", content_type="text/plain")
    run_pass(database, policy=policy, fetch_policy=fetch_policy(), scope="all")

    assert source_row(database, first).crawl_delay_asked is None  # within the cap now


def test_the_cli_warns_of_a_capped_crawl_delay_and_sources_json_shows_it(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", ARTICLE)
    assert cli("ingest", http_server.url("/a")).exit_code == 0
    http_server.route(
        "/robots.txt", "User-agent: *\nCrawl-delay: 100000\n", content_type="text/plain"
    )

    run = cli("refresh", "--all", "--format", "json", "--host-delay", "0")
    listed = json.loads(cli("sources", "--format", "json").stdout)

    assert run.exit_code == 0
    assert json.loads(run.stdout)["checked"] == 1
    cap = RefreshPolicy().max_crawl_delay
    assert cap == 60.0  # the documented default
    assert "Crawl-delay of 100000 s" in run.stderr
    assert f"waits {cap:g} s" in run.stderr
    assert listed[0]["crawl_delay_asked"] == 100000.0


def test_the_robots_backoff_doubles_up_to_its_own_cap() -> None:
    policy = replace(FAST, robots_backoff_base=900.0, robots_backoff_max=21_600.0)
    now = datetime.now(UTC)

    waits = [
        (after_robots_unavailable(now, failures, policy) - now).total_seconds()
        for failures in (1, 2, 3, 10, 10_000)
    ]

    # 15 min, 30 min, 1 h (each within the 10 % jitter), then 6 h at most, whatever the count.
    for wait, expected in zip(waits, (900, 1800, 3600, 21_600, 21_600), strict=True):
        assert expected * 0.89 <= wait <= expected * 1.11
