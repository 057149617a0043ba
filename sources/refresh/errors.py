"""Errors of the refresh job (part of the sources layer's tree).

    sources.errors.SourceError
     └── RefreshError            the refresh job could not do what was asked
          ├── SourceNotFound     no source has that id or URL
          ├── SourcePaused       an explicit refresh of a paused source
          ├── SourceIsLocal      an explicit refresh of a file or stdin source
          ├── RobotsUnreadable   a source's robots.txt could not be read (5xx,
          │                      unreachable, refused by the address guard)
          └── PassFailed         the pass itself could not run (database, ...)

A source that fails to fetch is not an error of the pass: it is recorded
(fetch record, health) and counted. RobotsUnreadable is such an outcome: it
is recorded for the source (health ``robots_down``), never raised out of a pass.
"""

from __future__ import annotations

from sources.errors import SourceError


class RefreshError(SourceError):
    """Base of the refresh job's errors."""


class SourceNotFound(RefreshError):
    def __init__(self, key: str) -> None:
        super().__init__(f"source {key}: no such source; list sources with `factdesk sources`")
        self.key = key


class SourcePaused(RefreshError):
    def __init__(self, source_id: int) -> None:
        super().__init__(
            f"source {source_id} is paused; resume it with `factdesk refresh resume {source_id}`, "
            "or pass --force to refresh it once anyway"
        )
        self.source_id = source_id


class SourceIsLocal(RefreshError):
    def __init__(self, source_id: int, url: str) -> None:
        again = (
            "pipe the text to `factdesk ingest -` again"
            if url.startswith("stdin:")
            else "ingest the file again"
        )
        super().__init__(
            f"source {source_id} ({url}) is local: it was read from a file or stdin, so "
            f"refresh has nothing to fetch; {again} to record a new version"
        )
        self.source_id = source_id


class RobotsUnreadable(RefreshError):
    """``url`` was not fetched: its site's robots.txt could not be read.

    RFC 9309 section 2.3.1.4: a server error or an unreachable robots.txt
    means nothing may be fetched for now. That is the site failing, not the
    site forbidding: the source's health is ``robots_down`` and it is tried
    again after the robots backoff, never "blocked by robots.txt".
    """

    def __init__(self, url: str, robots_url: str, detail: str) -> None:
        super().__init__(
            f"{url}: not fetched, {robots_url} could not be read ({detail}); "
            "until it can be, RFC 9309 allows nothing on the site, so it is tried again later"
        )
        self.url = url
        self.robots_url = robots_url


class PassFailed(RefreshError):
    """The pass could not run at all (the database is unreachable, say)."""
