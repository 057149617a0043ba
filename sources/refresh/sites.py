"""What a worker keeps per site: an httpx client, a politeness gate, robots.txt.

One client per host (httpx.Client is thread-safe and pools its connections),
one :class:`HostGate` per host, one robots.txt per origin. Every client records
the headers of the last answer each thread received, so that a failed fetch's
Retry-After can be read without changing the fetcher.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import httpx

from sources.fetching import FetchPolicy, build_client
from sources.refresh.config import RefreshPolicy
from sources.refresh.politeness import HostGate
from sources.refresh.robots import RobotsCache


class _LastHeaders(threading.local):
    headers: httpx.Headers | None = None


class Sites:
    """Clients, gates and robots.txt of the hosts one worker visits."""

    def __init__(self, policy: RefreshPolicy, fetch_policy: FetchPolicy) -> None:
        self.policy = policy
        self.fetch_policy = fetch_policy
        self.robots = RobotsCache(fetch_policy, policy.robots_ttl)
        self._clients: dict[str, httpx.Client] = {}
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()
        self._last = _LastHeaders()

    @staticmethod
    def host(url: str) -> str:
        return (urlsplit(url).hostname or "").lower()

    def client(self, url: str) -> httpx.Client:
        host = self.host(url)
        with self._lock:
            client = self._clients.get(host)
            if client is None:
                client = build_client(self.fetch_policy)
                client.event_hooks = {"request": [], "response": [self._remember]}
                self._clients[host] = client
            return client

    def gate(self, url: str) -> HostGate:
        host = self.host(url)
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = HostGate(self.policy.per_host, self.policy.host_delay)
                self._gates[host] = gate
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
