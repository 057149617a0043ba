"""Errors of the refresh job (part of the sources layer's tree).

    sources.errors.SourceError
     └── RefreshError            the refresh job could not do what was asked
          ├── SourceNotFound     no source has that id or URL
          ├── SourcePaused       an explicit refresh of a paused source
          └── PassFailed         the pass itself could not run (database, ...)

A source that fails to fetch is not an error of the pass: it is recorded
(fetch record, health) and counted.
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


class PassFailed(RefreshError):
    """The pass could not run at all (the database is unreachable, say)."""
