"""Politeness towards the sites fetched: per-site gates and Retry-After.

Each site (origin: :func:`sources.urls.origin`) gets a :class:`SiteGate`: at
most ``per_host`` requests in flight and ``delay`` seconds between the starts
of two requests. A Retry-After (or a robots.txt Crawl-delay) pushes the next
start of the whole site back, not only of the source that got it.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class Stopped(Exception):
    """The pass is stopping; a waiting request gives up its turn."""


class SiteGate:
    """Concurrency limit and spacing of the requests to one site."""

    def __init__(self, per_host: int, delay: float) -> None:
        self._slots = threading.BoundedSemaphore(per_host)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.delay = delay

    def slow_down(self, delay: float) -> None:
        """Space requests at least ``delay`` seconds apart from now on (Crawl-delay)."""
        with self._lock:
            self.delay = max(self.delay, delay)

    def hold_off(self, seconds: float) -> None:
        """Start no request to this site for ``seconds`` (Retry-After)."""
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)

    @contextmanager
    def slot(self, stop: threading.Event) -> Iterator[None]:
        """Hold one of the site's request slots, started no sooner than the spacing allows."""
        self._slots.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self.delay
            if start > now and stop.wait(start - now):
                raise Stopped
            yield
        finally:
            self._slots.release()


_DELAY_SECONDS = re.compile(r"[0-9]+")


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delay-seconds or HTTP-date), or None.

    As asked: possibly huge, even infinite (``float`` of 400 digits); the
    schedule caps it (:func:`sources.refresh.schedule.server_delay`).
    """
    if value is None:
        return None
    value = value.strip()
    # ASCII digits only: str.isdigit() also accepts "²", which float() refuses.
    if _DELAY_SECONDS.fullmatch(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
