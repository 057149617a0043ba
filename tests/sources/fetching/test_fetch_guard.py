"""The address guard: loopback, private and other non-public destinations are refused."""

from __future__ import annotations

import ipaddress

import pytest

from sources.errors import BlockedAddress
from sources.fetching import FetchPolicy, build_client, fetch
from sources.fetching.guard import DestinationBlocked, check_addresses, non_public_reason
from tests.support.httpserver import HTTPTestServer

GUARDED = FetchPolicy()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_before_any_request(http_server: HTTPTestServer, host: str) -> None:
    http_server.route("/page", "<p>internal</p>")
    url = f"http://{host}:{http_server.port}/page"

    with pytest.raises(BlockedAddress) as caught:
        fetch(url, policy=GUARDED)

    message = str(caught.value)
    assert message.startswith(url)
    assert "loopback address" in message
    assert "--allow-private-networks" in message
    assert caught.value.host == host
    assert caught.value.attempt.status is None
    assert http_server.count("/page") == 0


def test_allow_private_networks_lets_loopback_through(http_server: HTTPTestServer) -> None:
    http_server.route("/page", "<p>internal</p>")

    result = fetch(http_server.url("/page"), policy=FetchPolicy(allow_private_networks=True))

    assert result.body == b"<p>internal</p>"


def test_guard_holds_for_direct_users_of_the_client(http_server: HTTPTestServer) -> None:
    http_server.route("/page", "<p>internal</p>")

    with build_client(GUARDED) as client, pytest.raises(DestinationBlocked):
        client.get(http_server.url("/page"))

    assert http_server.count("/page") == 0


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) is None


def test_one_private_answer_among_public_ones_blocks_the_host() -> None:
    with pytest.raises(DestinationBlocked) as caught:
        check_addresses("news.example", ["93.184.215.14", "10.0.0.7", "1.1.1.1"])

    assert caught.value.address == "10.0.0.7"
