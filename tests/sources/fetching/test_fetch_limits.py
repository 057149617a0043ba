"""Body caps hold while streaming: on the bytes sent and on the bytes decoded (gzip bombs)."""

from __future__ import annotations

import gzip
import tracemalloc

import pytest

from sources.errors import BodyTooLarge, ContentDecodingFailed, DecompressionBomb
from sources.fetching import FetchPolicy, fetch
from tests.support.httpserver import Exchange, HTTPTestServer, chunked, gzip_bomb

LOCAL = FetchPolicy(allow_private_networks=True)
CAP = 64 * 1024
SMALL = FetchPolicy(allow_private_networks=True, max_wire_bytes=CAP, max_body_bytes=CAP)


def test_body_over_cap_with_content_length_is_refused(http_server: HTTPTestServer) -> None:
    http_server.route("/big", b"a" * (CAP + 1))

    with pytest.raises(BodyTooLarge) as caught:
        fetch(http_server.url("/big"), policy=SMALL)

    assert "over the 64 KiB cap" in str(caught.value)
    assert caught.value.limit == CAP
    assert caught.value.attempt.status == 200


def test_chunked_body_over_cap_is_refused(http_server: HTTPTestServer) -> None:
    http_server.handle("/big", chunked(b"a" * (4 * CAP), chunk_size=4096))

    with pytest.raises(BodyTooLarge):
        fetch(http_server.url("/big"), policy=SMALL)


def test_close_delimited_body_over_cap_is_refused(http_server: HTTPTestServer) -> None:
    def endless(exchange: Exchange) -> None:
        exchange.start(200, {"Content-Type": "text/plain"})  # no length: ends at close
        for _ in range(10_000):
            exchange.write(b"b" * 4096)

    http_server.handle("/big", endless)

    with pytest.raises(BodyTooLarge):
        fetch(http_server.url("/big"), policy=SMALL)


def test_body_exactly_at_the_cap_is_accepted(http_server: HTTPTestServer) -> None:
    http_server.handle("/edge", chunked(b"a" * CAP, chunk_size=1000))

    assert len(fetch(http_server.url("/edge"), policy=SMALL).body) == CAP


def test_decoded_cap_applies_to_compressed_pages(http_server: HTTPTestServer) -> None:
    # 1 KiB on the wire, 128 KiB once decoded: under the wire cap, over the decoded one.
    http_server.route(
        "/page", gzip.compress(b"<p>" + b"a" * (2 * CAP)), headers={"Content-Encoding": "gzip"}
    )

    with pytest.raises(DecompressionBomb) as caught:
        fetch(http_server.url("/page"), policy=SMALL)

    assert caught.value.limit == CAP


def test_gzip_bomb_is_refused_without_inflating_it(http_server: HTTPTestServer) -> None:
    http_server.handle("/bomb", gzip_bomb(1 << 30))  # 1 GiB of zeros, about 1 MiB sent

    tracemalloc.start()
    try:
        with pytest.raises(DecompressionBomb) as caught:
            fetch(http_server.url("/bomb"), policy=LOCAL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert isinstance(caught.value, BodyTooLarge)
    assert "gzip body inflates past the 20 MiB cap" in str(caught.value)
    # The default cap is 20 MiB: memory stays near it, nowhere near the 1 GiB inside.
    assert peak < 64 * 1024 * 1024


def test_corrupt_gzip_is_a_decoding_error(http_server: HTTPTestServer) -> None:
    http_server.route("/page", b"this is not gzip", headers={"Content-Encoding": "gzip"})

    with pytest.raises(ContentDecodingFailed) as caught:
        fetch(http_server.url("/page"), policy=LOCAL)

    assert "gzip body cannot be decoded" in str(caught.value)


def test_unknown_content_encoding_is_named(http_server: HTTPTestServer) -> None:
    http_server.route("/page", b"\x28\xb5\x2f\xfd...", headers={"Content-Encoding": "zstd"})

    with pytest.raises(ContentDecodingFailed) as caught:
        fetch(http_server.url("/page"), policy=LOCAL)

    assert "unsupported Content-Encoding zstd" in str(caught.value)
