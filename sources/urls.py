"""Source identity: one canonical address per page a team cares about."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
from courlan import normalize_url

from sources.errors import SourceError

MAX_URL_BYTES = 2048
"""Longest address (UTF-8 bytes) kept as a source's identity. PostgreSQL's
index on ``source.url`` refuses entries past about 2,700 bytes; 2 KiB is also
what browsers and caches carry reliably."""

_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")

_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadAddress(SourceError):
    """An address that cannot name a source: malformed, not http(s), or too long."""


def canonical_url(url: str) -> str:
    """Canonical form of an http(s) address: case, default port, tracking
    parameters (utm_*, fbclid…) and query order normalised, fragment dropped.

    courlan (already under trafilatura) knows the tracking parameters of the
    field; only the fragment is ours to drop, as it never reaches the server.
    Raises :class:`BadAddress` for an address no request could be sent to (a
    broken IPv6 literal, a host that is not valid IDNA) or one too long to keep.
    """
    try:
        normalised = normalize_url(url.strip())
        parts = urlsplit(normalised)
        # httpx is what will send the request: a host it cannot encode is no host.
        httpx.URL(normalised).host  # noqa: B018
    except (ValueError, httpx.InvalidURL) as exc:  # UnicodeError (IDNA) is a ValueError
        raise BadAddress(f"{url}: not a valid address ({exc}); check the address") from None
    canonical = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))
    check_length(canonical)
    return canonical


def origin(url: str) -> str:
    """The site ``url`` belongs to: its origin (scheme, host, port), written
    ``scheme://host[:port]`` with the default port left out.

    The one definition of a site: the refresh job keeps its politeness gates,
    HTTP clients and robots.txt per origin, as RFC 9309 scopes robots.txt to
    one, so two servers on one host but different ports are two sites, while
    ``https://Example.org:443/a`` and ``https://example.org/b`` are one.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal: brackets keep its colons apart from the port's
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # no valid port: no request will reach it, keep what was written
        return f"{scheme}://{parts.netloc.rpartition('@')[2].lower()}"
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def check_length(url: str) -> None:
    """Refuse an address longer than :data:`MAX_URL_BYTES`."""
    size = len(url.encode("utf-8", "surrogatepass"))
    if size > MAX_URL_BYTES:
        raise BadAddress(
            f"{url[:60]}…: the address is {size:,} bytes long, factdesk keeps addresses "
            f"of up to {MAX_URL_BYTES:,}; drop tracking parameters from it, or save the "
            "page and ingest the file with --url set to a shorter address"
        )


def require_web_url(url: str) -> str:
    """``url`` if it is an http(s) address factdesk can keep; else :class:`BadAddress`."""
    if not is_web_url(url):
        raise BadAddress(
            f"{url[:60]}: not an http(s) address; give the page's original "
            "http:// or https:// address"
        )
    canonical_url(url)
    return url


def file_url(path: Path) -> str:
    """The address of a local file that has no original web address."""
    url = path.resolve().as_uri()
    check_length(url)
    return url


def is_local(url: str) -> bool:
    """True for a source read from a file or stdin (``file:``, ``stdin:``): one
    with no web address, which refresh never fetches.

    The one place locality is decided: the refresh queue's SQL filter
    (:func:`web_url_patterns`) says the same thing in SQL. The address decides,
    not ``Source.kind``: a ``pdf`` may have come from a file or from the web,
    and a file ingested with ``--url`` has a web address refresh can re-fetch.
    """
    return not is_web_url(url)


WEB_SCHEMES = ("http", "https")


def web_url_patterns() -> tuple[str, ...]:
    """SQL LIKE patterns matching the stored URL of every source that is not local
    (canonical URLs have a lower-case scheme)."""
    return tuple(f"{scheme}://%" for scheme in WEB_SCHEMES)


def is_web_url(target: str) -> bool:
    """True for an http: or https: address (read from its scheme alone; never raises)."""
    scheme = _SCHEME.match(target)
    return scheme is not None and scheme.group(1).lower() in WEB_SCHEMES


def looks_like_url(target: str) -> bool:
    """True for anything with a scheme, so ``ftp://x`` is refused as a URL, not a file."""
    return "://" in target
