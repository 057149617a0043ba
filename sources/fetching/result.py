"""What a fetch returns, and what is recorded of it whether it succeeded or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Hop:
    """One redirect followed: the address answered ``status`` pointing to ``location``.

    ``location`` is the absolute address the Location header resolved to; it is the
    ``url`` of the next hop (or the attempt's final URL).
    """

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class FetchAttempt:
    """Provenance of one fetch, success or failure."""

    requested_url: str
    final_url: str
    """Last address requested (after redirects); equals requested_url without redirects."""
    status: int | None
    """Status of the last answer received; None when no answer came."""
    redirects: tuple[Hop, ...]
    started_at: datetime
    """When the fetch began, timezone-aware UTC."""
    elapsed_ms: int
    error: str | None
    """The one-line error message when the fetch failed, else None."""


@dataclass(frozen=True)
class FetchResult:
    """A page fetched: its provenance, headers and decoded body."""

    attempt: FetchAttempt
    headers: tuple[tuple[str, str], ...]
    """Final response headers as received, order and repeats kept."""
    body: bytes
    """Entity body after Content-Encoding decoding, within the policy's caps."""
    media_type: str
    """Lowercase type without parameters, e.g. "text/html"; the sniffed type when the
    server sent none; "" for a not-modified answer without Content-Type."""
    charset: str | None
    """The charset parameter of Content-Type, if any (not guessed here)."""
    not_modified: bool
    """True for a 304 answer to a conditional GET; body is b"" then."""
    etag: str | None
    last_modified: str | None
