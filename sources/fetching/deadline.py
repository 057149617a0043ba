"""The whole-fetch deadline and the stop signal, enforced on every network wait.

httpcore gives each socket read the request's read timeout afresh. A server
that sends one header line, or one byte of chunk framing, a little faster than
that timeout would hold a fetch for ever: no complete event ever reaches the
code that checks the total. So the limit lives under httpcore, in the streams
the guarded backend opens: each read waits at most what is left of the
current fetch's deadline, in slices short enough to notice a stop (SIGTERM,
a refresh pass ending) within a fraction of a second.

A slice that times out consumed nothing (``recv`` with a timeout either
returns bytes or raises), so reading again is safe. Writes and TLS handshakes
are not sliced (a timed-out ``sendall`` may have sent part of its buffer):
their timeout is only cut to the deadline. Opening a connection is bounded by
the connect timeout (cut to the deadline too) and DNS by the system resolver;
neither notices a stop while it waits.

The deadline is a context variable: httpx's synchronous client does its I/O
in the calling thread, so each fetching thread sees its own.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import httpcore

T = TypeVar("T")

SLICE_S = 0.25
"""Longest single wait on a socket: how soon a stop is noticed."""


class Deadline:
    """The instant one fetch must be over by, and the event that ends it sooner."""

    def __init__(self, seconds: float, stop: threading.Event | None = None) -> None:
        self.end = time.monotonic() + seconds
        self.stop = stop
        self.passed = False
        """Set when a wait was cut off by this deadline (not by a read timeout)."""

    def left(self) -> float:
        return self.end - time.monotonic()

    @property
    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()


class Interrupted(httpcore.NetworkError):
    """A network wait ended because the fetch's stop event was set."""


_current: ContextVar[Deadline | None] = ContextVar("factdesk_fetch_deadline", default=None)


@contextmanager
def deadline(seconds: float, stop: threading.Event | None = None) -> Iterator[Deadline]:
    """Every network wait of this thread, inside the block, ends within ``seconds``."""
    current = Deadline(seconds, stop)
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)


def _cut(timeout: float | None, current: Deadline, error: type[Exception]) -> float:
    if current.stopped:
        raise Interrupted("the fetch was stopped")
    left = current.left()
    if left <= 0:
        current.passed = True
        raise error("the fetch's total time is up")
    return left if timeout is None else min(timeout, left)


def _sliced(read: Callable[[float], T], timeout: float | None, current: Deadline) -> T:
    """Call ``read`` with waits of at most SLICE_S until it returns or a limit is reached."""
    end = None if timeout is None else time.monotonic() + timeout
    while True:
        left = _cut(None, current, httpcore.ReadTimeout)
        if end is not None:
            own = end - time.monotonic()
            if own <= 0:
                raise httpcore.ReadTimeout("timed out")
            left = min(left, own)
        try:
            return read(min(left, SLICE_S))
        except httpcore.ReadTimeout:
            continue  # nothing was read; the next turn checks every limit again


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose waits obey the current :class:`Deadline`, if any."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        current = _current.get()
        if current is None:
            return self._stream.read(max_bytes, timeout)
        return _sliced(lambda wait: self._stream.read(max_bytes, wait), timeout, current)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        current = _current.get()
        if current is not None:
            timeout = _cut(timeout, current, httpcore.WriteTimeout)
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        current = _current.get()
        if current is not None:
            timeout = _cut(timeout, current, httpcore.ConnectTimeout)
        return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def connect_timeout(timeout: float | None) -> float | None:
    """``timeout`` cut to the current deadline (raising when it has passed or stopped)."""
    current = _current.get()
    if current is None:
        return timeout
    return _cut(timeout, current, httpcore.ConnectTimeout)
