"""factdesk's demo corpus: fictional French and English pages, loaded without network.

``manifest.json`` lists each page with the address it stands for, its language,
its role (an article with claims, or a source page used as evidence) and what
it is expected to yield; README.md describes the corpus.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class DemoPage:
    path: Path
    url: str
    lang: str
    role: str
    title: str | None
    entry: dict[str, Any]


def demo_pages() -> list[DemoPage]:
    """The corpus pages, in manifest order (articles first, then sources)."""
    root = Path(__file__).parent
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["pages"] if isinstance(manifest, dict) else manifest
    pages = [
        DemoPage(
            path=root / entry["file"],
            url=entry["url"],
            lang=entry["lang"],
            role=entry.get("role", "article"),
            title=entry.get("title"),
            entry=entry,
        )
        for entry in entries
    ]
    return sorted(pages, key=lambda page: page.role != "article")
