"""Limits of one fetch: timeouts, redirects, body caps, the address guard, the User-Agent."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

MiB = 1024 * 1024


def default_user_agent() -> str:
    """The User-Agent factdesk sends: names the tool and its version so sites can reach us."""
    try:
        version = metadata.version("factdesk")
    except metadata.PackageNotFoundError:
        # Running from a checkout that was never installed.
        version = "dev"
    return f"factdesk/{version} (fact-checking; +https://factdesk.invalid)"


@dataclass(frozen=True)
class FetchPolicy:
    """What one fetch may cost; the defaults suit news pages.

    Timeouts are in seconds. ``total_timeout`` is the wall clock for the whole fetch,
    redirects and body streaming included; it is checked before each hop and after
    each chunk received, and every network wait is cut to what is left of it.
    """

    connect_timeout: float = 10.0
    """Seconds to open a connection (per address tried)."""
    read_timeout: float = 20.0
    """Seconds to wait for the next bytes from the server."""
    total_timeout: float = 60.0
    """Seconds for the whole fetch, redirects and body included."""
    max_redirects: int = 10
    """Redirects followed before giving up with TooManyRedirects."""
    max_wire_bytes: int = 20 * MiB
    """Cap on the body as sent (compressed), counted while streaming."""
    max_body_bytes: int = 20 * MiB
    """Cap on the body once Content-Encoding is decoded, counted while decoding."""
    allow_private_networks: bool = False
    """Let the fetcher reach loopback, private, link-local and other non-public addresses."""
    user_agent: str = field(default_factory=default_user_agent)
    """User-Agent header sent with every request."""
    also_read: frozenset[str] = frozenset()
    """Media types read beyond HTML and plain text (watched feeds: RSS, Atom, XML)."""

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchPolicy.{name} must be positive")
        for name in ("max_wire_bytes", "max_body_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchPolicy.{name} must be positive")
        if self.max_redirects < 0:
            raise ValueError("FetchPolicy.max_redirects must be zero or more")
