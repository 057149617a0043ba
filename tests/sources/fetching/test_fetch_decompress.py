"""Content-Encoding decoding: the variants servers really send, fed in any chunk sizes."""

from __future__ import annotations

import gzip
import zlib

import pytest

from sources.fetching import FetchPolicy, fetch
from sources.fetching.decompress import BoundedDecoder, OutputLimitExceeded
from tests.support.httpserver import HTTPTestServer

LOCAL = FetchPolicy(allow_private_networks=True)
PAGE = b"<html><body>" + b"Une cinquantaine de pays, 50 pc. " * 200 + b"</body></html>"


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    "encoded", [zlib.compress(PAGE), raw_deflate(PAGE)], ids=["zlib-deflate", "raw-deflate"]
)
def test_deflate_pages_are_decoded(http_server: HTTPTestServer, encoded: bytes) -> None:
    http_server.route("/page", encoded, headers={"Content-Encoding": "deflate"})

    assert fetch(http_server.url("/page"), policy=LOCAL).body == PAGE


def test_stacked_encodings_are_undone_in_reverse(http_server: HTTPTestServer) -> None:
    http_server.route(
        "/page", zlib.compress(gzip.compress(PAGE)), headers={"Content-Encoding": "gzip, deflate"}
    )

    assert fetch(http_server.url("/page"), policy=LOCAL).body == PAGE


def decode_in_chunks(decoder: BoundedDecoder, data: bytes, size: int) -> bytes:
    out = b"".join(decoder.feed(data[i : i + size]) for i in range(0, len(data), size))
    return out + decoder.finish()


@pytest.mark.parametrize("size", [1, 7, 4096])
def test_gzip_decodes_the_same_whatever_the_chunking(size: int) -> None:
    data = gzip.compress(PAGE)

    assert decode_in_chunks(BoundedDecoder("gzip", limit=len(PAGE)), data, size) == PAGE


def test_concatenated_gzip_members_form_one_body() -> None:
    data = gzip.compress(b"first part, ") + gzip.compress(b"second part")

    assert decode_in_chunks(BoundedDecoder("gzip", limit=1000), data, 5) == (
        b"first part, second part"
    )


def test_output_limit_stops_decoding_one_byte_over() -> None:
    data = gzip.compress(PAGE)

    with pytest.raises(OutputLimitExceeded):
        decode_in_chunks(BoundedDecoder("gzip", limit=len(PAGE) - 1), data, 4096)
