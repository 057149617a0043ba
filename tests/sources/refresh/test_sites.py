"""A site is an origin (scheme, host, port): two servers on 127.0.0.1 with
different ports are two sites, each with its own gate, Retry-After and robots.txt.

Keyed by hostname again, the three ``sites`` servers would be one site: the
busy one's Retry-After would hold back the others (and its request slots, as
tests/sources/refresh/test_slow_servers_and_stop.py shows).
"""

from __future__ import annotations

import threading

import pytest

from db.engine import Database
from sources.refresh import RefreshPolicy, run_pass
from sources.refresh.check import Outcome, Task, check
from sources.refresh.sites import Sites
from sources.refresh.states import CheckKind
from sources.urls import origin
from tests.sources.refresh.conftest import ARTICLE, FAST, add_sources, fetch_policy, text_page
from tests.support.httpserver import HTTPTestServer


def _check(sites: Sites, url: str) -> Outcome:
    return check(Task(1, url, None, None, 3600, True), sites, threading.Event())


def test_a_retry_after_holds_back_its_own_site_not_another_port_of_the_same_host(
    sites: list[HTTPTestServer],
) -> None:
    busy, calm = sites[0], sites[1]
    busy.route(
        "/busy", "busy", status=503, content_type="text/plain", headers={"Retry-After": "3600"}
    )
    for server in (busy, calm):
        text_page(server, "/a", ARTICLE)
    # No retry within the check: the Retry-After (over the cap) is left to the gate.
    policy = RefreshPolicy(host_delay=0.0, retries=0, max_retry_wait=3.0)
    per_site = Sites(policy, fetch_policy())
    try:
        refused = _check(per_site, busy.url("/busy"))
        other_port = _check(per_site, calm.url("/a"))
        same_site = _check(per_site, busy.url("/a"))
    finally:
        per_site.close()

    assert refused.kind == CheckKind.FAILED
    assert refused.retry_after == 3600.0
    assert (other_port.kind, same_site.kind) == (CheckKind.FETCHED, CheckKind.FETCHED)
    (asked,) = busy.requests("/busy")
    # Another port of 127.0.0.1 is another site: asked at once...
    assert calm.requests("/a")[0].received_at - asked.received_at < 1.5
    # ...while the busy site's other page waited the cap (3 s) it was given.
    assert busy.requests("/a")[0].received_at - asked.received_at >= 2.9


def test_each_port_reads_its_own_robots_txt(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    closed, open_ = sites[0], sites[1]
    closed.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    for server in (closed, open_):
        text_page(server, "/a", ARTICLE)
    add_sources(database, closed.url("/a"), open_.url("/a"))

    result = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")

    assert result.counts["checked"] == 2
    assert result.counts["blocked"] == 1
    assert closed.count("/a") == 0
    assert open_.count("/a") == 1
    assert (closed.count("/robots.txt"), open_.count("/robots.txt")) == (1, 1)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://example.org/a", "https://example.org"),
        ("https://EXAMPLE.org:443/b?q=1", "https://example.org"),
        ("http://example.org:80/", "http://example.org"),
        ("http://example.org:443/", "http://example.org:443"),
        ("https://example.org:8443/a", "https://example.org:8443"),
        ("http://user:secret@example.org:8080/a", "http://example.org:8080"),
        ("http://[2001:DB8::1]:8080/a", "http://[2001:db8::1]:8080"),
        ("http://127.0.0.1:40001/p", "http://127.0.0.1:40001"),
    ],
)
def test_a_site_is_scheme_host_and_port_with_the_default_port_left_out(url: str, site: str) -> None:
    assert origin(url) == site


def test_two_ports_or_two_schemes_of_one_host_are_two_sites() -> None:
    assert origin("http://127.0.0.1:40001/a") != origin("http://127.0.0.1:40002/a")
    assert origin("http://example.org/a") != origin("https://example.org/a")
