"""Evidence preview: read a page and propose the passages that may back a claim.

The first step of adding evidence (the reviewer picks a passage, then
``claims.review.evidence.add_evidence`` fetches and stores it). Nothing is
written here. The CLI and the TUI call the same function; ``step`` reports
progress and ``cancelled`` lets the reviewer stop between steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claims.language_choice import choose_language
from claims.text.extraction import split_sentences
from claims.text.passages import Passage, propose_passages
from claims.text.quantities import Quantity
from db.errors import FactdeskError
from sources.fetching import FetchPolicy
from sources.reading import read

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
    step: Callable[[str, int], object] = lambda label, done: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> PagePreview:
    """Read ``url`` (a page or a PDF) and rank its passages against the claim."""

    def checkpoint(label: str, done: int) -> None:
        if cancelled():
            raise Cancelled(f"{url}: fetch cancelled; nothing was stored")
        step(label, done)

    checkpoint(f"fetching {url}", 0)
    reading = read(url, policy=policy)
    text = reading.text
    checkpoint("ranking passages", 2)
    language = choose_language(text, reading.article.language)
    proposals = propose_passages(claim_text, quantities, claim_kind, text, lang=language)
    sentences = [s.text for s in split_sentences(text, language)]
    checkpoint("ready", PREVIEW_STEPS)
    return PagePreview(url=url, text=text, proposals=proposals, sentences=sentences)
