"""A page fetched: body, type, headers, redirect hops and User-Agent as a user would see them."""

from __future__ import annotations

import gzip
from datetime import UTC

from sources.fetching import FetchPolicy, Hop, build_client, fetch
from tests.support.httpserver import HTTPTestServer, chunked

LOCAL = FetchPolicy(allow_private_networks=True)
PAGE = "<!DOCTYPE html><html><head><title>Coopératives</title></head><body>20.000</body></html>"


def test_page_is_returned_with_type_charset_and_headers(http_server: HTTPTestServer) -> None:
    http_server.route("/article", PAGE, headers={"X-Trace": "abc"})

    result = fetch(http_server.url("/article"), policy=LOCAL)

    assert result.body == PAGE.encode()
    assert result.media_type == "text/html"
    assert result.charset == "utf-8"
    assert ("X-Trace", "abc") in result.headers
    assert result.not_modified is False
    assert result.attempt.status == 200
    assert result.attempt.final_url == http_server.url("/article")
    assert result.attempt.redirects == ()
    assert result.attempt.error is None
    assert result.attempt.started_at.tzinfo is UTC


def test_redirect_hops_are_recorded_in_order(http_server: HTTPTestServer) -> None:
    http_server.redirect("/old", "/moved", status=301)
    http_server.redirect("/moved", http_server.url("/article"), status=307)
    http_server.route("/article", PAGE)

    result = fetch(http_server.url("/old"), policy=LOCAL)

    assert result.body == PAGE.encode()
    assert result.attempt.requested_url == http_server.url("/old")
    assert result.attempt.final_url == http_server.url("/article")
    assert result.attempt.redirects == (
        Hop(url=http_server.url("/old"), status=301, location=http_server.url("/moved")),
        Hop(url=http_server.url("/moved"), status=307, location=http_server.url("/article")),
    )
    assert http_server.count("/article") == 1


def test_user_agent_names_factdesk(http_server: HTTPTestServer) -> None:
    http_server.route("/article", PAGE)

    fetch(http_server.url("/article"), policy=LOCAL)

    [request] = http_server.requests("/article")
    user_agent = request.header("User-Agent") or ""
    assert user_agent.startswith("factdesk/")
    assert "fact-checking" in user_agent


def test_user_agent_can_be_set_by_policy(http_server: HTTPTestServer) -> None:
    http_server.route("/article", PAGE)
    policy = FetchPolicy(allow_private_networks=True, user_agent="newsroom-bot/1.0")

    fetch(http_server.url("/article"), policy=policy)

    assert http_server.requests("/article")[0].header("User-Agent") == "newsroom-bot/1.0"


def test_gzip_page_is_decoded(http_server: HTTPTestServer) -> None:
    http_server.route(
        "/article", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"}
    )

    result = fetch(http_server.url("/article"), policy=LOCAL)

    assert result.body == PAGE.encode()
    assert "gzip" in (http_server.requests("/article")[0].header("Accept-Encoding") or "")


def test_chunked_page_without_content_length_is_read(http_server: HTTPTestServer) -> None:
    body = ("<p>paragraphe</p>\n" * 5000).encode()
    http_server.handle("/long", chunked(body, chunk_size=1000))

    result = fetch(http_server.url("/long"), policy=LOCAL)

    assert result.body == body


def test_plain_text_page_is_accepted(http_server: HTTPTestServer) -> None:
    http_server.route("/wire.txt", "20.000 coopératives", content_type="text/plain; charset=UTF-8")

    result = fetch(http_server.url("/wire.txt"), policy=LOCAL)

    assert result.media_type == "text/plain"
    assert result.charset == "utf-8"


def test_unlabelled_html_is_sniffed_as_html(http_server: HTTPTestServer) -> None:
    http_server.route("/page", "\n  <!doctype html><p>bonjour</p>", content_type=None)

    result = fetch(http_server.url("/page"), policy=LOCAL)

    assert result.media_type == "text/html"
    assert result.charset is None


def test_unlabelled_text_is_sniffed_as_plain_text(http_server: HTTPTestServer) -> None:
    http_server.route("/page", "Une cinquantaine de pays.", content_type=None)

    assert fetch(http_server.url("/page"), policy=LOCAL).media_type == "text/plain"


def test_one_client_serves_several_fetches(http_server: HTTPTestServer) -> None:
    http_server.route("/a", "<p>a</p>")
    http_server.route("/b", "<p>b</p>")

    with build_client(LOCAL) as client:
        first = fetch(http_server.url("/a"), policy=LOCAL, client=client)
        second = fetch(http_server.url("/b"), policy=LOCAL, client=client)

    assert (first.body, second.body) == (b"<p>a</p>", b"<p>b</p>")
