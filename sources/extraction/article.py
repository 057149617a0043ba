"""The result of extraction: a page's main text and what the page says about itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """Main text and metadata of one page.

    ``text`` holds paragraphs separated by ``"\\n\\n"``, without page chrome, each
    repeated block kept once; it may be empty (a page with no article).
    ``published`` is an ISO 8601 date or date-time string as the page gave it;
    ``language`` an ISO 639-1 code; ``jsonld`` every JSON-LD object of the page
    (ClaimReview ones whole); ``extractor`` names what produced the text and
    its version, for provenance.
    """

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    jsonld: tuple[dict[str, Any], ...] = field(default=())
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with the field names above."""
        return {
            "text": self.text,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "site_name": self.site_name,
            "language": self.language,
            "canonical_url": self.canonical_url,
            "jsonld": [dict(obj) for obj in self.jsonld],
            "extractor": self.extractor,
        }
