"""A real threaded HTTP/1.1 server on 127.0.0.1 for tests, and the ``http_server`` fixture.

Use it from any test folder: add ``pytest_plugins = ["tests.support.httpserver"]`` to
the top-level ``tests/conftest.py`` (or import ``http_server`` into a conftest).

    def test_page(http_server: HTTPTestServer) -> None:
        http_server.route("/a", b"<html>hi</html>")                  # fixed answer
        http_server.route("/pdf", b"%PDF-1.7", content_type="application/pdf")
        http_server.redirect("/old", "/a")                             # 302 to /a
        http_server.handle("/slow", stall(5))                          # special behaviour
        url = http_server.url("/a")
        ...
        assert http_server.count("/a") == 1                            # requests seen
        assert http_server.requests("/a")[0].header("User-Agent")

A handler is any ``Callable[[Exchange], None]``; ready-made ones below: ``stall``,
``drip``, ``chunked``, ``gzip_bomb``, ``conditional``. Handlers that
wait use ``Exchange.wait`` so that stopping the server wakes them up.
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

HeaderItems = Mapping[str, str] | Sequence[tuple[str, str]]
Handler = Callable[["Exchange"], None]

HOST = "127.0.0.1"


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received."""

    method: str
    target: str
    """Path and query as sent, e.g. "/a?x=1"."""
    headers: tuple[tuple[str, str], ...]
    received_at: float = field(default_factory=time.monotonic)
    """``time.monotonic()`` when the request line and headers had been read:
    for measuring waits between requests (Retry-After, host delays)."""

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or None."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def _items(headers: HeaderItems | None) -> list[tuple[str, str]]:
    if headers is None:
        return []
    if isinstance(headers, Mapping):
        return list(headers.items())
    return list(headers)


class Exchange:
    """One request being answered: what came in, and ways to write the answer."""

    def __init__(self, handler: _RequestHandler, request: RecordedRequest) -> None:
        self._handler = handler
        self.request = request
        self.server: HTTPTestServer = handler.owner

    def send(self, status: int, headers: HeaderItems | None = None, body: bytes = b"") -> None:
        """A complete answer with Content-Length (unless ``headers`` set one)."""
        items = _items(headers)
        if not any(k.lower() == "content-length" for k, _ in items):
            items.append(("Content-Length", str(len(body))))
        self.start(status, items)
        if self.request.method != "HEAD":
            self.write(body)

    def start(self, status: int, headers: HeaderItems | None = None) -> None:
        """Status line and headers; the body follows with ``write``.

        Without Content-Length or Transfer-Encoding in ``headers`` the body is
        delimited by closing the connection (Connection: close is added).
        """
        items = _items(headers)
        names = {k.lower() for k, _ in items}
        if not names & {"content-length", "transfer-encoding"}:
            items.append(("Connection", "close"))
            self._handler.close_connection = True
        self._handler.send_response(status)
        for key, value in items:
            self._handler.send_header(key, value)
        self._handler.end_headers()

    def write(self, data: bytes) -> None:
        self._handler.wfile.write(data)
        self._handler.wfile.flush()

    def send_chunked(
        self, status: int, headers: HeaderItems | None, chunks: Iterable[bytes]
    ) -> None:
        """An answer in chunked transfer encoding (no Content-Length)."""
        self.start(status, [*_items(headers), ("Transfer-Encoding", "chunked")])
        for chunk in chunks:
            if chunk:
                self.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.write(b"0\r\n\r\n")

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds``; returns True early when the server is stopping."""
        return self.server.stopping.wait(seconds)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; Nagle would hold the body for
    # the client's delayed ACK (40 ms a request).
    disable_nagle_algorithm = True
    # Idle keep-alive connections give up after this; handlers may still stall longer.
    timeout = 30

    @property
    def owner(self) -> HTTPTestServer:
        assert isinstance(self.server, _Server)
        return self.server.owner

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        owner = self.owner
        request = RecordedRequest(
            method=self.command, target=self.path, headers=tuple(self.headers.items())
        )
        handler = owner._record(request)
        try:
            handler(Exchange(self, request))
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (a cap or a timeout did its job): not a server failure.
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest output stays readable."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: HTTPTestServer) -> None:
        super().__init__((HOST, 0), _RequestHandler)
        self.owner = owner

    def handle_error(self, request: object, client_address: object) -> None:
        # A client closing a kept-alive connection (after refusing a body, say) is
        # ordinary here; any other handler failure is still printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def _not_found(exchange: Exchange) -> None:
    exchange.send(404, {"Content-Type": "text/plain"}, b"no route for this path")


class HTTPTestServer:
    """A threaded HTTP server on 127.0.0.1, on a port of its own, with routes
    registered per test.

    Always 127.0.0.1, the one address tests talk to: several servers stand in
    for several sites by their ports, as the refresh job keeps its politeness
    per origin (scheme, host, port).
    """

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._routes: dict[str, Handler] = {}
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._httpd = _Server(self)
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on this server."""
        return self.base_url + path

    def start(self) -> HTTPTestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> HTTPTestServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # Routes -----------------------------------------------------------------

    def handle(self, path: str, handler: Handler) -> None:
        """Answer requests to ``path`` (query ignored) with ``handler``."""
        with self._lock:
            self._routes[path] = handler

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: HeaderItems | None = None,
    ) -> None:
        """A fixed answer; ``content_type=None`` sends no Content-Type at all."""
        data = body.encode() if isinstance(body, str) else body
        items = _items(headers)
        if content_type is not None:
            items.insert(0, ("Content-Type", content_type))

        def answer(exchange: Exchange) -> None:
            exchange.send(status, items, data)

        self.handle(path, answer)

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        """``path`` answers ``status`` with Location ``to`` (relative or absolute)."""
        self.route(path, status=status, content_type=None, headers={"Location": to})

    # What was received ------------------------------------------------------

    def requests(self, path: str | None = None) -> list[RecordedRequest]:
        """Requests received so far, to ``path`` (query ignored) or all of them."""
        with self._lock:
            return [r for r in self._requests if path is None or r.path == path]

    def count(self, path: str) -> int:
        """How many requests ``path`` received."""
        return len(self.requests(path))

    def _record(self, request: RecordedRequest) -> Handler:
        with self._lock:
            self._requests.append(request)
            return self._routes.get(request.path, _not_found)


