"""What kind of source a reading came from: how it was read, or what it is."""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """Stored as ``Source.kind``. A document format that needs its own reader
    (PDF) names the kind whatever carried it; other pages are named by the
    way they were read."""

    HTTP = "http"
    FILE = "file"
    STDIN = "stdin"
    PDF = "pdf"
    FEED = "feed"
    """A watched RSS/Atom feed, sitemap or sitemap index (`sources.watching`): its
    reads are snapshots like a page's, its entries become sources of their own."""
