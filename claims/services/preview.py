"""Evidence preview: fetch a page, extract its text, rank the passages for a claim.

The first of the two steps of adding evidence (the second, storing it, is
``claims.review.evidence.add_evidence``): nothing is written here, so a
reviewer can cancel. The app runs it in a worker and shows ``step``'s progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claims.text.extraction import detect_language, split_sentences
from claims.text.passages import Passage, propose_passages
from claims.text.quantities import Quantity
from db.errors import FactdeskError
from sources.fetching import FetchPolicy
from sources.ingest import fetch_web, page_article

PREVIEW_STEPS = 3


class Cancelled(FactdeskError):
    """The reviewer cancelled the work; nothing was stored."""


@dataclass(frozen=True)
class PagePreview:
    """A fetched page's text, split for picking a quote."""

    url: str
    text: str
    proposals: list[Passage]
    sentences: list[str]


def preview_page(
    url: str,
    *,
    policy: FetchPolicy,
    claim_text: str,
    quantities: list[Quantity],
    claim_kind: str,
    step: Callable[[str, int], object],
    cancelled: Callable[[], bool],
) -> PagePreview:
    """Fetch ``url`` and prepare its passages; ``step`` reports progress, ``cancelled`` stops."""

    def checkpoint(label: str, done: int) -> None:
        if cancelled():
            raise Cancelled(f"{url}: fetch cancelled; nothing was stored")
        step(label, done)

    checkpoint(f"fetching {url}", 0)
    fetched = fetch_web(url, policy=policy)
    checkpoint("extracting the page's text", 1)
    _decoded, article = page_article(fetched, url=fetched.final_url, lang=None)
    text = article.text
    checkpoint("ranking passages", 2)
    language = article.language if article.language in ("fr", "en") else detect_language(text)
    proposals = propose_passages(claim_text, quantities, claim_kind, text, lang=language)
    sentences = [s.text for s in split_sentences(text, language)]
    checkpoint("ready", PREVIEW_STEPS)
    return PagePreview(url=url, text=text, proposals=proposals, sentences=sentences)
