"""Pages factdesk cannot read are refused by name; empty pages are refused too."""

from __future__ import annotations

import pytest

from sources.errors import EmptyBody, UnsupportedContentType
from sources.fetching import FetchPolicy, fetch
from tests.support.httpserver import HTTPTestServer

LOCAL = FetchPolicy(allow_private_networks=True)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.mark.parametrize(
    ("content_type", "body", "named"),
    [
        ("application/zip", b"PK\x03\x04...", "application/zip"),
        ("image/png", PNG, "image/png"),
        ("application/json; charset=utf-8", b'{"a": 1}', "application/json"),
    ],
)
def test_unreadable_type_is_refused_by_name(
    http_server: HTTPTestServer, content_type: str, body: bytes, named: str
) -> None:
    http_server.route("/file", body, content_type=content_type)

    with pytest.raises(UnsupportedContentType) as caught:
        fetch(http_server.url("/file"), policy=LOCAL)

    message = str(caught.value)
    assert caught.value.media_type == named
    assert f"unsupported content type {named}" in message
    assert "save the text as .txt" in message
    assert caught.value.attempt.status == 200


@pytest.mark.parametrize(
    ("body", "guessed"),
    [(b"PK\x03\x04binary", "application/zip"), (PNG, "image/png"),
     (b"\x00\x01\x02binary", "application/octet-stream")],
)
def test_unlabelled_binary_is_refused_by_its_guessed_type(
    http_server: HTTPTestServer, body: bytes, guessed: str
) -> None:
    http_server.route("/file", body, content_type=None)

    with pytest.raises(UnsupportedContentType) as caught:
        fetch(http_server.url("/file"), policy=LOCAL)

    assert caught.value.media_type == guessed
    assert "no Content-Type" in str(caught.value)


@pytest.mark.parametrize("content_type", ["application/pdf", None])
def test_a_pdf_is_fetched_as_a_document(
    http_server: HTTPTestServer, content_type: str | None
) -> None:
    """Labelled or sniffed, a PDF's bytes come back whole for the PDF reader."""
    body = b"%PDF-1.7\n" + bytes(range(256))
    http_server.route("/report", body, content_type=content_type)

    result = fetch(http_server.url("/report"), policy=LOCAL)

    assert (result.media_type, result.body) == ("application/pdf", body)


def test_xhtml_is_accepted(http_server: HTTPTestServer) -> None:
    http_server.route("/x", "<html><p>x</p></html>", content_type="application/xhtml+xml")

    assert fetch(http_server.url("/x"), policy=LOCAL).media_type == "application/xhtml+xml"


@pytest.mark.parametrize("body", [b"", b"  \r\n\t  \n"])
def test_empty_page_is_refused(http_server: HTTPTestServer, body: bytes) -> None:
    http_server.route("/empty", body)

    with pytest.raises(EmptyBody) as caught:
        fetch(http_server.url("/empty"), policy=LOCAL)

    assert "empty page" in str(caught.value)
    assert caught.value.attempt.status == 200


def test_no_content_answer_is_an_empty_page(http_server: HTTPTestServer) -> None:
    http_server.route("/nothing", status=204, content_type=None)

    with pytest.raises(EmptyBody):
        fetch(http_server.url("/nothing"), policy=LOCAL)
