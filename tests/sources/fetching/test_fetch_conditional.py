"""Conditional GET: validators are sent, and a 304 answer says 'not modified' with no body."""

from __future__ import annotations

import pytest

from sources.errors import HTTPStatusError
from sources.fetching import FetchPolicy, fetch
from tests.support.httpserver import HTTPTestServer, conditional

LOCAL = FetchPolicy(allow_private_networks=True)
BODY = b"<html><body>Version 1</body></html>"
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT"


def test_etag_round_trip_gives_not_modified(http_server: HTTPTestServer) -> None:
    http_server.handle("/page", conditional(BODY, etag=ETAG, last_modified=LAST_MODIFIED))

    first = fetch(http_server.url("/page"), policy=LOCAL)
    again = fetch(
        http_server.url("/page"),
        policy=LOCAL,
        etag=first.etag,
        last_modified=first.last_modified,
    )

    assert (first.body, first.etag, first.last_modified) == (BODY, ETAG, LAST_MODIFIED)
    assert again.not_modified is True
    assert again.body == b""
    assert again.attempt.status == 304
    assert again.etag == ETAG
    second_request = http_server.requests("/page")[1]
    assert second_request.header("If-None-Match") == ETAG
    assert second_request.header("If-Modified-Since") == LAST_MODIFIED


def test_last_modified_alone_gives_not_modified(http_server: HTTPTestServer) -> None:
    http_server.handle("/page", conditional(BODY, last_modified=LAST_MODIFIED))

    result = fetch(http_server.url("/page"), policy=LOCAL, last_modified=LAST_MODIFIED)

    assert result.not_modified is True
    assert http_server.requests("/page")[0].header("If-None-Match") is None


def test_changed_page_is_fetched_in_full(http_server: HTTPTestServer) -> None:
    http_server.handle("/page", conditional(b"<p>Version 2</p>", etag='"v2"'))

    result = fetch(http_server.url("/page"), policy=LOCAL, etag=ETAG)

    assert result.not_modified is False
    assert result.body == b"<p>Version 2</p>"
    assert result.etag == '"v2"'


def test_plain_get_sends_no_validators(http_server: HTTPTestServer) -> None:
    http_server.handle("/page", conditional(BODY, etag=ETAG))

    fetch(http_server.url("/page"), policy=LOCAL)

    request = http_server.requests("/page")[0]
    assert request.header("If-None-Match") is None
    assert request.header("If-Modified-Since") is None


def test_304_to_an_unconditional_get_is_an_error(http_server: HTTPTestServer) -> None:
    http_server.route("/page", status=304, content_type=None)

    with pytest.raises(HTTPStatusError) as caught:
        fetch(http_server.url("/page"), policy=LOCAL)

    assert caught.value.status == 304
