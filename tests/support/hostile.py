"""Hostile servers for tests: raw sockets on 127.0.0.1 that say what no library would.

    with SlowLoris(dribble_headers(interval=0.5)) as server:
        fetch(server.url("/a"), policy=...)      # must give up at its total timeout
    server.requests                               # request heads received

A script gets the connection once the request head has been read and writes
what it likes, waiting with ``Conversation.wait`` so that stopping the server
ends it. Every script here gives up after ``SCRIPT_LIMIT_S`` at most, so that a
client that does not cut it off makes its test fail (too slow), not hang.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tests.support.httpserver import HOST

SCRIPT_LIMIT_S = 30.0


@dataclass
class Conversation:
    """One accepted connection, its request head, and the server's stop event."""

    connection: socket.socket
    head: bytes
    stopping: threading.Event

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds``; True when the server is stopping (give up then)."""
        return self.stopping.wait(seconds)

    def send(self, data: bytes) -> bool:
        """Write ``data``; False when the client has gone."""
        try:
            self.connection.sendall(data)
        except OSError:
            return False
        return True


Script = Callable[[Conversation], None]


class SlowLoris:
    """A TCP server on 127.0.0.1 answering every connection with ``script``."""

    def __init__(self, script: Script) -> None:
        self._script = script
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((HOST, 0))
        self._listener.listen(16)
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.stopping = threading.Event()
        self.requests: list[bytes] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def start(self) -> SlowLoris:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._acceptor.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> SlowLoris:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    data = connection.recv(4096)
                    if not data:
                        return
                    head += data
            except OSError:
                return
            with self._lock:
                self.requests.append(head)
            self._script(Conversation(connection, head, self.stopping))


def _dribble(conversation: Conversation, opening: bytes, piece: bytes, interval: float) -> None:
    if not conversation.send(opening):
        return
    until = time.monotonic() + SCRIPT_LIMIT_S
    while time.monotonic() < until:
        if conversation.wait(interval) or not conversation.send(piece):
            return


def dribble_status_line(interval: float) -> Script:
    """The status line's reason phrase, one byte every ``interval`` seconds."""
    return lambda c: _dribble(c, b"HTTP/1.1 200 O", b"K", interval)


def dribble_headers(interval: float) -> Script:
    """A status line, then one more header line every ``interval`` seconds."""

    def script(conversation: Conversation) -> None:
        counter = iter(range(1_000_000))

        def lines() -> Iterator[bytes]:
            while True:
                yield b"X-Filler-%d: still coming\r\n" % next(counter)

        opening = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
        if not conversation.send(opening):
            return
        until = time.monotonic() + SCRIPT_LIMIT_S
        for line in lines():
            if time.monotonic() > until or conversation.wait(interval):
                return
            if not conversation.send(line):
                return

    return script


def dribble_chunk_framing(interval: float) -> Script:
    """Complete headers and a first chunk, then a chunk-size line that never ends
    (one byte of chunk extension every ``interval`` seconds): no body byte ever
    reaches the reader, only framing."""
    opening = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"6\r\nhello \r\n"
        b"5;x="
    )
    return lambda c: _dribble(c, opening, b"x", interval)


def answer(status: int, body: bytes = b"", content_type: str = "text/plain") -> Script:
    """An ordinary, complete answer (for the paths a hostile server plays straight)."""
    head = (
        f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()

    def script(conversation: Conversation) -> None:
        conversation.send(head + body)

    return script


def by_path(scripts: dict[str, Script], default: Script) -> Script:
    """``scripts[path]`` for the request's path, ``default`` for any other."""

    def script(conversation: Conversation) -> None:
        target = conversation.head.split(b" ", 2)[1].decode("latin-1")
        scripts.get(target.split("?", 1)[0], default)(conversation)

    return script
