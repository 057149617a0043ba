"""What the user named: a web address, a local file, or ``-`` for stdin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sources.urls import canonical_url, file_url, is_web_url, looks_like_url, require_web_url

Via = Literal["http", "file", "stdin"]


@dataclass(frozen=True)
class Target:
    """One target, resolved: how to read it and what address it is recorded under."""

    raw: str
    """As the user wrote it."""
    via: Via
    requested: str
    """The address a fetch record names: the URL, ``file:`` URL or ``stdin:``
    (or the original address given with ``--url``)."""
    url: str | None = None
    """The page's original web address, for a local file or stdin."""

    @property
    def name(self) -> str:
        """How a message names it."""
        return "stdin" if self.via == "stdin" else self.raw

    def source_url(self) -> str:
        """The source's identity: the canonical form of a web address."""
        return canonical_url(self.requested) if is_web_url(self.requested) else self.requested


def resolve_target(target: str, *, url: str | None = None) -> Target:
    """``target`` as the user wrote it (``-``, an http(s) URL or a path).

    ``url`` is the original web address of a file or stdin; it must be one
    (never javascript: or file:).
    """
    if url is not None:
        require_web_url(url)
    if target == "-":
        return Target(target, "stdin", url or "stdin:", url)
    if looks_like_url(target):
        return Target(target, "http", target, None)
    return Target(target, "file", url or file_url(Path(target)), url)