# Ready-made handlers -----------------------------------------------------------


def stall(seconds: float) -> Handler:
    """Accept the request, then say nothing for ``seconds`` (then a short page)."""

    def handler(exchange: Exchange) -> None:
        if not exchange.wait(seconds):
            exchange.send(200, {"Content-Type": "text/plain"}, b"late")

    return handler


def drip(chunk: bytes, *, interval: float, count: int, content_type: str = "text/plain") -> Handler:
    """Send ``chunk`` every ``interval`` seconds, ``count`` times (chunked)."""

    def chunks(exchange: Exchange) -> Iterator[bytes]:
        for _ in range(count):
            yield chunk
            if exchange.wait(interval):
                return

    def handler(exchange: Exchange) -> None:
        exchange.send_chunked(200, {"Content-Type": content_type}, chunks(exchange))

    return handler


def chunked(
    body: bytes, *, chunk_size: int = 16 * 1024, content_type: str = "text/html; charset=utf-8"
) -> Handler:
    """``body`` in chunked transfer encoding, without Content-Length."""

    def handler(exchange: Exchange) -> None:
        pieces = (body[i : i + chunk_size] for i in range(0, len(body), chunk_size))
        exchange.send_chunked(200, {"Content-Type": content_type}, pieces)

    return handler


def gzip_bomb(decoded_size: int = 1 << 30, *, content_type: str = "text/html") -> Handler:
    """A gzip stream of ``decoded_size`` zero bytes, made on the fly (about 1 KiB per MiB).

    Each MiB of zeros is deflated after a full flush, so every block compresses to
    the same bytes: they are computed once and repeated.
    """
    block_size = 1 << 20
    zeros = bytes(block_size)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"

    def chunks() -> Iterator[bytes]:
        yield header
        crc = 0
        for _ in range(decoded_size // block_size):
            yield block
            crc = zlib.crc32(zeros, crc)
        yield tail + struct.pack("<II", crc, decoded_size & 0xFFFFFFFF)

    def handler(exchange: Exchange) -> None:
        headers = {"Content-Type": content_type, "Content-Encoding": "gzip"}
        exchange.send_chunked(200, headers, chunks())

    return handler


def conditional(
    body: bytes,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> Handler:
    """A page with validators: 304 when the request's If-None-Match / If-Modified-Since match."""

    def handler(exchange: Exchange) -> None:
        headers: list[tuple[str, str]] = [("Content-Type", content_type)]
        if etag is not None:
            headers.append(("ETag", etag))
        if last_modified is not None:
            headers.append(("Last-Modified", last_modified))
        if_none_match = exchange.request.header("If-None-Match")
        if_modified_since = exchange.request.header("If-Modified-Since")
        fresh = (etag is not None and if_none_match == etag) or (
            if_none_match is None
            and last_modified is not None
            and if_modified_since == last_modified
        )
        if fresh:
            exchange.send(304, headers[1:])
        else:
            exchange.send(200, headers, body)

    return handler


def unused_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def http_server() -> Iterator[HTTPTestServer]:
    """A fresh server per test, stopped (and its stalled handlers woken) afterwards."""
    with HTTPTestServer() as server:
        yield server
