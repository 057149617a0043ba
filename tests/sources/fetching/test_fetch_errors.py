"""Failed fetches: each gives its own error, a one-line message, and the attempt's provenance."""

from __future__ import annotations

import pytest

from sources.errors import (
    BadURL,
    ConnectFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    SourceError,
    TooManyRedirects,
    UnsupportedScheme,
)
from sources.fetching import FetchPolicy, Hop, check_scheme, fetch
from tests.support.httpserver import HTTPTestServer, drip, stall, unused_port

LOCAL = FetchPolicy(allow_private_networks=True)


def assert_one_line_naming(error: FetchError, url: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert message.startswith(url)
    assert "; " in message  # detail; what to do
    assert error.url == url
    assert error.attempt.error == message


def test_unreachable_host_is_connect_failed() -> None:
    url = f"http://127.0.0.1:{unused_port()}/article"

    with pytest.raises(ConnectFailed) as caught:
        fetch(url, policy=LOCAL)

    assert_one_line_naming(caught.value, url)
    assert caught.value.attempt.status is None
    assert isinstance(caught.value, SourceError)


def test_unknown_host_name_is_connect_failed() -> None:
    # .invalid never resolves (RFC 6761), so no packet leaves for another address.
    url = "http://factdesk-test.invalid/article"

    with pytest.raises(ConnectFailed) as caught:
        fetch(url, policy=LOCAL)

    assert "factdesk-test.invalid" in str(caught.value)


def test_stalling_server_times_out(http_server: HTTPTestServer) -> None:
    http_server.handle("/slow", stall(30))
    policy = FetchPolicy(allow_private_networks=True, read_timeout=0.3)

    with pytest.raises(FetchTimeout) as caught:
        fetch(http_server.url("/slow"), policy=policy)

    assert_one_line_naming(caught.value, http_server.url("/slow"))
    assert "timed out" in str(caught.value)


def test_trickling_body_hits_the_total_deadline(http_server: HTTPTestServer) -> None:
    # Each chunk comes well within the read timeout; only the whole-fetch clock stops it.
    http_server.handle("/trickle", drip(b"x" * 10, interval=0.05, count=10_000))
    policy = FetchPolicy(allow_private_networks=True, read_timeout=5, total_timeout=0.5)

    with pytest.raises(FetchTimeout) as caught:
        fetch(http_server.url("/trickle"), policy=policy)

    assert "0.5 s in all" in str(caught.value)


@pytest.mark.parametrize(("status", "advice"), [(404, "gone"), (410, "gone"), (500, "retry later"),
                                               (503, "retry later"), (403, "refuses access")])
def test_error_status_is_reported_with_advice(
    http_server: HTTPTestServer, status: int, advice: str
) -> None:
    http_server.route("/page", "<p>error page</p>", status=status)

    with pytest.raises(HTTPStatusError) as caught:
        fetch(http_server.url("/page"), policy=LOCAL)

    assert caught.value.status == status
    assert caught.value.attempt.status == status
    assert f"answered {status}" in str(caught.value)
    assert advice in str(caught.value)
    assert_one_line_naming(caught.value, http_server.url("/page"))


def test_error_after_redirect_keeps_the_hops(http_server: HTTPTestServer) -> None:
    http_server.redirect("/short", "/gone")

    with pytest.raises(HTTPStatusError) as caught:
        fetch(http_server.url("/short"), policy=LOCAL)

    attempt = caught.value.attempt
    assert attempt.final_url == http_server.url("/gone")
    assert attempt.redirects == (
        Hop(url=http_server.url("/short"), status=302, location=http_server.url("/gone")),
    )
    assert http_server.url("/gone") in str(caught.value)


def test_redirect_loop_is_too_many_redirects(http_server: HTTPTestServer) -> None:
    http_server.redirect("/a", "/b")
    http_server.redirect("/b", "/a")

    with pytest.raises(TooManyRedirects) as caught:
        fetch(http_server.url("/a"), policy=LOCAL)

    assert "redirect loop" in str(caught.value)
    assert len(caught.value.attempt.redirects) == LOCAL.max_redirects + 1
    assert http_server.count("/a") + http_server.count("/b") == LOCAL.max_redirects + 1


def test_redirect_chain_over_the_limit_is_refused(http_server: HTTPTestServer) -> None:
    for n in range(5):
        http_server.redirect(f"/{n}", f"/{n + 1}")
    http_server.route("/5", "<p>end</p>")
    policy = FetchPolicy(allow_private_networks=True, max_redirects=3)

    with pytest.raises(TooManyRedirects) as caught:
        fetch(http_server.url("/0"), policy=policy)

    assert "too many redirects (more than 3 hops)" in str(caught.value)
    assert http_server.count("/5") == 0


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd",
                                 "javascript:alert(1)", "example.org/page"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(UnsupportedScheme) as caught:
        fetch(url, policy=LOCAL)

    assert "http:// and https://" in str(caught.value)
    assert caught.value.attempt.status is None
    with pytest.raises(UnsupportedScheme):
        check_scheme(url)


def test_http_and_https_pass_the_scheme_check() -> None:
    check_scheme("https://example.org/a")
    check_scheme("HTTP://example.org/a")


def test_address_without_host_is_bad_url() -> None:
    with pytest.raises(BadURL):
        check_scheme("http:///path")


def test_redirect_to_another_scheme_is_refused(http_server: HTTPTestServer) -> None:
    http_server.redirect("/page", "file:///etc/passwd")

    with pytest.raises(UnsupportedScheme) as caught:
        fetch(http_server.url("/page"), policy=LOCAL)

    assert caught.value.attempt.redirects[0].location == "file:///etc/passwd"
    assert "redirected to file:///etc/passwd" in str(caught.value)
