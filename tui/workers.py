"""Blocking work the screens hand to thread workers, and the messages they post.

Workers never touch widgets: they call the functions here and post messages;
the screen updates itself when the messages arrive. Adding evidence goes in
two steps so that a reviewer can cancel before anything is stored:

1. ``preview_page`` reads the page (``claims.services.preview``: fetch, extract,
   split into sentences, rank passages): nothing written.
2. Once a passage is chosen, ``claims.review.evidence.add_evidence`` fetches the page
   again through the snapshot store, anchors the quote and records everything
   in one transaction (the page may have changed in between; the anchor then
   fails with the closest passage, and nothing is stored).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from claims.review.events import ClaimChanged
from claims.review.queries import ClaimFilter, list_claims
from claims.services import preview
from claims.services.preview import PREVIEW_STEPS as PREVIEW_STEPS  # the screens' import
from claims.services.preview import Cancelled as Cancelled  # the screens' import
from claims.services.preview import PagePreview as PagePreview
from claims.text.quantities import Quantity
from db.engine import Database
from sources.fetching import FetchPolicy

if TYPE_CHECKING:
    from claims.reports import ReportSelection

EXPORT_PAGE = 1000


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
    return preview.preview_page(
        url,
        policy=policy,
        claim_text=claim_text,
        quantities=quantities,
        claim_kind=claim_kind,
        step=step,
        cancelled=cancelled,
    )


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
