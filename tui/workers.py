"""Blocking work the screens hand to thread workers, and the messages they post.

Workers never touch widgets: they call the functions here and post messages;
the screen updates itself when the messages arrive. Adding evidence goes in
two steps so that a reviewer can cancel before anything is stored:

1. ``preview_page`` fetches the page and extracts its text and sentences, and
   ranks passages with ``claims.text.passages.propose_passages``: nothing written.
2. Once a passage is chosen, ``claims.review.evidence.add_evidence`` fetches the page
   again through the snapshot store, anchors the quote and records everything
   in one transaction (the page may have changed in between; the anchor then
   fails with the closest passage, and nothing is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from claims.language_choice import choose_language
from claims.review.events import ClaimChanged
from claims.review.queries import ClaimFilter, list_claims
from claims.text.extraction import split_sentences
from claims.text.passages import Passage, propose_passages
from claims.text.quantities import Quantity
from db.engine import Database
from db.errors import FactdeskError
from sources.fetching import FetchPolicy
from sources.ingest import fetch_web, page_article

if TYPE_CHECKING:
    from claims.reports import ReportSelection

PREVIEW_STEPS = 3
EXPORT_PAGE = 1000


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
    language = choose_language(text, article.language)
    proposals = propose_passages(claim_text, quantities, claim_kind, text, lang=language)
    sentences = [s.text for s in split_sentences(text, language)]
    checkpoint("ready", PREVIEW_STEPS)
    return PagePreview(url=url, text=text, proposals=proposals, sentences=sentences)


def report_selection(database: Database, filters: ClaimFilter) -> ReportSelection:
    """The report selection that covers exactly the claims ``filters`` list.

    Reports select by source, status and verdict themselves; the queue's other
    filters (kind, words, assignee) are passed as the list of matching ids.
    """
    from claims.reports import ReportSelection

    if not (filters.kind or filters.text or filters.reviewer or filters.claimant):
        return ReportSelection(
            source=filters.source, status=filters.status, verdict=filters.verdict
        )
    ids: list[int] = []
    with database.read() as session:
        offset = 0
        while True:
            page = list_claims(session, filters, offset=offset, limit=EXPORT_PAGE)
            ids.extend(view.claim.id for view in page.rows if view.claim.id is not None)
            offset += EXPORT_PAGE
            if offset >= page.total or not page.rows:
                break
    return ReportSelection(claim_ids=tuple(ids))


class FetchStep(Message):
    def __init__(self, label: str, done: int) -> None:
        super().__init__()
        self.label = label
        self.done = done


class PreviewReady(Message):
    def __init__(self, preview: PagePreview, stance: str) -> None:
        super().__init__()
        self.preview = preview
        self.stance = stance


class Written(Message):
    """A review action was stored."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label


Retry = Callable[[int], object]
"""A review action, given the claim version it was decided on."""


class Conflict(Message):
    """Someone else changed the claim first; ``retry`` redoes the action on a version."""

    def __init__(self, label: str, retry: Retry, error: ClaimChanged) -> None:
        super().__init__()
        self.label = label
        self.retry = retry
        self.error = error
