"""Page numbers of the claims and evidence quotes a report holds (PDF snapshots).

A claim or quote read from a PDF is cited with its page ("p. 12"), as the
claim screen and ``factdesk show`` cite it (:mod:`sources.pages`). The page
follows from the offset and the page breaks of the snapshot's text; reports
stream claims page by page, so each snapshot's text is read once per export,
and only for paged snapshots: an export of web pages pays one small query per
page of claims, which finds no PDF.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlmodel import Session, col

from db.models import Snapshot
from sources.pages import PAGED_TYPES, is_paged, page_label, page_starts

__all__ = ["PageFinder", "page_label"]
"""``page_label`` ("p. 12"): how writers, which read no `sources`, cite a page."""


class PageFinder:
    """Pages of offsets in snapshots, for one export (it remembers what it read)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._starts: dict[int, tuple[int, ...] | None] = {}
        """Snapshot id -> where its pages start (None: not paged)."""

    def _learn(self, snapshot_ids: Iterable[int]) -> None:
        unseen = sorted({i for i in snapshot_ids if i not in self._starts})
        if not unseen:
            return
        for snapshot_id in unseen:
            self._starts[snapshot_id] = None
        # Media types carry parameters ("application/pdf; version=1.7"): matched by prefix.
        paged = or_(*(col(Snapshot.media_type).startswith(t) for t in sorted(PAGED_TYPES)))
        rows = self._session.execute(
            select(col(Snapshot.id), col(Snapshot.media_type), col(Snapshot.text)).where(
                col(Snapshot.id).in_(unseen), paged
            )
        ).all()
        for snapshot_id, media_type, text in rows:
            if is_paged(media_type):
                self._starts[snapshot_id] = page_starts(text)

    def pages(self, spots: Iterable[tuple[int, int | None]]) -> dict[tuple[int, int], int]:
        """(snapshot id, offset) -> its 1-based page, for the spots in paged snapshots."""
        spots = [(s, o) for s, o in spots if o is not None]
        self._learn(s for s, _ in spots)
        out: dict[tuple[int, int], int] = {}
        for snapshot_id, offset in spots:
            starts = self._starts.get(snapshot_id)
            if starts is not None and offset is not None:
                out[(snapshot_id, offset)] = bisect_right(starts, offset)
        return out
