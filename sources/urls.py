"""Source identity: one canonical address per page a team cares about."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def canonical_url(url: str) -> str:
    """Canonical form of an http(s) address: case, default port, tracking
    parameters (utm_*, fbclid…) and query order normalised, fragment dropped.

    courlan (already under trafilatura) knows the tracking parameters of the
    field; only the fragment is ours to drop, as it never reaches the server.
    """
    normalised = normalize_url(url.strip())
    parts = urlsplit(normalised)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def file_url(path: Path) -> str:
    """The address of a local file that has no original web address."""
    return path.resolve().as_uri()


def is_web_url(target: str) -> bool:
    return urlsplit(target).scheme.lower() in {"http", "https"}


def looks_like_url(target: str) -> bool:
    """True for anything with a scheme, so ``ftp://x`` is refused as a URL, not a file."""
    return "://" in target
