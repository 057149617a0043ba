"""robots.txt, read with Protego and obeyed by default (RFC 9309).

What a robots.txt answer means, per RFC 9309 section 2.3.1: a 4xx (no file)
allows everything; a 5xx, an unreachable server (DNS failure, refused, timed
out) or an address the guard refuses allows nothing for now, as the site may
be down or overloaded: :class:`RobotsUnreadable` (health ``robots_down``,
tried again after its own backoff), never "forbidden". A file read (or a failure) is kept for
``ttl`` seconds per site (origin: :func:`sources.urls.origin`); a
``Crawl-delay`` for factdesk slows the site's gate (up to the refresh policy's
cap).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx
from protego import Protego

from sources.errors import EmptyBody, FetchError, FetchStopped, HTTPStatusError
from sources.fetching import FetchPolicy, fetch
from sources.refresh.errors import RobotsUnreadable
from sources.urls import origin

ROBOTS_AGENT = "factdesk"
"""The name robots.txt groups are matched against (the User-Agent's product token)."""


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    robots_url: str
    reason: str
    """Why, in words, for the fetch record of a refused source."""


@dataclass
class _Entry:
    parser: Protego | None
    """None: robots.txt could not be read; ``problem`` says why."""
    problem: str
    expires: float


def robots_url(url: str) -> str:
    """The robots.txt of ``url``'s site, which also keys the cache: one per origin."""
    return f"{origin(url)}/robots.txt"


def _text(body: bytes, charset: str | None) -> str:
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know: RFC 9309 files are UTF-8
        return body.decode("utf-8", errors="replace")


class RobotsCache:
    """The robots.txt of each site (origin) a worker visits, fetched once per ``ttl``."""

    def __init__(self, policy: FetchPolicy, ttl: float) -> None:
        self._policy = policy
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def verdict(
        self, url: str, client: httpx.Client, stop: threading.Event | None = None
    ) -> RobotsVerdict:
        """May factdesk fetch ``url``? Fetches its site's robots.txt when needed.

        Raises RobotsUnreadable when it could not be read, FetchStopped when
        ``stop`` was set while reading it.
        """
        where = robots_url(url)
        entry = self._entry(where, client, stop)
        if entry.parser is None:
            raise RobotsUnreadable(url, where, entry.problem)
        allowed = bool(entry.parser.can_fetch(url, ROBOTS_AGENT))
        reason = "" if allowed else f"{where} disallows this path for {ROBOTS_AGENT}"
        return RobotsVerdict(allowed, where, reason)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site's robots.txt asks of factdesk, as written."""
        entry = self._entries.get(robots_url(url))
        if entry is None or entry.parser is None:
            return None
        delay = entry.parser.crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay is not None else None

    def _entry(self, where: str, client: httpx.Client, stop: threading.Event | None) -> _Entry:
        with self._guard:
            lock = self._locks.setdefault(where, threading.Lock())
        # One fetch per site: other threads wait for it instead of fetching too.
        with lock:
            entry = self._entries.get(where)
            if entry is None or entry.expires < time.monotonic():
                entry = self._load(where, client, stop)
                self._entries[where] = entry
            return entry

    def _load(self, where: str, client: httpx.Client, stop: threading.Event | None) -> _Entry:
        expires = time.monotonic() + self._ttl
        try:
            result = fetch(where, policy=self._policy, client=client, stop=stop)
        except FetchStopped:
            raise  # says nothing about the site: nothing to keep
        except EmptyBody:
            return _Entry(Protego.parse(""), "", expires)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return _Entry(Protego.parse(""), "", expires)
            return _Entry(None, f"it answered {exc.status}", expires)
        except FetchError as exc:
            return _Entry(None, str(exc).removeprefix(f"{where}: "), expires)
        return _Entry(Protego.parse(_text(result.body, result.charset)), "", expires)
