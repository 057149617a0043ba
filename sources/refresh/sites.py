"""What a worker keeps per site: an httpx client, a politeness gate, robots.txt.

A site is an origin (scheme, host, port: :func:`sources.urls.origin`), the
unit robots.txt applies to (RFC 9309): one client per site (httpx.Client is
thread-safe and pools its connections), one :class:`SiteGate` per site, one
robots.txt per site. Every client records the headers of the last answer each
thread received, so that a failed fetch's Retry-After can be read without
changing the fetcher.
"""

from __future__ import annotations

import threading

import httpx

from sources.fetching import FetchPolicy, build_client
from sources.refresh.config import RefreshPolicy
from sources.refresh.politeness import SiteGate
from sources.refresh.robots import RobotsCache
from sources.urls import origin


class _LastHeaders(threading.local):
    headers: httpx.Headers | None = None


class Sites:
    """Clients, gates and robots.txt of the sites one worker visits."""

    def __init__(self, policy: RefreshPolicy, fetch_policy: FetchPolicy) -> None:
        self.policy = policy
        self.fetch_policy = fetch_policy
        self.robots = RobotsCache(fetch_policy, policy.robots_ttl)
        self._clients: dict[str, httpx.Client] = {}
        self._gates: dict[str, SiteGate] = {}
        self._lock = threading.Lock()
        self._last = _LastHeaders()

    def client(self, url: str) -> httpx.Client:
        site = origin(url)
        with self._lock:
            client = self._clients.get(site)
            if client is None:
                client = build_client(self.fetch_policy)
                client.event_hooks = {"request": [], "response": [self._remember]}
                self._clients[site] = client
            return client

    def gate(self, url: str) -> SiteGate:
        site = origin(url)
        with self._lock:
            gate = self._gates.get(site)
            if gate is None:
                gate = SiteGate(self.policy.per_host, self.policy.host_delay)
                self._gates[site] = gate
            return gate

    def _remember(self, response: httpx.Response) -> None:
        self._last.headers = response.headers

    def forget_last(self) -> None:
        self._last.headers = None

    def last_header(self, name: str) -> str | None:
        """Header ``name`` of the last answer this thread received, if any."""
        headers = self._last.headers
        return headers.get(name) if headers is not None else None

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
