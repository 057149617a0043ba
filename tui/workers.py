"""Messages that screens' thread workers post, and what a retried review action is.

Workers never touch widgets: they call application services
(``claims.services``) and post messages; the screen updates itself when the
messages arrive. Adding evidence goes in two steps so that a reviewer can
cancel before anything is stored:

1. ``claims.services.preview.preview_page`` fetches the page, extracts its
   text and sentences and ranks passages: nothing written.
2. Once a passage is chosen, ``claims.review.evidence.add_evidence`` fetches the page
   again through the snapshot store, anchors the quote and records everything
   in one transaction (the page may have changed in between; the anchor then
   fails with the closest passage, and nothing is stored).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from claims.review.events import ClaimChanged
from claims.services.preview import PREVIEW_STEPS, Cancelled, PagePreview, preview_page
from claims.services.report_selection import report_selection

__all__ = [
    "PREVIEW_STEPS",
    "Cancelled",
    "Conflict",
    "FetchStep",
    "PagePreview",
    "PreviewReady",
    "Retry",
    "Written",
    "preview_page",
    "report_selection",
]


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
