"""The address guard: refuse to connect to non-public addresses, with no DNS-rebinding gap.

The guard lives in the network backend under httpcore, where every connection is
opened: it resolves the host itself, refuses the whole host when ANY of its answers
is non-public, then connects to one of the addresses it checked (never resolving
the name again). TLS still verifies and sends SNI for the host name, which httpcore
takes from the URL, not from the socket. Because every connection of every hop goes
through here, redirects are guarded too, and a name that changes its answer between
a check and a connect (DNS rebinding) is never given a second lookup.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import httpcore
import httpx

from sources.fetching.deadline import DeadlineStream, connect_timeout

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class DestinationBlocked(httpx.ConnectError):
    """A connection was refused by the guard; ``host`` resolved to ``address``.

    An httpx.ConnectError so that code using the client directly sees an httpx error.
    """

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{host} resolves to {address}, a {reason} address")
        self.host = host
        self.address = address
        self.reason = reason


def non_public_reason(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return non_public_reason(embedded)
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for reason, hit in checks:
        if hit:
            return reason
    # Shared address space (100.64/10, carrier NAT) and similar are neither
    # private nor global.
    if not address.is_global:
        return "non-public"
    return None


def _parse(address: str) -> IPAddress:
    # A scoped IPv6 answer ("fe80::1%eth0") carries its zone after "%".
    return ipaddress.ip_address(address.split("%", 1)[0])


def resolve(host: str, port: int) -> list[tuple[socket.AddressFamily, str]]:
    """Every address ``host`` resolves to for TCP, in resolver order, without repeats."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    seen: list[tuple[socket.AddressFamily, str]] = []
    for family, _type, _proto, _canon, sockaddr in answers:
        entry = (family, str(sockaddr[0]))
        if family in (socket.AF_INET, socket.AF_INET6) and entry not in seen:
            seen.append(entry)
    if not seen:
        raise httpcore.ConnectError(f"cannot resolve {host}: no IPv4 or IPv6 address")
    return seen


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    """Raise DestinationBlocked when any of ``addresses`` is not public."""
    for address in addresses:
        reason = non_public_reason(_parse(address))
        if reason is not None:
            raise DestinationBlocked(host, address, reason)


class GuardedBackend(httpcore.NetworkBackend):
    """Synchronous httpcore network backend that resolves, checks, then pins the address.

    Its streams obey the current fetch's deadline (:mod:`sources.fetching.deadline`).
    """

    def __init__(self, *, allow_private_networks: bool) -> None:
        self._allow_private = allow_private_networks
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        answers = resolve(host, port)
        if not self._allow_private:
            check_addresses(host, (address for _family, address in answers))
        last_error: Exception | None = None
        for _family, address in answers:
            try:
                # A numeric address: create_connection does no DNS lookup of its own.
                stream = self._sockets.connect_tcp(
                    address, port, connect_timeout(timeout), local_address, socket_options
                )
                return DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # resolve() never returns an empty list
        raise last_error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        # The fetcher only speaks TCP; a Unix socket would bypass the guard.
        raise httpcore.ConnectError("factdesk fetches over TCP only")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)
